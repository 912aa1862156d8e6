import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Transaction } from "kysely";
import type { CertificationStatus, Database, TestbedRequestStatus } from "../schema";
import { offerSearchText } from "../../app/modules/testbeds/search-text";
import { DEMO_CERT_IDS, DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS } from "./demo-testbed-ids";

/**
 * Demo testbeds (가늠터): offers from the three demo hospitals, requests in
 * every state, one completed testbed with a verified track record (cardiosense
 * at 한빛대학교병원, so the e2e can show company1 earning its own), and
 * certification checklists for the demo companies, some obtained with
 * evidence awaiting the operator's check. Deterministic: fixed ids and dates.
 */
export { DEMO_CERT_IDS, DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS };

type Hospital = "hanbit-univ-hospital" | "seoul-nuri-hospital" | "busan-haeun-medical-center";
type Company = "lumen-healthcare" | "mindwave-therapeutics" | "cardiosense" | "genomeplus";

type DemoOffer = {
  id: string;
  org: Hospital;
  status: "draft" | "open" | "closed";
  title: string;
  department: string;
  description: string;
  equipment: string;
  capacity?: number;
  period?: [string, string];
  irb: "not-required" | "required" | "in-review" | "approved";
  cost: string;
  ca: string[];
  tf: string[];
  gs?: string[];
  hidden?: string;
  publishedOn?: string;
};

