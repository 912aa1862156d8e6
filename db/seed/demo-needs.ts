import type { Transaction } from "kysely";
import type { Database, NeedStatus } from "../schema";
import { buildSearchText } from "../../app/modules/needs/search-text";
import koNeeds from "../../app/locales/ko/needs.json";
import enNeeds from "../../app/locales/en/needs.json";
import { DEMO_CALL_IDS, DEMO_NEED_IDS } from "./demo-need-ids";

/**
 * Demo program calls and needs (natural Korean with some English). Ids are
 * fixed so demo links, the authorization matrix and other seeds can name them.
 */
export { DEMO_CALL_IDS, DEMO_NEED_IDS };

/** A sentence that exists only in the confidential details of 한빛대학교병원's first need (canary for leak tests). */
export const HANBIT_CONFIDENTIAL_MARKER = "HANBIT-CONF-7731";

type DemoNeed = {
  id: string;
  org: "hanbit-univ-hospital" | "seoul-nuri-hospital" | "busan-haeun-medical-center";
  status: NeedStatus;
  title: string;
  summary: string;
  details: string;
  ca?: string[];
  tf?: string[];
  ct?: string[];
  cert?: string[];
  trl?: [number, number];
  budget?: [number, number];
  months?: number;
  /** Days from the seeding date; null = always open. */
  deadlineIn: number | null;
  call?: keyof typeof DEMO_CALL_IDS;
  payer?: string;
  route?: string;
  reimb?: string;
  publishedDaysAgo: number;
  en?: boolean;
};

const 억 = 100_000_000;
const 만 = 10_000;

