import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Transaction } from "kysely";
import type { Database, PitchStatus } from "../schema";
import { buildPitchSearchText } from "../../app/modules/pitches/search-text";
import { uploadDir } from "../../app/modules/uploads/uploads.server";
import { DEMO_PITCH_IDS } from "./demo-pitch-ids";

/**
 * Demo pitches ("나는 바이오벤처다"), natural Korean with some English, at
 * the fixed ids of demo-pitch-ids.ts. Published ones carry a small valid PDF
 * deck stored like an upload (generated name under UPLOAD_DIR, attachment row).
 * Deterministic: fixed dates, file names derived from the pitch id.
 */

type DemoPitch = {
  id: string;
  company: string;
  status: PitchStatus;
  title: string;
  oneLiner: string;
  problem: string;
  solution: string;
  market: string;
  traction: string;
  team: string;
  askKrw: number | null;
  round: string | null;
  trl: number | null;
  techFields: string[];
  clinicalAreas: string[];
  publishedAt: string | null;
  archivedAt?: string;
  deck?: { filename: string; lines: string[] };
};

const P = DEMO_PITCH_IDS;

export const demoPitches: DemoPitch[] = [
  {
    id: P.lumenLungAi,
    company: "lumen-healthcare",
    status: "published",
    title: "폐결절 CT 판독 AI, 시리즈 A 유치",
    oneLiner: "흉부 CT에서 폐결절을 찾아 크기 변화까지 추적하는 판독 보조 AI로 폐암 조기 발견을 돕습니다.",
    problem:
      "국가 폐암검진이 늘면서 저선량 흉부 CT 판독량이 5년 새 두 배가 되었지만, 영상의학과 전문의 수는 거의 그대로입니다. 작은 결절을 놓치거나 이전 검사와 비교하는 데 시간이 많이 듭니다.",
    solution:
      "LumenCT Nodule은 3mm 이상 결절을 자동으로 찾고, 이전 CT와 정합해 부피 배가 시간을 계산합니다. PACS 안에서 바로 열리고, 판독문 초안을 Lung-RADS 형식으로 만들어 줍니다.",
    market: "국내 폐암검진 CT 연 40만 건, 상급·종합병원 350곳. 일본·동남아 검진 시장으로 확장 계획(Japan PMDA 상담 진행 중).",
    traction: "식약처 2등급 인증(흉부 X-ray 제품), 대학병원 3곳 후향 검증(민감도 94%), 유료 도입 병원 7곳, 2025년 매출 12억 원.",
    team: "대표 최민준(영상의학 AI 박사, 전 대기업 의료AI 리드), CTO 한서영, 영상의학과 자문 교수 3명. 총 24명.",
    askKrw: 3_000_000_000,
    round: "series-a",
    trl: 7,
    techFields: ["medical-imaging-ai", "clinical-decision-support"],
    clinicalAreas: ["radiology", "respiratory", "oncology"],
    publishedAt: "2026-10-20T01:00:00Z",
    deck: { filename: "LumenHealthcare_SeriesA_IR.pdf", lines: ["Lumen Healthcare - Series A", "AI for lung nodules on chest CT", "Ask: KRW 3.0B"] },
  },
  {
    id: P.lumenPathologyDraft,
    company: "lumen-healthcare",
    status: "draft",
    title: "디지털 병리 AI (작성 중)",
    oneLiner: "위 내시경 조직 슬라이드에서 암 의심 부위를 표시하는 병리 판독 보조 AI입니다.",
    problem: "병리과 전문의 부족으로 조직 검사 결과가 1~2주씩 걸립니다.",
    solution: "",
    market: "",
    traction: "",
    team: "",
    askKrw: 5_000_000_000,
    round: "series-b",
    trl: 4,
    techFields: ["medical-imaging-ai"],
    clinicalAreas: ["gastroenterology", "oncology"],
    publishedAt: null,
  },
  {
    id: P.mindwaveDtx,
    company: "mindwave-therapeutics",
    status: "published",
    title: "불면증·우울증 디지털 치료제, 프리 A 라운드",
    oneLiner: "인지행동치료(CBT-I)를 앱으로 옮긴 불면증 DTx 'SleepWave'의 확증 임상 자금을 모읍니다.",
    problem: "만성 불면증 환자 대부분이 수면제에 의존하고, 대면 인지행동치료는 치료자가 부족해 받기 어렵습니다.",
    solution: "6주 프로그램으로 수면 일기, 수면 제한, 인지 재구성을 앱에서 안내하고, 의사는 대시보드로 순응도를 봅니다.",
    market: "국내 불면증 진료 환자 연 70만 명. 2024년 디지털 치료기기 급여 시범사업 시작으로 처방 경로가 열렸습니다.",
    traction: "탐색 임상 완료(ISI 점수 평균 7.2점 감소), 대학병원 2곳과 확증 임상 IRB 준비, ISO 13485·IEC 62304 확보.",
    team: "대표 윤하은(임상심리 박사), 정신건강의학 전문의 자문 2명, 개발 9명.",
    askKrw: 1_500_000_000,
    round: "pre-a",
    trl: 5,
    techFields: ["digital-therapeutics", "remote-monitoring"],
    clinicalAreas: ["psychiatry", "neurology"],
    publishedAt: "2026-11-03T02:00:00Z",
    deck: { filename: "MindWave_PreA_Deck.pdf", lines: ["MindWave Therapeutics - Pre-A", "Digital therapeutics for insomnia", "Ask: KRW 1.5B"] },
  },
  {
    id: P.cardiosenseEcg,
    company: "cardiosense",
    status: "published",
    title: "Wearable ECG patch for arrhythmia monitoring — Seed",
    oneLiner: "14일 연속 측정 패치형 심전도와 부정맥 자동 분석으로, 퇴원 후 심방세동을 놓치지 않게 합니다.",
    problem: "Paroxysmal atrial fibrillation is missed by 24-hour Holter monitoring in a large share of patients; 외래 재방문이 어려운 고령 환자는 더 그렇습니다.",
    solution: "CardioPatch records single-lead ECG for 14 days; ArrhythmiaNet flags AF episodes and sends a summary to the hospital EMR. 병동 간호사 대시보드에서 이상 징후만 알립니다.",
    market: "국내 심방세동 환자 약 80만 명, 홀터 검사 연 60만 건. Home monitoring reimbursement under discussion.",
    traction: "한빛대학교병원 심장내과와 심부전 원격 모니터링 파일럿 협력 확정, 식약처 2등급 인증, KC/EMC 완료.",
    team: "CEO 오세훈 (ex-Samsung Medison), 심장내과 자문의 1명, 하드웨어 6명, 품질·인허가 2명.",
    askKrw: 800_000_000,
    round: "seed",
    trl: 7,
    techFields: ["wearables", "remote-monitoring", "medical-devices"],
    clinicalAreas: ["cardiology"],
    publishedAt: "2026-11-10T05:30:00Z",
    deck: { filename: "CardioSense_Seed.pdf", lines: ["CardioSense - Seed round", "14-day wearable ECG patch", "Ask: KRW 800M"] },
  },
  {
    id: P.genomeplusPanel,
    company: "genomeplus",
    status: "published",
    title: "NGS 암 유전체 패널 해외 진출, 시리즈 B",
    oneLiner: "500개 유전자 NGS 암 패널 'OncoPanel 500'으로 CE-IVDR 인증과 동남아 검사실 공급을 확대합니다.",
    problem: "Comprehensive genomic profiling is still sent abroad by many Asian hospitals, adding 3–4 weeks and high cost.",
    solution: "국내 40여 개 병원 검사실에 공급 중인 패널과 분석 소프트웨어를 현지 검사실에 키트 형태로 공급하고, 결과 보고서를 한국어·영어로 제공합니다.",
    market: "Southeast Asian oncology NGS market estimated at USD 400M by 2030; 국내 NGS 급여 확대로 검사 건수 연 20% 증가.",
    traction: "식약처 3등급 허가, CE-MDR/IVDR 심사 중, 2025년 매출 210억 원, 영업이익 흑자 전환.",
    team: "대표 강도윤, 분자진단 연구소 35명, 해외사업팀 8명(싱가포르 법인).",
    askKrw: 10_000_000_000,
    round: "series-b",
    trl: 8,
    techFields: ["genomics", "in-vitro-diagnostics"],
    clinicalAreas: ["oncology"],
    publishedAt: "2026-09-28T00:00:00Z",
    deck: { filename: "GenomePlus_SeriesB_Overview.pdf", lines: ["GenomePlus - Series B", "OncoPanel 500 goes overseas", "Ask: KRW 10B"] },
  },
  {
    id: P.mindwaveArchived,
    company: "mindwave-therapeutics",
    status: "archived",
    title: "우울증 자가관리 앱 MoodStep 시드 라운드 (마감)",
    oneLiner: "2025년 시드 라운드에서 MoodStep 초기 버전 개발 자금을 유치했습니다.",
    problem: "경증 우울증 환자가 진료 사이에 스스로 관리할 도구가 부족합니다.",
    solution: "기분 기록과 행동 활성화 과제를 매일 안내하는 앱입니다.",
    market: "국내 우울증 진료 환자 연 100만 명.",
    traction: "시드 5억 원 유치 완료.",
    team: "창업 멤버 4명.",
    askKrw: 500_000_000,
    round: "seed",
    trl: 4,
    techFields: ["digital-therapeutics"],
    clinicalAreas: ["psychiatry"],
    publishedAt: "2025-03-02T00:00:00Z",
    archivedAt: "2025-06-30T00:00:00Z",
  },
];