const offers: DemoOffer[] = [
  {
    id: DEMO_TESTBED_IDS.hanbitEcgOpen,
    org: "hanbit-univ-hospital",
    status: "open",
    title: "심장내과 웨어러블 심전도 실사용 검증",
    department: "심장내과 · 스마트병원추진단",
    description:
      "부정맥 외래 환자를 대상으로 패치형·손목형 웨어러블 심전도 기기를 2~4주 착용해 홀터 검사와 비교 검증합니다. 심방세동 검출 민감도·특이도, 착용 순응도, 의료진 판독 시간 변화를 함께 봅니다.",
    equipment: "24시간 홀터 12대, 외래 연구 공간, 심전도 판독 전문의 2명 참여. 가명처리된 과거 홀터 데이터(약 8,000건) 비교 분석 가능.",
    capacity: 3,
    period: ["2026-09-01", "2027-06-30"],
    irb: "approved",
    cost: "병원 연구간호사 1명 지원, 기기·소모품은 기업 부담. 결과 보고서는 공동 명의로 작성합니다.",
    ca: ["cardiology"],
    tf: ["wearables", "remote-monitoring", "medical-devices"],
    gs: ["venture", "sme"],
    publishedOn: "2026-08-20",
  },
  {
    id: DEMO_TESTBED_IDS.hanbitImagingOpen,
    org: "hanbit-univ-hospital",
    status: "open",
    title: "영상의학과 AI 판독 보조 소프트웨어 리더 스터디",
    department: "영상의학과",
    description:
      "흉부 X-ray·CT 판독 보조 AI를 영상의학과 전문의와 전공의 8명이 사용하는 다중 판독자 연구(MRMC)로 검증합니다. 판독 정확도, 판독 시간, PACS 연동 안정성을 확인할 수 있습니다.",
    equipment: "연구용 PACS 뷰어 환경, 판독실 2실, 라벨링된 흉부 CT 1,100건(병리 확진 결절 포함).",
    capacity: 2,
    period: ["2026-12-01", "2027-05-31"],
    irb: "in-review",
    cost: "판독 참여 인건비는 기업 부담(1인 1회 기준 안내). 데이터 반출 없이 병원 내부에서만 분석합니다.",
    ca: ["radiology", "respiratory"],
    tf: ["medical-imaging-ai", "clinical-decision-support"],
    gs: ["venture", "sme", "midsize"],
    publishedOn: "2026-11-02",
  },
  {
    id: DEMO_TESTBED_IDS.hanbitSleepDraft,
    org: "hanbit-univ-hospital",
    status: "draft",
    title: "신경과 수면다원검사 연계 웨어러블 수면 분석 검증 (준비 중)",
    department: "신경과 수면센터",
    description: "수면다원검사와 동시에 웨어러블 수면 분석 기기를 착용해 수면 단계 분류 정확도를 비교합니다. 세부 조건은 수면센터와 협의 중입니다.",
    equipment: "수면다원검사실 4실",
    irb: "required",
    cost: "협의 중",
    ca: ["neurology"],
    tf: ["wearables"],
  },
  {
    id: DEMO_TESTBED_IDS.nuriRehabOpen,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "뇌졸중 환자 보행 재활로봇 사용성 평가",
    department: "재활의학과",
    description:
      "아급성기 뇌졸중 환자의 보행 훈련에 외골격·엔드이펙터형 재활로봇을 적용해 치료사 사용성과 환자 안전성을 평가합니다. 10m 보행검사, Berg 균형척도 변화도 함께 측정합니다.",
    equipment: "재활치료실 보행 훈련 구역, 트레드밀, 동작 분석 카메라, 물리치료사 3명.",
    capacity: 2,
    period: ["2027-01-05", "2027-08-31"],
    irb: "required",
    cost: "공간·치료사 시간은 병원이 지원하며, 로봇 설치와 보험은 기업이 준비합니다.",
    ca: ["rehabilitation", "neurology", "geriatrics"],
    tf: ["rehab-robotics", "medical-devices"],
    gs: ["venture", "sme"],
    publishedOn: "2026-10-15",
  },
  {
    id: DEMO_TESTBED_IDS.nuriDtxOpen,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "정신건강의학과 디지털 치료제 외래 파일럿",
    department: "정신건강의학과",
    description:
      "경도 우울·불면 외래 환자 60명에게 앱 기반 디지털 치료제를 8주간 처방해 PHQ-9, ISI 변화와 사용 지속률을 확인합니다. 확증 임상 전 탐색 단계 근거를 만드는 데 적합합니다.",
    equipment: "외래 진료실, 전자의무기록 연동용 테스트 환경, 임상심리사 1명.",
    capacity: 1,
    period: ["2026-10-01", "2027-03-31"],
    irb: "approved",
    cost: "연구 관리비 일부 기업 부담. 병원 IRB 수수료는 병원이 부담합니다.",
    ca: ["psychiatry"],
    tf: ["digital-therapeutics", "remote-monitoring"],
    gs: ["venture", "sme"],
    publishedOn: "2026-09-10",
  },
  {
    id: DEMO_TESTBED_IDS.nuriHidden,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "병동 낙상 감지 센서 시범 설치",
    department: "간호부",
    description: "병동 2곳에 낙상 감지 센서를 시범 설치해 오경보율을 확인합니다.",
    equipment: "병동 2곳",
    irb: "not-required",
    cost: "무상",
    ca: ["geriatrics"],
    tf: ["smart-hospital"],
    hidden: "연락처가 본문에 그대로 적혀 있어 수정 요청 중",
    publishedOn: "2026-11-10",
  },
  {
    id: DEMO_TESTBED_IDS.haeunSepsisOpen,
    org: "busan-haeun-medical-center",
    status: "open",
    title: "응급실 패혈증 조기경보 모델 후향·전향 검증 (가명 데이터)",
    department: "응급의학과 · 의료데이터센터",
    description:
      "응급실 내원 환자의 활력징후·검사 결과로 패혈증 발생을 예측하는 모델을 가명 데이터로 후향 검증한 뒤, 3개월간 실시간 무음(silent) 모드로 전향 검증합니다. Validation of sepsis early-warning models on pseudonymised ED data.",
    equipment: "가명처리된 응급실 EMR 데이터 약 12만 건(2019~2025), 안심 분석 환경(폐쇄망), FHIR 테스트 서버.",
    capacity: 2,
    period: ["2026-11-01", "2027-10-31"],
    irb: "approved",
    cost: "데이터 분석 환경 사용료 월 150만 원. 해외 인허가용 영문 보고서 작성 지원 가능.",
    ca: ["emergency", "infectious"],
    tf: ["clinical-decision-support", "health-data-platform"],
    gs: ["sme", "midsize", "overseas"],
    publishedOn: "2026-10-28",
  },
  {
    id: DEMO_TESTBED_IDS.haeunIvdClosed,
    org: "busan-haeun-medical-center",
    status: "closed",
    title: "진단검사의학과 신속 분자진단 현장 성능평가",
    department: "진단검사의학과",
    description: "호흡기 감염 신속 분자진단 키트의 현장 성능을 기존 PCR과 비교 평가합니다. 2026년 상반기 모집을 마감했습니다.",
    equipment: "진단검사실 분자진단 장비, 잔여 검체",
    capacity: 2,
    period: ["2026-03-01", "2026-08-31"],
    irb: "approved",
    cost: "검체 처리비 기업 부담",
    ca: ["infectious"],
    tf: ["in-vitro-diagnostics"],
    gs: ["sme", "midsize"],
    publishedOn: "2026-02-10",
  },
];

