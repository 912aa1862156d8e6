import { sql, type Transaction } from "kysely";
import type { Database, EventApplicationStatus } from "../schema";
import { DEMO_EVENT_IDS, DEMO_PITCH_IDS } from "./demo-pitch-ids";

/**
 * Demo pitch events ("나는 바이오벤처다" rounds), with fixed ids
 * (db/seed/demo-pitch-ids.ts). Runs after the pitches seed: applications and
 * ratings name the demo pitches, and any pitch that is not there is skipped.
 * Dates are relative to the day the seed runs, so the autumn round is always
 * past (closed, cohort selected, ratings in) and the spring round's
 * application window is always open.
 */

const DAY = 86_400_000;

/** A Korean wall-clock time `days` from today (Seoul), as an instant. */
function seoulAt(days: number, hour: number, minute = 0): Date {
  const seoulNow = new Date(Date.now() + 9 * 3600_000);
  const d = new Date(Date.UTC(seoulNow.getUTCFullYear(), seoulNow.getUTCMonth(), seoulNow.getUTCDate() + days, hour - 9, minute));
  return d;
}
const seoulDate = (days: number) => new Date(Date.now() + 9 * 3600_000 + days * DAY).toISOString().slice(0, 10);

type Rating = { investor: "investor1@demo.medibridge.kr" | "investor2@demo.medibridge.kr"; team: number; technology: number; market: number; comment: string };

const autumnCohort: { pitchId: string; company: string; status: EventApplicationStatus; ratings: Rating[] }[] = [
  {
    pitchId: DEMO_PITCH_IDS.lumenLungAi,
    company: "lumen-healthcare",
    status: "selected",
    ratings: [
      {
        investor: "investor1@demo.medibridge.kr",
        team: 5,
        technology: 4,
        market: 4,
        comment: "식약처 인증과 상급종합병원 두 곳의 실사용 데이터가 있어 신뢰가 갑니다. 판독료 수가가 없는 상황에서 병원이 돈을 내는 구조를 더 구체적으로 보여 주시면 좋겠습니다.",
      },
      {
        investor: "investor2@demo.medibridge.kr",
        team: 4,
        technology: 5,
        market: 3,
        comment: "Strong detection performance. 해외 진출 계획(미국 FDA 510(k))의 일정과 비용이 빠져 있어 아쉽습니다.",
      },
    ],
  },
  {
    pitchId: DEMO_PITCH_IDS.cardiosenseEcg,
    company: "cardiosense",
    status: "selected",
    ratings: [
      { investor: "investor1@demo.medibridge.kr", team: 4, technology: 4, market: 5, comment: "재택 모니터링 수요가 분명하고, 배터리 14일은 경쟁 제품보다 확실한 강점입니다." },
      { investor: "investor2@demo.medibridge.kr", team: 3, technology: 4, market: 4, comment: "하드웨어 양산 경험이 있는 인력을 보강하면 좋겠습니다." },
    ],
  },
  {
    pitchId: DEMO_PITCH_IDS.genomeplusPanel,
    company: "genomeplus",
    status: "selected",
    ratings: [
      { investor: "investor1@demo.medibridge.kr", team: 4, technology: 5, market: 3, comment: "패널 정확도는 인상적이지만 국내 급여 이후의 가격 경쟁을 어떻게 버틸지 궁금합니다." },
      { investor: "investor2@demo.medibridge.kr", team: 5, technology: 4, market: 4, comment: "" },
    ],
  },
  { pitchId: DEMO_PITCH_IDS.mindwaveDtx, company: "mindwave-therapeutics", status: "not-selected", ratings: [] },
];