/** A small, valid one-page PDF (Helvetica text, correct xref offsets). */
export function demoPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 24 : 14} Tf 60 ${760 - i * 40} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Store a demo deck like an upload: a generated-looking name (derived from the pitch id) under UPLOAD_DIR. */
function storeDeck(pitchId: string, bytes: Buffer) {
  const dir = uploadDir();
  mkdirSync(dir, { recursive: true });
  const storageKey = `${createHash("md5").update(`demo-deck:${pitchId}`).digest("hex")}.pdf`;
  const file = path.join(dir, storageKey);
  if (!existsSync(file)) writeFileSync(file, bytes, { mode: 0o600 });
  return { storageKey, sizeBytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function seedPitches(trx: Transaction<Database>): Promise<void> {
  const orgs = await trx.selectFrom("organizations").select(["id", "slug", "name", "name_en", "kind"]).execute();
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const owners = await trx.selectFrom("memberships").select(["org_id", "user_id"]).where("role", "=", "owner").execute();
  const ownerOf = new Map(owners.map((m) => [m.org_id, m.user_id]));
  for (const p of demoPitches) {
    const org = bySlug.get(p.company);
    if (!org) continue;
    const author = ownerOf.get(org.id) ?? null;
    let deckId: string | null = null;
    if (p.deck) {
      const stored = storeDeck(p.id, demoPdf(p.deck.lines));
      const a = await trx
        .insertInto("attachments")
        .values({
          owner_org_id: org.id,
          uploaded_by: author,
          filename: p.deck.filename,
          storage_key: stored.storageKey,
          content_type: "application/pdf",
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          created_at: p.publishedAt ?? "2026-11-01T00:00:00Z",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      deckId = a.id;
    }
    const terms = [...p.techFields.map((code) => ({ kind: "tech_field", code })), ...p.clinicalAreas.map((code) => ({ kind: "clinical_area", code }))];
    const created = p.publishedAt ?? "2026-11-20T00:00:00Z";
    await trx
      .insertInto("pitches")
      .values({
        id: p.id,
        org_id: org.id,
        author_id: author,
        status: p.status,
        title: p.title,
        one_liner: p.oneLiner,
        problem: p.problem,
        solution: p.solution,
        market: p.market,
        traction: p.traction,
        team: p.team,
        ask_krw: p.askKrw,
        round: p.round,
        trl: p.trl,
        deck_attachment_id: deckId,
        search_text: buildPitchSearchText({ title: p.title, oneLiner: p.oneLiner, round: p.round, terms, companyName: org.name, companyNameEn: org.name_en }),
        published_at: p.publishedAt,
        archived_at: p.archivedAt ?? null,
        created_at: created,
        updated_at: p.archivedAt ?? created,
      })
      .execute();
    await trx
      .insertInto("pitch_terms")
      .values(terms.map((t) => ({ ...t, pitch_id: p.id })))
      .execute();
  }

  // Investor interest: investor1 (한강바이오파트너스) bookmarked two pitches; a few past views.
  const investor1 = bySlug.get("hangang-bio-partners");
  const investor2 = bySlug.get("spark-health-ventures");
  const inv1User = investor1 ? ownerOf.get(investor1.id) : undefined;
  if (investor1 && inv1User) {
    await trx
      .insertInto("pitch_bookmarks")
      .values([
        { user_id: inv1User, org_id: investor1.id, pitch_id: P.cardiosenseEcg, created_at: "2026-11-12T01:00:00Z" },
        { user_id: inv1User, org_id: investor1.id, pitch_id: P.mindwaveDtx, created_at: "2026-11-05T03:00:00Z" },
      ])
      .execute();
  }
  const views: { pitch_id: string; org_id: string; day: string; first_at: string }[] = [];
  if (investor1) {
    views.push({ pitch_id: P.lumenLungAi, org_id: investor1.id, day: "2026-10-21", first_at: "2026-10-21T02:00:00Z" });
    views.push({ pitch_id: P.lumenLungAi, org_id: investor1.id, day: "2026-11-02", first_at: "2026-11-02T05:00:00Z" });
    views.push({ pitch_id: P.cardiosenseEcg, org_id: investor1.id, day: "2026-11-12", first_at: "2026-11-12T01:00:00Z" });
  }
  if (investor2) {
    views.push({ pitch_id: P.lumenLungAi, org_id: investor2.id, day: "2026-10-25", first_at: "2026-10-25T07:00:00Z" });
    views.push({ pitch_id: P.genomeplusPanel, org_id: investor2.id, day: "2026-10-01", first_at: "2026-10-01T00:30:00Z" });
  }
  if (views.length) await trx.insertInto("pitch_views").values(views).execute();
}