type DemoRequest = {
  id: string;
  offer: string;
  company: Company;
  status: TestbedRequestStatus;
  plan: string;
  preferredStart?: string;
  createdAt: string;
  decidedAt?: string;
  startedAt?: string;
  completedAt?: string;
  decline?: [string, string];
  outcome?: string;
};

const requests: DemoRequest[] = [
  {
    id: DEMO_TESTBED_REQUEST_IDS.lumenImagingRequested,
    offer: DEMO_TESTBED_IDS.hanbitImagingOpen,
    company: "lumen-healthcare",
    status: "requested",
    plan: "루멘 CT 폐결절 판독 보조 AI(식약처 2등급)의 다중 판독자 연구를 제안합니다. 판독자 8명이 AI 사용 전후로 300건씩 판독해 민감도와 판독 시간을 비교하고, PACS 연동 로그로 안정성을 확인하겠습니다.",
    preferredStart: "2027-01-04",
    createdAt: "2026-11-18T02:10:00Z",
  },
  {
    id: DEMO_TESTBED_REQUEST_IDS.cardiosenseEcgCompleted,
    offer: DEMO_TESTBED_IDS.hanbitEcgOpen,
    company: "cardiosense",
    status: "completed",
    plan: "패치형 심전도 'CardioPatch 2'를 부정맥 외래 환자 40명에게 2주간 부착해 홀터와 동시 측정하고, 심방세동 검출 성능과 착용 순응도를 확인하겠습니다.",
    preferredStart: "2026-09-07",
    createdAt: "2026-08-25T01:00:00Z",
    decidedAt: "2026-08-29T05:30:00Z",
    startedAt: "2026-09-07T00:00:00Z",
    completedAt: "2026-10-17T06:00:00Z",
    outcome: "외래 환자 40명, 2주 착용. 홀터 대비 심방세동 검출 민감도 95.2%, 특이도 97.8%, 착용 순응도 91%를 병원이 확인했습니다.",
  },
  {
    id: DEMO_TESTBED_REQUEST_IDS.mindwaveDtxInProgress,
    offer: DEMO_TESTBED_IDS.nuriDtxOpen,
    company: "mindwave-therapeutics",
    status: "in-progress",
    plan: "불면 인지행동치료 앱 '마인드슬립'을 외래 환자 60명에게 8주 처방하고 ISI 점수 변화와 주간 사용률을 측정하겠습니다. 확증 임상 설계에 쓸 효과 크기를 얻는 것이 목표입니다.",
    preferredStart: "2026-10-12",
    createdAt: "2026-09-15T03:00:00Z",
    decidedAt: "2026-09-22T04:00:00Z",
    startedAt: "2026-10-12T00:00:00Z",
  },
  {
    id: DEMO_TESTBED_REQUEST_IDS.genomeplusSepsisApproved,
    offer: DEMO_TESTBED_IDS.haeunSepsisOpen,
    company: "genomeplus",
    status: "approved",
    plan: "패혈증 의심 환자의 신속 유전자 검사 결과를 조기경보 모델 입력으로 추가했을 때 예측 성능이 얼마나 오르는지 후향 데이터로 검증하고 싶습니다. Results will support our CE-IVDR technical file.",
    preferredStart: "2026-12-01",
    createdAt: "2026-11-03T07:00:00Z",
    decidedAt: "2026-11-12T02:00:00Z",
  },
  {
    id: DEMO_TESTBED_REQUEST_IDS.mindwaveSepsisDeclined,
    offer: DEMO_TESTBED_IDS.haeunSepsisOpen,
    company: "mindwave-therapeutics",
    status: "declined",
    plan: "응급실 내원 환자의 정신건강 선별 도구를 함께 검증하고 싶습니다. 패혈증 모델과 같은 데이터 환경을 쓰면 좋겠습니다.",
    createdAt: "2026-11-04T01:00:00Z",
    decidedAt: "2026-11-06T01:00:00Z",
    decline: ["out-of-scope", "이번 가늠터는 패혈증 조기경보 모델 전용입니다. 정신건강 선별은 내년 상반기 별도 가늠터로 열 예정입니다."],
  },
  {
    id: DEMO_TESTBED_REQUEST_IDS.cardiosenseRehabWithdrawn,
    offer: DEMO_TESTBED_IDS.nuriRehabOpen,
    company: "cardiosense",
    status: "withdrawn",
    plan: "재활 훈련 중 심박 변이도를 웨어러블로 함께 측정해 과부하를 알리는 기능을 검증하려 했으나 일정이 맞지 않아 다음 기간에 다시 신청하겠습니다.",
    createdAt: "2026-10-20T01:00:00Z",
  },
];

