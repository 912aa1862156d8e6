import { sql, type Transaction } from "kysely";
import type { ApplicationStatus, Database } from "../schema";
import { DEMO_NEED_IDS } from "./demo-need-ids";

type Plan = {
  company: string;
  /** The demo need it answers (db/seed/demo-need-ids.ts); skipped when that need is not open. */
  needId: string;
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
    needId: DEMO_NEED_IDS.hanbitLungCt,
    status: "shortlisted",
    approach:
      "루멘헬스케어의 흉부 CT 폐결절 검출 AI(LumenCT Nodule, 식약처 2등급 인증)를 건진 판독 흐름에 붙여, 결절의 위치·크기·Lung-RADS 분류를 판독 화면에 미리 표시합니다. PACS 연동은 DICOM SR로 하며, 병원 내부망 온프레미스 설치를 기본으로 합니다.",
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
    needId: DEMO_NEED_IDS.nuriDepressionDtx,
    status: "submitted",
    approach:
      "인지행동치료 기반 우울증 DTx 'MoodStep'을 외래 환자 200명에게 12주간 처방하고, PHQ-9 변화·순응도·중단 사유를 앱과 EMR에서 함께 모읍니다. Clinician dashboard is available in Korean and English.",
    team: "정신건강의학 전문의 1명, 임상심리사 2명, 앱 개발 5명",
    trl: 5,
    budgetKrw: 90_000_000,
    timeline: "6개월 사용성 평가 후 탐색 임상",
    daysAgo: 3,
  },
  {
    company: "cardiosense",
    needId: DEMO_NEED_IDS.hanbitHeartFailure,
    status: "accepted",
    approach: "퇴원한 심부전 환자에게 패치형 심전도와 체중계를 드리고, 부정맥·체중 급증 같은 이상 징후만 외래 간호사 대시보드에 알립니다. 배터리 14일, 집 Wi-Fi 불필요(LTE-M).",
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
    needId: DEMO_NEED_IDS.haeunRapidDx,
    status: "declined",
    approach: "호흡기 바이러스·세균 22종을 1시간 안에 검출하는 다중 PCR 키트(식약처 3등급 허가)를 응급실 검사실에 6개월간 시범 공급합니다. 결과는 LIS로 자동 전송됩니다.",
    team: "분자진단 연구원 3명, 학술 지원 2명, 영업 1명",
    trl: 8,
    budgetKrw: 300_000_000,
    timeline: "장비 설치 2주, 시범 운영 6개월",
    daysAgo: 20,
    answeredAfterHours: 72,
    declineReason: "budget",
    declineNote: "올해 시범 구매 예산(2억 원)을 넘습니다. 검사 건수를 줄인 안으로 다시 제안해 주시면 검토하겠습니다.",
  },
  {
    company: "lumen-healthcare",
    needId: DEMO_NEED_IDS.haeunIcuPlatform,
    status: "submitted",
    approach: "중환자실 이동형 흉부 X선 판독 보조 AI의 결과(폐부종·기흉 점수)를 생체신호와 함께 플랫폼에 실시간으로 넣어, 악화 예측 모델의 입력으로 쓸 수 있게 합니다. FHIR Observation으로 연동합니다.",
    team: "의료영상 AI 연구원 2명, 데이터 엔지니어 1명, 서비스 기획 1명",
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
    const need = needs.find((n) => n.id === p.needId);
    if (!companyId || !need) continue;
    const hospitalId = need.org_id;
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