export async function seedEvents(trx: Transaction<Database>) {
  const operator = await trx
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select(["u.id"])
    .where("o.kind", "=", "operator")
    .orderBy("u.email")
    .executeTakeFirst();

  await trx
    .insertInto("pitch_events")
    .values([
      {
        id: DEMO_EVENT_IDS.autumnRound,
        name: "나는 바이오벤처다 2026 가을 라운드",
        name_en: "I am a Bio Venture — Autumn 2026",
        description:
          "시리즈 A를 준비하는 디지털헬스·의료기기 기업이 신산업투자기관협의회 소속 투자자 앞에서 10분씩 피칭했습니다.\n순서: 기업별 피칭 10분 → 질의응답 5분 → 네트워킹.",
        starts_at: seoulAt(-30, 14),
        place: "서울 강남구 테헤란로 바이오헬스혁신센터 3층 대강당",
        online: true,
        stage_focus: "series-a",
        apply_opens_on: seoulDate(-75),
        apply_closes_on: seoulDate(-45),
        cohort_size: 3,
        status: "closed",
        created_by: operator?.id ?? null,
      },
      {
        id: DEMO_EVENT_IDS.springRound,
        name: "나는 바이오벤처다 2027 봄 라운드",
        name_en: "I am a Bio Venture — Spring 2027",
        description:
          "시드·프리A 단계의 바이오·디지털헬스 스타트업을 모집합니다. 선정 기업은 전문 투자자 앞에서 피칭하고, 투자자 평가와 코멘트를 받아 볼 수 있습니다.\nPitches may be given in Korean or English.",
        starts_at: seoulAt(100, 14),
        place: "대전 유성구 대덕연구개발특구 컨벤션홀",
        online: false,
        stage_focus: "seed,pre-a",
        apply_opens_on: seoulDate(-7),
        apply_closes_on: seoulDate(60),
        cohort_size: 8,
        status: "open",
        created_by: operator?.id ?? null,
      },
    ])
    .execute();

  const existing = new Set(
    (
      await trx
        .selectFrom("pitches")
        .select("id")
        .where("id", "in", Object.values(DEMO_PITCH_IDS) as string[])
        .execute()
    ).map((p) => p.id),
  );
  const orgIds = new Map((await trx.selectFrom("organizations").select(["id", "slug"]).execute()).map((o) => [o.slug, o.id]));
  const investors = await trx
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select(["u.id", "u.email", "m.org_id"])
    .where("u.email", "in", ["investor1@demo.medibridge.kr", "investor2@demo.medibridge.kr"])
    .execute();
  const investorBy = new Map(investors.map((i) => [i.email, i]));

  // Autumn: both demo investors registered, the cohort selected, ratings in.
  if (investors.length) {
    await trx
      .insertInto("event_investors")
      .values(investors.map((i) => ({ event_id: DEMO_EVENT_IDS.autumnRound, user_id: i.id, org_id: i.org_id, registered_at: seoulAt(-40, 10) })))
      .execute();
  }
  for (const [i, a] of autumnCohort.entries()) {
    const orgId = orgIds.get(a.company);
    if (!existing.has(a.pitchId) || !orgId) continue;
    await trx
      .insertInto("event_applications")
      .values({ event_id: DEMO_EVENT_IDS.autumnRound, pitch_id: a.pitchId, company_org_id: orgId, status: a.status, created_at: seoulAt(-60 + i, 11), decided_at: seoulAt(-40, 17) })
      .execute();
    for (const [j, r] of a.ratings.entries()) {
      const inv = investorBy.get(r.investor);
      if (!inv) continue;
      const at = seoulAt(-30, 15, 10 * i + j);
      await trx
        .insertInto("event_ratings")
        .values({
          event_id: DEMO_EVENT_IDS.autumnRound,
          pitch_id: a.pitchId,
          rater_user_id: inv.id,
          rater_org_id: inv.org_id,
          team: r.team,
          technology: r.technology,
          market: r.market,
          comment: r.comment,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }

  // Spring: the window is open; CardioSense has applied (company1 and company2 have not, so the demo can apply).
  const cardio = orgIds.get("cardiosense");
  if (existing.has(DEMO_PITCH_IDS.cardiosenseEcg) && cardio) {
    await trx
      .insertInto("event_applications")
      .values({ event_id: DEMO_EVENT_IDS.springRound, pitch_id: DEMO_PITCH_IDS.cardiosenseEcg, company_org_id: cardio, created_at: sql<Date>`now() - interval '2 days'` })
      .execute();
  }
}
