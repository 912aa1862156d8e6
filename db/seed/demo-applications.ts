import { sql, type Transaction } from "kysely";
import type { ApplicationStatus, Database } from "../schema";

type Plan = {
  company: string;
  hospital: string;
  /** Which of that hospital's open needs (0 = newest first), so two companies can meet on one need. */
  needIndex: number;
  status: ApplicationStatus;
  approach: string;
  team: string;
  trl: number;
  budgetKrw: number;
  timeline: string;
  daysAgo: number;
  /** Hours from submission to the hospital's first answer. */
  answeredAfterHours?: number;
  declineReason?: string;
  declineNote?: string;
  messages?: { from: "company" | "hospital"; body: string; afterHours: number }[];
};

const plans: Plan[] = [
  {
    company: "lumen-healthcare",
    hospital: "hanbit-univ-hospital",
    needIndex: 0,
    status: "shortlisted",
    approach:
      "루멘헬스케어의 흉부 X선 AI 판독 보조(식약처 2등급 허가)를 응급실 야간 판독 흐름에 붙여, 긴급 소견(기흉·폐부종)을 우선 표시합니다. PACS 연동은 DICOM SR로 하며, 병원 내부망 온프레미스 설치를 기본으로 합니다.",
    team: "의료영상 AI 연구원 4명, 임상 전문의 자문 2명, 인허가 담당 1명",
    trl: 7,
    budgetKrw: 180_000_000,
    timeline: "1~2개월 설치·연동, 3~6개월 후향적 검증, 7~9개월 전향적 파일럿",
    daysAgo: 12,
    answeredAfterHours: 20,
    messages: [
      { from: "hospital", body: "제안 감사합니다. 기존 PACS가 인피니트 제품인데 연동 사례가 있을까요? 다음 주 중 화상 미팅 가능하신 시간을 알려 주세요.", afterHours: 20 },
      { from: "company", body: "네, 인피니트 PACS 연동 사례가 두 곳 있습니다. 다음 주 화요일 오후 2시나 목요일 오전 10시 모두 가능합니다.", afterHours: 26 },
    ],
  },
  {
    company: "mindwave-therapeutics",
    hospital: "hanbit-univ-hospital",
    needIndex: 0,
    status: "submitted",
    approach:
      "Digital therapeutics for post-ICU delirium follow-up: a tablet-based cognitive program with clinician dashboard. 한국어·영어 모두 지원하며, 퇴원 후 재택 사용을 전제로 설계했습니다.",
    team: "정신건강의학 전문의 1명, 임상심리사 2명, 앱 개발 5명",
    trl: 5,
    budgetKrw: 90_000_000,
    timeline: "6개월 사용성 평가 후 탐색 임상",
    daysAgo: 3,
  },
  {
    company: "cardiosense",
    hospital: "hanbit-univ-hospital",
    needIndex: 1,
    status: "accepted",
    approach: "패치형 단일유도 심전도로 입원 환자 부정맥을 연속 모니터링하고, 간호 스테이션에 이벤트만 알립니다. 배터리 14일, 병동 Wi-Fi 불필요(LTE-M).",
    team: "심장내과 자문의 1명, 하드웨어 6명, 품질·인허가 2명",
    trl: 8,
    budgetKrw: 240_000_000,
    timeline: "3개월 병동 1곳 파일럿, 이후 3개 병동 확대",
    daysAgo: 30,
    answeredAfterHours: 40,
    messages: [
      { from: "hospital", body: "심장내과 병동에서 먼저 파일럿을 하기로 했습니다. IRB 서류 준비를 함께 부탁드립니다.", afterHours: 40 },
      { from: "company", body: "감사합니다! IRB 제출용 기기 설명서와 시험성적서를 이번 주 안에 보내드리겠습니다.", afterHours: 44 },
    ],
  },
  {
    company: "genomeplus",
    hospital: "seoul-nuri-hospital",
    needIndex: 0,
    status: "declined",
    approach: "전장 유전체 기반 약물유전체 패널로 항응고제 용량을 개인화합니다. 검사 결과는 EMR에 구조화 데이터로 돌려드립니다.",
    team: "임상유전학 박사 3명, 바이오인포매틱스 4명",
    trl: 4,
    budgetKrw: 300_000_000,
    timeline: "12개월 (검체 수집 6개월 포함)",
    daysAgo: 20,
    answeredAfterHours: 72,
    declineReason: "too-early",
    declineNote: "임상 검증 자료가 조금 더 쌓인 뒤 내년 공모 때 다시 지원해 주시면 좋겠습니다.",
  },
  {
    company: "lumen-healthcare",
    hospital: "seoul-nuri-hospital",
    needIndex: 0,
    status: "submitted",
    approach: "외래 대기 시간 예측 모델을 키오스크 접수 데이터로 학습해, 환자 앱에 예상 대기 시간을 보여 줍니다.",
    team: "데이터 사이언티스트 3명, 서비스 기획 1명",
    trl: 6,
    budgetKrw: 60_000_000,
    timeline: "4개월",
    daysAgo: 1,
  },
];