type DemoCert = { id?: string; company: Company; code: string; status: CertificationStatus; on?: string; note?: string; evidence?: boolean; verified?: string };

const certs: DemoCert[] = [
  { id: DEMO_CERT_IDS.lumenMfds2, company: "lumen-healthcare", code: "mfds-class2", status: "obtained", on: "2025-06-12", note: "LungLens CT 2등급 인증", evidence: true, verified: "2026-09-03T02:00:00Z" },
  { id: DEMO_CERT_IDS.lumenIso13485, company: "lumen-healthcare", code: "iso-13485", status: "obtained", on: "2024-11-20", evidence: true },
  { company: "lumen-healthcare", code: "innovative-device", status: "in-progress", on: "2027-03-31", note: "혁신의료기기 지정 신청서 제출 준비" },
  { company: "lumen-healthcare", code: "fda-510k", status: "planned", on: "2027-12-31", note: "미국 진출 대비, predicate 기기 검토 중" },
  { company: "cardiosense", code: "mfds-class2", status: "obtained", on: "2026-02-02" },
  { id: DEMO_CERT_IDS.cardiosenseKc, company: "cardiosense", code: "kc-emc", status: "obtained", on: "2026-01-15", evidence: true },
  { id: DEMO_CERT_IDS.mindwaveIso13485, company: "mindwave-therapeutics", code: "iso-13485", status: "obtained", on: "2025-08-30", evidence: true },
  { company: "mindwave-therapeutics", code: "iec-62304", status: "obtained", on: "2025-08-30" },
  { company: "mindwave-therapeutics", code: "new-health-tech", status: "in-progress", note: "디지털 치료기기 신의료기술평가 준비" },
  { company: "genomeplus", code: "mfds-class3", status: "obtained", on: "2024-05-08" },
  { id: DEMO_CERT_IDS.genomeplusCe, company: "genomeplus", code: "ce-mdr", status: "obtained", on: "2025-12-01", note: "CE-IVDR Class C", evidence: true, verified: "2026-09-10T02:00:00Z" },
  { company: "genomeplus", code: "fda-510k", status: "in-progress", on: "2027-06-30" },
];

/** A tiny valid PDF standing in for a scanned certificate. */
function demoPdf(title: string): Buffer {
  const body = `BT /F1 18 Tf 72 720 Td (${title.replace(/[()\\]/g, "")}) Tj ET`;
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Writes the evidence file once (same bytes every time); a missing upload dir only costs the download. */
function storeEvidence(storageKey: string, title: string): { size: number } {
  const pdf = demoPdf(title);
  try {
    const dir = path.resolve(process.env.UPLOAD_DIR || "data/uploads");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, storageKey);
    if (!existsSync(file)) writeFileSync(file, pdf, { mode: 0o600 });
  } catch {
    // Read-only file system: the row still exists; the download answers 404.
  }
  return { size: pdf.length };
}