const needs: DemoNeed[] = [
  {
    id: DEMO_NEED_IDS.hanbitLungCt,
    org: "hanbit-univ-hospital",
    status: "open",
    title: "흉부 CT 폐결절 판독 보조 AI 임상검증",
    summary:
      "저선량 흉부 CT 검진이 늘면서 영상의학과 판독 부담이 커지고 있습니다. 폐결절 검출·크기 측정·Lung-RADS 분류를 돕는 AI의 전향적 임상검증을 함께할 기업을 찾습니다. PACS 연동이 가능하고 식약처 2등급 이상 인증을 받았거나 준비 중인 제품이면 좋겠습니다.",
    details:
      `내부 메모: 현재 판독 대기 건이 하루 평균 412건이고 야간 판독은 외부 위탁 중입니다. 2027년 1분기 PACS 교체(예산 약 18억 원)와 함께 AI를 묶어 도입하는 안을 원무·정보전략팀과 검토하고 있습니다 (${HANBIT_CONFIDENTIAL_MARKER}).\n` +
      "검증 데이터: 2021~2025년 검진 CT 약 3만 건, 병리 확진 결절 1,100건 라벨링 완료. IRB는 영상의학과 이정우 교수 책임으로 12월 심의 예정.\n" +
      "기존 A사 솔루션은 위양성률이 높아 2025년 재계약하지 않았습니다.",
    ca: ["radiology", "respiratory", "oncology"],
    tf: ["medical-imaging-ai", "clinical-decision-support"],
    ct: ["clinical-validation", "procurement-pilot"],
    cert: ["mfds-class2"],
    trl: [6, 8],
    budget: [1 * 억, 3 * 억],
    months: 12,
    deadlineIn: 45,
    call: "alwaysOn",
    payer: "hospital",
    route: "pilot-then-purchase",
    reimb: "non-covered",
    publishedDaysAgo: 3,
  },
  {
    id: DEMO_NEED_IDS.hanbitDeid,
    org: "hanbit-univ-hospital",
    status: "open",
    title: "의료영상 데이터 플랫폼을 위한 비식별화 솔루션",
    summary:
      "연구용 의료영상 데이터 플랫폼을 만들고 있습니다. DICOM 헤더와 영상 안에 찍힌 환자 정보(번인 텍스트)까지 자동으로 지우고, 가명처리 기록을 남기는 비식별화 솔루션과 공동 개발·데이터 협력을 원합니다.",
    details:
      "데이터심의위원회 조건: 원내 반출 금지, 원내 GPU 서버(폐쇄망)에서만 처리. 초음파·내시경 영상의 번인 텍스트 제거 정확도 99.5% 이상을 요구받았습니다.\n" +
      "연 5PB 규모 저장소 구축은 정보전략팀 예산으로 확정, 비식별화 모듈만 외부 협력 대상입니다.",
    ca: ["radiology"],
    tf: ["health-data-platform", "medical-imaging-ai"],
    ct: ["data-collaboration", "joint-rnd"],
    cert: ["iso-13485"],
    trl: [5, 7],
    budget: [5000 * 만, 1.5 * 억],
    months: 10,
    deadlineIn: null,
    payer: "government",
    route: "research-only",
    reimb: "not-applicable",
    publishedDaysAgo: 9,
  },
  {
    id: DEMO_NEED_IDS.hanbitHeartFailure,
    org: "hanbit-univ-hospital",
    status: "open",
    title: "심부전 환자 퇴원 후 원격 모니터링 웨어러블 실증",
    summary:
      "심부전으로 입원했던 환자의 30일 재입원을 줄이기 위해, 체중·심박·활동량을 집에서 측정하고 이상 징후를 외래에 알리는 웨어러블 원격 모니터링을 심장내과 외래에서 가늠터로 실증하려 합니다.",
    details: "대상 환자: 연 380명 퇴원, 30일 재입원율 17%. 심장내과 외래 간호사 1명이 모니터링 전담 가능. 환자용 기기 대여 비용은 병원이 최대 200대까지 부담 검토.",
    ca: ["cardiology"],
    tf: ["wearables", "remote-monitoring"],
    ct: ["testbed", "clinical-validation"],
    cert: ["mfds-class2", "kc-emc"],
    trl: [6, 8],
    budget: [8000 * 만, 2 * 억],
    months: 9,
    deadlineIn: 20,
    call: "alwaysOn",
    payer: "hospital",
    route: "pilot-then-purchase",
    reimb: "innovative-pathway",
    publishedDaysAgo: 14,
  },
  {
    id: DEMO_NEED_IDS.hanbitStrokeDraft,
    org: "hanbit-univ-hospital",
    status: "draft",
    title: "급성 뇌졸중 CT 관류영상 자동 분석 CDSS",
    summary: "응급실 도착 후 혈전제거술 결정까지의 시간을 줄이기 위해 CT 관류영상에서 경색 중심부와 페넘브라를 자동으로 계산하는 임상의사결정지원 도구를 찾습니다.",
    details: "초안: 신경과·영상의학과 합의 전. door-to-puncture 중앙값 92분 → 목표 60분.",
    ca: ["neurology", "radiology", "emergency"],
    tf: ["clinical-decision-support", "medical-imaging-ai"],
    ct: ["clinical-validation"],
    trl: [6, 8],
    deadlineIn: null,
    publishedDaysAgo: 0,
  },
  {
    id: DEMO_NEED_IDS.hanbitDischargeNlp,
    org: "hanbit-univ-hospital",
    status: "open",
    en: true,
    title: "Multilingual discharge summaries for international patients (Medical NLP)",
    summary:
      "Our international clinic sees patients from Mongolia, Kazakhstan and the Middle East. We want an NLP tool that turns Korean discharge summaries into accurate English, Russian and Arabic versions with a clinician review step. Partners with overseas deployment plans are welcome.",
    details: "Volume: about 2,400 international discharges a year. Current human translation costs about KRW 90M a year and takes 3–5 days. EMR vendor integration must go through the hospital's HL7 FHIR gateway.",
    ca: ["emergency"],
    tf: ["nlp-medical", "health-data-platform"],
    ct: ["joint-rnd", "procurement-pilot"],
    cert: ["iso-13485"],
    trl: [5, 7],
    budget: [6000 * 만, 1.2 * 억],
    months: 8,
    deadlineIn: 60,
    call: "overseas",
    payer: "hospital",
    route: "direct-purchase",
    reimb: "not-applicable",
    publishedDaysAgo: 6,
  },
  {
    id: DEMO_NEED_IDS.hanbitPolypClosed,
    org: "hanbit-univ-hospital",
    status: "closed",
    title: "대장내시경 용종 실시간 검출 보조 시스템",
    summary: "건강검진센터 대장내시경에서 작은 용종을 놓치지 않도록 실시간으로 표시해 주는 검출 보조 시스템을 시범 도입했습니다. 모집을 마감했습니다.",
    details: "2026년 상반기 시범 도입 완료, 선정 기업과 후속 계약 협의 중.",
    ca: ["gastroenterology"],
    tf: ["medical-imaging-ai"],
    ct: ["procurement-pilot"],
    trl: [7, 9],
    budget: [5000 * 만, 1 * 억],
    deadlineIn: -20,
    payer: "hospital",
    route: "direct-purchase",
    reimb: "non-covered",
    publishedDaysAgo: 80,
  },
  {
    id: DEMO_NEED_IDS.nuriFall,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "낙상 예방 웨어러블 센서 병동 실증",
    summary:
      "고령 입원 환자의 낙상을 줄이기 위해 침상 이탈과 보행 불안정을 미리 알려 주는 웨어러블 센서를 재활병동 40병상에서 3개월간 실증할 기업을 찾습니다. 간호 인력 알림 피로를 줄이는 것이 핵심입니다.",
    details: "2025년 병동 낙상 31건 중 야간(22~06시) 발생이 21건. 기존 침상 매트 센서는 오경보가 하루 평균 50건 이상이라 간호부에서 사용을 중단했습니다. 간호부장 면담 가능.",
    ca: ["geriatrics", "rehabilitation"],
    tf: ["wearables", "smart-hospital"],
    ct: ["testbed", "procurement-pilot"],
    cert: ["kc-emc"],
    trl: [6, 8],
    budget: [3000 * 만, 8000 * 만],
    months: 6,
    deadlineIn: 30,
    call: "alwaysOn",
    payer: "hospital",
    route: "pilot-then-purchase",
    reimb: "non-covered",
    publishedDaysAgo: 5,
  },
  {
    id: DEMO_NEED_IDS.nuriStrokeRobot,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "뇌졸중 재활 로봇 가늠터 참여 기업 모집",
    summary:
      "뇌졸중 후 보행 재활을 위한 착용형 로봇을 재활치료실에서 시험해 볼 수 있는 가늠터 자리를 상시로 엽니다. 치료사와 함께 사용성·안전성 데이터를 모으고, 결과는 실적 자료로 드립니다.",
    details: "재활치료실 보행 트랙 2개 레인, 평일 오후 2시간씩 배정 가능. 물리치료사 3명 참여. 기기 보험(배상책임) 가입 필수.",
    ca: ["rehabilitation", "neurology"],
    tf: ["rehab-robotics"],
    ct: ["testbed", "joint-rnd"],
    trl: [4, 7],
    budget: [0, 5000 * 만],
    months: 6,
    deadlineIn: null,
    payer: "company",
    route: "research-only",
    reimb: "undecided",
    publishedDaysAgo: 20,
  },
  {
    id: DEMO_NEED_IDS.nuriDepressionDtx,
    org: "seoul-nuri-hospital",
    status: "open",
    title: "우울증 DTx 실사용 데이터(RWD) 수집 협력",
    summary:
      "정신건강의학과 외래에서 우울증 디지털 치료제를 처방했을 때의 실사용 데이터(순응도, PHQ-9 변화, 중단 사유)를 함께 모을 기업을 찾습니다. 확증 임상 이후 급여 등재를 준비하는 제품이면 좋습니다.",
    details: "외래 우울증 환자 월 600명. 처방 후 8주 추적 가능. 데이터는 가명처리 후 병원 안에서만 분석(결합전문기관 이용 검토 중).",
    ca: ["psychiatry"],
    tf: ["digital-therapeutics", "remote-monitoring"],
    ct: ["data-collaboration", "clinical-validation"],
    cert: ["mfds-class2", "iec-62304"],
    trl: [6, 8],
    budget: [5000 * 만, 1 * 억],
    months: 12,
    deadlineIn: 75,
    payer: "insurance",
    route: "undecided",
    reimb: "new-health-tech",
    publishedDaysAgo: 11,
  },
  {
    id: DEMO_NEED_IDS.nuriMedicationDraft,
    org: "seoul-nuri-hospital",
    status: "draft",
    title: "고령 만성질환자 복약 순응도 원격 관리",
    summary: "퇴원한 고령 만성질환자의 복약을 집에서 확인하고 빠뜨린 복용을 보호자에게 알리는 서비스를 찾습니다.",
    details: "초안: 약제부와 협의 중. 대상 약 1,200명.",
    ca: ["geriatrics"],
    tf: ["remote-monitoring"],
    ct: ["testbed"],
    deadlineIn: null,
    publishedDaysAgo: 0,
  },
  {
    id: DEMO_NEED_IDS.nuriKneeVrMatched,
    org: "seoul-nuri-hospital",
    status: "matched",
    title: "무릎 인공관절 수술 후 VR 재활 프로그램",
    summary: "무릎 인공관절 수술 환자가 집에서도 재활 운동을 이어 가도록 돕는 VR 프로그램을 공동 개발했습니다. 협력 기업이 정해졌습니다.",
    details: "협력 기업 선정 완료(2026년 9월). 후속 임상 설계 진행 중.",
    ca: ["orthopedics", "rehabilitation"],
    tf: ["xr-healthcare"],
    ct: ["joint-rnd"],
    trl: [5, 7],
    budget: [4000 * 만, 7000 * 만],
    months: 8,
    deadlineIn: null,
    payer: "government",
    route: "research-only",
    reimb: "undecided",
    publishedDaysAgo: 120,
  },
  {
    id: DEMO_NEED_IDS.haeunSepsis,
    org: "busan-haeun-medical-center",
    status: "open",
    title: "패혈증 조기경보 AI 다기관 검증",
    summary:
      "응급실과 중환자실 활력징후·검사 결과로 패혈증 위험을 몇 시간 먼저 알려 주는 조기경보 모델을 지역 공공병원 3곳에서 함께 검증하려 합니다. 알람 피로를 줄이는 설계와 EMR 연동 경험이 중요합니다.",
    details: "2024~2025년 응급실 패혈증 확진 1,870건. 현재 qSOFA 기반 규칙 알람은 양성예측도 12%로 현장 신뢰가 낮음. 부산·경남 공공병원 2곳이 참여 의향서 제출.",
    ca: ["infectious", "emergency"],
    tf: ["clinical-decision-support", "health-data-platform"],
    ct: ["clinical-validation", "data-collaboration"],
    cert: ["mfds-class2"],
    trl: [5, 7],
    budget: [1.5 * 억, 4 * 억],
    months: 18,
    deadlineIn: 10,
    call: "alwaysOn",
    payer: "government",
    route: "innovative-procurement",
    reimb: "new-health-tech",
    publishedDaysAgo: 2,
  },
  {
    id: DEMO_NEED_IDS.haeunIcuPlatform,
    org: "busan-haeun-medical-center",
    status: "open",
    title: "중환자실 생체신호 데이터 플랫폼 구축 협력",
    summary:
      "중환자실 모니터의 고해상도 생체신호(파형 포함)를 실시간으로 모아 연구와 조기경보에 쓸 수 있는 데이터 플랫폼을 함께 만들 기업을 상시 모집합니다. FHIR 표준 연계를 원합니다.",
    details: "중환자실 24병상, 모니터 제조사 2곳 혼재. 원내 서버실 랙 2개 확보. 정보보호 인증(ISMS-P) 범위 안에서 운영해야 함.",
    ca: ["emergency"],
    tf: ["health-data-platform", "remote-monitoring"],
    ct: ["data-collaboration", "joint-rnd"],
    trl: [4, 6],
    budget: [1 * 억, 2.5 * 억],
    months: 12,
    deadlineIn: null,
    payer: "government",
    route: "public-tender",
    reimb: "not-applicable",
    publishedDaysAgo: 25,
  },
  {
    id: DEMO_NEED_IDS.haeunRapidDx,
    org: "busan-haeun-medical-center",
    status: "open",
    title: "호흡기 감염병 신속 분자진단 키트 시범 구매",
    summary:
      "겨울철 호흡기 감염병 유행기에 응급실에서 1시간 안에 결과가 나오는 다중 분자진단 키트를 시범 구매하려 합니다. 식약처 허가 제품, 공공 구매 절차 경험이 있는 기업이면 좋습니다. Overseas manufacturers with a Korean partner are welcome.",
    details: "예상 사용량 월 800~1,200검사. 현 외주 검사 회송 시간 평균 26시간. 조달청 혁신제품 지정 여부 확인 필요.",
    ca: ["infectious", "emergency"],
    tf: ["in-vitro-diagnostics"],
    ct: ["procurement-pilot"],
    cert: ["mfds-class3"],
    trl: [8, 9],
    budget: [8000 * 만, 2 * 억],
    months: 6,
    deadlineIn: 35,
    call: "overseas",
    payer: "hospital",
    route: "innovative-procurement",
    reimb: "covered",
    publishedDaysAgo: 8,
  },
];