/**
 * Demo applications (natural Korean with some English) to the demo needs that
 * are open. Called by seedDemo() inside its transaction after seedNeeds(); when
 * no open need exists (needs not seeded), nothing is created. No attachments:
 * files would need the upload directory.
 */
export async function seedApplications(trx: Transaction<Database>): Promise<void> {
  const orgs = await trx.selectFrom("organizations").select(["id", "slug", "name"]).execute();
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
  const owners = await trx.selectFrom("memberships").select(["org_id", "user_id"]).where("role", "=", "owner").execute();
  const ownerOf = new Map(owners.map((m) => [m.org_id, m.user_id]));
  const needs = await trx
    .selectFrom("needs")
    .select(["id", "org_id", "title"])
    .where("status", "=", "open")
    .where("hidden_at", "is", null)
    .where((eb) => eb.or([eb("deadline", "is", null), eb("deadline", ">=", sql<Date>`(now() at time zone 'Asia/Seoul')::date`)]))
    .orderBy("published_at", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  const now = Date.now();
  const hour = 3600_000;
  for (const p of plans) {
    const companyId = orgId.get(p.company);
    const hospitalId = orgId.get(p.hospital);
    if (!companyId || !hospitalId) continue;
    const ofHospital = needs.filter((n) => n.org_id === hospitalId);
    if (!ofHospital.length) continue;
    const need = ofHospital[Math.min(p.needIndex, ofHospital.length - 1)];
    const exists = await trx.selectFrom("applications").select("id").where("need_id", "=", need.id).where("company_org_id", "=", companyId).executeTakeFirst();
    if (exists) continue;
    const created = new Date(now - p.daysAgo * 24 * hour);
    const answered = p.answeredAfterHours != null ? new Date(created.getTime() + p.answeredAfterHours * hour) : null;
    const decided = p.status === "accepted" || p.status === "declined" ? new Date(created.getTime() + ((p.answeredAfterHours ?? 24) + 48) * hour) : null;
    const app = await trx
      .insertInto("applications")
      .values({
        need_id: need.id,
        company_org_id: companyId,
        submitted_by: ownerOf.get(companyId) ?? null,
        status: p.status,
        approach: p.approach,
        team: p.team,
        trl: p.trl,
        budget_krw: p.budgetKrw,
        timeline: p.timeline,
        decline_reason: p.declineReason ?? null,
        decline_note: p.declineNote ?? null,
        first_response_at: answered ?? decided,
        decided_at: decided,
        created_at: created,
        updated_at: decided ?? answered ?? created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The hospital's bell shows the new application (in-app only: the seed sends no e-mail).
    const hospitalOwner = ownerOf.get(hospitalId);
    if (hospitalOwner) {
      await trx
        .insertInto("notifications")
        .values({ user_id: hospitalOwner, kind: "application.new", params: JSON.stringify({ company: orgName.get(companyId) ?? "", need: need.title }), link: `/applications/${app.id}`, created_at: created })
        .execute();
    }
    for (const m of p.messages ?? []) {
      const from = m.from === "company" ? companyId : hospitalId;
      await trx
        .insertInto("messages")
        .values({ application_id: app.id, author_org_id: from, author_id: ownerOf.get(from) ?? null, body: m.body, created_at: new Date(created.getTime() + m.afterHours * hour) })
        .execute();
    }
  }
}