export async function seedTestbeds(trx: Transaction<Database>) {
  const orgs = await trx
    .selectFrom("organizations as o")
    .innerJoin("memberships as m", "m.org_id", "o.id")
    .select(["o.id", "o.slug", "o.name", "m.user_id"])
    .where("o.slug", "in", ["hanbit-univ-hospital", "seoul-nuri-hospital", "busan-haeun-medical-center", "lumen-healthcare", "mindwave-therapeutics", "cardiosense", "genomeplus", "medibridge-operator"])
    .where("m.role", "=", "owner")
    .execute();
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const org = (slug: string) => {
    const o = bySlug.get(slug);
    if (!o) throw new Error(`demo organisation missing: ${slug}`);
    return o;
  };
  const operator = org("medibridge-operator");

  for (const o of offers) {
    const h = org(o.org);
    const terms = [
      ...o.ca.map((code) => ({ kind: "clinical_area", code })),
      ...o.tf.map((code) => ({ kind: "tech_field", code })),
      ...(o.gs ?? []).map((code) => ({ kind: "growth_stage", code })),
    ];
    const published = o.publishedOn ? new Date(`${o.publishedOn}T01:00:00Z`) : null;
    await trx
      .insertInto("testbed_offers")
      .values({
        id: o.id,
        org_id: h.id,
        author_id: h.user_id,
        status: o.status,
        title: o.title,
        department: o.department,
        description: o.description,
        equipment: o.equipment,
        capacity: o.capacity ?? null,
        period_start: o.period?.[0] ?? null,
        period_end: o.period?.[1] ?? null,
        irb_status: o.irb,
        cost_support: o.cost,
        search_text: offerSearchText({ title: o.title, department: o.department, description: o.description, equipment: o.equipment, costSupport: o.cost }, terms),
        hidden_at: o.hidden ? new Date("2026-11-20T03:00:00Z") : null,
        hidden_reason: o.hidden ?? null,
        hidden_by: o.hidden ? operator.user_id : null,
        published_at: published,
        created_at: published ?? new Date("2026-11-01T00:00:00Z"),
        updated_at: published ?? new Date("2026-11-01T00:00:00Z"),
      })
      .execute();
    if (terms.length) await trx.insertInto("testbed_offer_terms").values(terms.map((t) => ({ ...t, offer_id: o.id }))).execute();
  }

  const offerById = new Map(offers.map((o) => [o.id, o]));
  for (const r of requests) {
    const o = offerById.get(r.offer)!;
    const h = org(o.org);
    const c = org(r.company);
    const last = r.completedAt ?? r.startedAt ?? r.decidedAt ?? r.createdAt;
    await trx
      .insertInto("testbed_requests")
      .values({
        id: r.id,
        offer_id: r.offer,
        hospital_org_id: h.id,
        company_org_id: c.id,
        requested_by: c.user_id,
        plan: r.plan,
        preferred_start: r.preferredStart ?? null,
        status: r.status,
        decline_reason: r.decline?.[0] ?? null,
        decline_note: r.decline?.[1] ?? null,
        outcome: r.outcome ?? null,
        decided_at: r.decidedAt ? new Date(r.decidedAt) : null,
        started_at: r.startedAt ? new Date(r.startedAt) : null,
        completed_at: r.completedAt ? new Date(r.completedAt) : null,
        confirmed_by: r.status === "completed" ? h.user_id : null,
        created_at: new Date(r.createdAt),
        updated_at: new Date(last),
      })
      .execute();
    if (r.status === "completed") {
      await trx
        .insertInto("track_records")
        .values({
          org_id: c.id,
          kind: "testbed",
          testbed_request_id: r.id,
          hospital_org_id: h.id,
          title: o.title,
          outcome: r.outcome ?? "",
          completed_on: r.completedAt!.slice(0, 10),
          verified_at: new Date(r.completedAt!),
          created_at: new Date(r.completedAt!),
        })
        .execute();
    }
  }

  let n = 0;
  for (const cert of certs) {
    const c = org(cert.company);
    let evidenceId: string | null = null;
    if (cert.evidence) {
      n += 1;
      const storageKey = `${"ce7e".padEnd(28, "0")}${String(n).padStart(4, "0")}.pdf`;
      const filename = `${cert.code}-certificate.pdf`;
      const { size } = storeEvidence(storageKey, `${c.name} ${cert.code}`);
      const a = await trx
        .insertInto("attachments")
        .values({ owner_org_id: c.id, uploaded_by: c.user_id, filename, storage_key: storageKey, size_bytes: size, sha256: "0".repeat(64), created_at: new Date("2026-11-20T01:00:00Z") })
        .returning("id")
        .executeTakeFirstOrThrow();
      evidenceId = a.id;
    }
    await trx
      .insertInto("org_certifications")
      .values({
        ...(cert.id ? { id: cert.id } : {}),
        org_id: c.id,
        code: cert.code,
        status: cert.status,
        status_on: cert.on ?? null,
        note: cert.note ?? "",
        evidence_attachment_id: evidenceId,
        verified_at: cert.verified ? new Date(cert.verified) : null,
        verified_by: cert.verified ? operator.user_id : null,
        created_at: new Date("2026-09-01T00:00:00Z"),
        updated_at: new Date(cert.verified ?? "2026-11-20T01:00:00Z"),
      })
      .execute();
    // Obtained certifications count where the profile form and matching read them.
    if (cert.status === "obtained") {
      await trx.insertInto("org_terms").values({ org_id: c.id, kind: "certification", code: cert.code }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