function ymdPlus(days: number, from = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Demo needs (natural Korean with some English). Called by seedDemo() inside its transaction, after organisations and users exist. */
export async function seedNeeds(trx: Transaction<Database>): Promise<void> {
  const operator = await trx
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select("u.id")
    .where("o.kind", "=", "operator")
    .executeTakeFirst();
  await trx
    .insertInto("program_calls")
    .values([
      {
        id: DEMO_CALL_IDS.alwaysOn,
        name: "2026 스마트헬스케어 병원-기업 상시연계 R&D",
        name_en: "2026 Always-on Hospital–Company Smart Healthcare R&D",
        description:
          "병원이 연중 언제든 임상 수요를 올리고 기업이 응답하는 상시연계 R&D 지원사업입니다. 선정된 병원-기업 컨소시엄에 과제당 최대 3억 원, 최장 18개월을 지원합니다.",
        eligibility: "인증된 병원과 기업(벤처·중소·중견)이 함께 신청. 병원 수요에 기반한 과제만 가능합니다.",
        budget_krw: 50 * 억,
        starts_on: "2026-03-02",
        ends_on: "2027-02-26",
        status: "open",
        created_by: operator?.id ?? null,
      },
      {
        id: DEMO_CALL_IDS.overseas,
        name: "해외 수요 연계 실증 지원사업 (K-Health Global Demand)",
        name_en: "K-Health Global Demand: overseas demand-linked validation",
        description:
          "해외 병원·공공기관의 수요, 또는 국내 병원의 해외 환자 수요와 연결된 실증을 지원합니다. 해외 인허가(CE-MDR, FDA) 준비 비용 일부를 함께 지원합니다.",
        eligibility: "해외 진출 단계 기업 또는 해외 파트너가 있는 국내 기업과 인증 병원.",
        budget_krw: 30 * 억,
        starts_on: "2026-06-01",
        ends_on: "2027-05-31",
        status: "open",
        created_by: operator?.id ?? null,
      },
    ])
    .execute();

  const orgs = await trx
    .selectFrom("organizations as o")
    .innerJoin("memberships as m", "m.org_id", "o.id")
    .select(["o.id", "o.slug", "m.user_id", "m.role"])
    .where(
      "o.slug",
      "in",
      needs.map((n) => n.org),
    )
    .where("m.role", "=", "owner")
    .execute();
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const now = new Date();
  for (const n of needs) {
    const org = bySlug.get(n.org);
    if (!org) throw new Error(`demo organisation missing: ${n.org}`);
    const terms = [
      ...(n.ca ?? []).map((code) => ({ kind: "clinical_area", code })),
      ...(n.tf ?? []).map((code) => ({ kind: "tech_field", code })),
      ...(n.ct ?? []).map((code) => ({ kind: "collaboration_type", code })),
      ...(n.cert ?? []).map((code) => ({ kind: "certification", code })),
    ];
    const published = n.status === "draft" ? null : new Date(now.getTime() - n.publishedDaysAgo * 86_400_000);
    await trx
      .insertInto("needs")
      .values({
        id: n.id,
        org_id: org.id,
        author_id: org.user_id,
        status: n.status,
        title: n.title,
        summary: n.summary,
        details: n.details,
        trl_min: n.trl?.[0] ?? null,
        trl_max: n.trl?.[1] ?? null,
        budget_min_krw: n.budget?.[0] ?? null,
        budget_max_krw: n.budget?.[1] ?? null,
        duration_months: n.months ?? null,
        deadline: n.deadlineIn === null ? null : ymdPlus(n.deadlineIn, now),
        program_call_id: n.call ? DEMO_CALL_IDS[n.call] : null,
        adoption_payer: n.payer ?? "",
        adoption_route: n.route ?? "",
        adoption_reimbursement: n.reimb ?? "",
        nda_version: 1,
        nda_text: n.en ? enNeeds.nda.default : koNeeds.nda.default,
        search_text: buildSearchText(n.title, n.summary, terms),
        published_at: published,
        closed_at: n.status === "closed" || n.status === "matched" ? new Date(now.getTime() - 10 * 86_400_000) : null,
        created_at: published ?? now,
        updated_at: published ?? now,
      })
      .execute();
    if (terms.length) await trx.insertInto("need_terms").values(terms.map((t) => ({ ...t, need_id: n.id }))).execute();
  }

  // 루멘헬스케어 has already accepted the NDA of the de-identification need (the "NDA accepted" state in demos and tests).
  const lumen = await trx
    .selectFrom("organizations as o")
    .innerJoin("memberships as m", "m.org_id", "o.id")
    .select(["o.id", "m.user_id"])
    .where("o.slug", "=", "lumen-healthcare")
    .where("m.role", "=", "owner")
    .executeTakeFirst();
  if (lumen) {
    await trx.insertInto("nda_acceptances").values({ need_id: DEMO_NEED_IDS.hanbitDeid, org_id: lumen.id, user_id: lumen.user_id, nda_version: 1 }).execute();
  }
}
