import type { Transaction } from "kysely";
import type { Database, DealStage } from "../schema";
import { DEMO_PITCH_IDS } from "./demo-pitch-ids";

/**
 * Demo meeting requests and deal pipelines for the two demo investors
 * (한강바이오파트너스 = investor1, 스파크헬스벤처스 = investor2), at fixed ids
 * so the authorization matrix can name them. Meeting times are relative to
 * the day the seed runs (Korean wall clock), so "upcoming" stays upcoming;
 * everything else is fixed. Runs after the pitches seed; pitches that are
 * missing are skipped.
 */

export const DEMO_MEETING_IDS = {
  /** investor1 → company1 (lumenLungAi): accepted, a week from the seed day. */
  lumenHangangAccepted: "3ee70000-0000-4000-8000-000000000001",
  /** investor2 → company1 (lumenLungAi): pending. */
  lumenSparkPending: "3ee70000-0000-4000-8000-000000000002",
  /** investor1 → cardiosense: pending (company1 must get 404). */
  cardiosenseHangangPending: "3ee70000-0000-4000-8000-000000000003",
  /** investor2 → company2 (mindwaveDtx): declined. */
  mindwaveSparkDeclined: "3ee70000-0000-4000-8000-000000000004",
  /** investor1 → company2 (mindwaveDtx): accepted, already held. */
  mindwaveHangangPast: "3ee70000-0000-4000-8000-000000000005",
} as const;

export const DEMO_DEAL_IDS = {
  hangangLumen: "dea10000-0000-4000-8000-000000000001",
  hangangCardiosense: "dea10000-0000-4000-8000-000000000002",
  hangangMindwave: "dea10000-0000-4000-8000-000000000003",
  hangangGenomeplus: "dea10000-0000-4000-8000-000000000004",
  sparkLumen: "dea10000-0000-4000-8000-000000000005",
  sparkGenomeplus: "dea10000-0000-4000-8000-000000000006",
  sparkMindwave: "dea10000-0000-4000-8000-000000000007",
} as const;

const P = DEMO_PITCH_IDS;
const M = DEMO_MEETING_IDS;
const D = DEMO_DEAL_IDS;

/** `days` from the seed day at hh:mm Korea time. */
function seoulAt(now: Date, days: number, hh: number, mm = 0): Date {
  const seoul = new Date(now.getTime() + 9 * 3600_000);
  return new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth(), seoul.getUTCDate() + days, hh - 9, mm));
}

type DemoDeal = {
  id: string;
  investor: string;
  pitch: string;
  /** Stages passed through, in order, with the date of each change. */
  path: [DealStage, string][];
  committedKrw?: number;
  investedKrw?: number;
  investedOn?: string;
  passReason?: string;
  notes?: [string, string][];
};

const deals: DemoDeal[] = [
  {
    id: D.hangangLumen,
    investor: "hangang-bio-partners",
    pitch: P.lumenLungAi,
    path: [
      ["watching", "2026-10-21T02:10:00Z"],
      ["meeting", "2026-11-18T01:00:00Z"],
    ],
    notes: [
      ["2026-10-21T02:20:00Z", "IR 자료 1차 검토. 폐결절 검출 민감도 94% — 외부 검증 코호트 규모 확인 필요."],
      ["2026-11-18T01:05:00Z", "미팅 때 식약처 3등급 허가 일정과 수가 전략을 물어볼 것."],
    ],
  },
  {
    id: D.hangangCardiosense,
    investor: "hangang-bio-partners",
    pitch: P.cardiosenseEcg,
    path: [
      ["watching", "2026-11-12T01:00:00Z"],
      ["meeting", "2026-11-24T04:00:00Z"],
    ],
    notes: [["2026-11-12T01:10:00Z", "웨어러블 ECG — 기존 포트폴리오(원격 모니터링)와 시너지 검토."]],
  },
  {
    id: D.hangangMindwave,
    investor: "hangang-bio-partners",
    pitch: P.mindwaveDtx,
    path: [
      ["watching", "2026-11-05T03:00:00Z"],
      ["meeting", "2026-11-08T02:00:00Z"],
      ["due-diligence", "2026-11-19T06:00:00Z"],
    ],
    notes: [
      ["2026-11-19T06:10:00Z", "확증 임상 설계 검토 중. 처방 데이터 제공 범위(병원 3곳) 계약서 요청."],
      ["2026-11-20T01:00:00Z", "Reference check: 공동창업자 2명 모두 전 직장 평판 양호."],
    ],
  },
  {
    id: D.hangangGenomeplus,
    investor: "hangang-bio-partners",
    pitch: P.genomeplusPanel,
    path: [
      ["watching", "2026-10-02T01:00:00Z"],
      ["passed", "2026-10-20T08:00:00Z"],
    ],
    passReason: "valuation",
    notes: [["2026-10-20T08:05:00Z", "시리즈 B 프리머니 기대치가 당사 기준을 크게 넘음. 다음 라운드에 재검토."]],
  },
  {
    id: D.sparkLumen,
    investor: "spark-health-ventures",
    pitch: P.lumenLungAi,
    path: [
      ["watching", "2026-10-25T07:00:00Z"],
      ["meeting", "2026-11-23T02:00:00Z"],
    ],
    notes: [["2026-10-25T07:10:00Z", "Strong clinical partners (한빛대병원). Check reimbursement path before IC."]],
  },
  {
    id: D.sparkGenomeplus,
    investor: "spark-health-ventures",
    pitch: P.genomeplusPanel,
    path: [
      ["watching", "2026-10-01T00:30:00Z"],
      ["meeting", "2026-10-08T05:00:00Z"],
      ["due-diligence", "2026-10-15T05:00:00Z"],
      ["committed", "2026-10-29T05:00:00Z"],
      ["invested", "2026-11-14T05:00:00Z"],
    ],
    committedKrw: 500_000_000,
    investedKrw: 500_000_000,
    investedOn: "2026-11-14",
    notes: [["2026-11-14T05:10:00Z", "Closed: KRW 500M, pro-rata rights secured."]],
  },
  {
    id: D.sparkMindwave,
    investor: "spark-health-ventures",
    pitch: P.mindwaveDtx,
    path: [["watching", "2026-11-10T02:00:00Z"]],
  },
];

export async function seedDeals(trx: Transaction<Database>, now = new Date()): Promise<void> {
  const orgs = await trx.selectFrom("organizations").select(["id", "slug"]).execute();
  const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
  const owners = await trx.selectFrom("memberships").select(["org_id", "user_id"]).where("role", "=", "owner").execute();
  const ownerOf = new Map(owners.map((m) => [m.org_id, m.user_id]));
  const pitches = await trx.selectFrom("pitches").select(["id", "org_id"]).execute();
  const pitchOrg = new Map(pitches.map((p) => [p.id, p.org_id]));

  for (const d of deals) {
    const investorId = orgId.get(d.investor);
    const companyId = pitchOrg.get(d.pitch);
    if (!investorId || !companyId) continue;
    const user = ownerOf.get(investorId) ?? null;
    const last = d.path[d.path.length - 1];
    await trx
      .insertInto("deals")
      .values({
        id: d.id,
        investor_org_id: investorId,
        pitch_id: d.pitch,
        company_org_id: companyId,
        stage: last[0],
        committed_krw: d.committedKrw ?? null,
        invested_krw: d.investedKrw ?? null,
        invested_on: d.investedOn ?? null,
        pass_reason: d.passReason ?? null,
        created_by: user,
        created_at: d.path[0][1],
        updated_at: d.notes?.length ? [last[1], ...d.notes.map((n) => n[0])].sort().at(-1)! : last[1],
      })
      .execute();
    await trx
      .insertInto("deal_stage_changes")
      .values(d.path.map(([stage, at], i) => ({ deal_id: d.id, from_stage: i === 0 ? null : d.path[i - 1][0], to_stage: stage, changed_by: user, at })))
      .execute();
    if (d.notes?.length) {
      await trx
        .insertInto("deal_notes")
        .values(d.notes.map(([at, body]) => ({ deal_id: d.id, author_id: user, body, created_at: at })))
        .execute();
    }
  }

  const meetings: {
    id: string;
    investor: string;
    pitch: string;
    slots: Date[];
    status: "pending" | "accepted" | "declined";
    accepted?: 1 | 2 | 3;
    reason?: string;
    note?: string;
    location: string;
    message: string;
    minutes: number;
    created: string;
  }[] = [
    {
      id: M.lumenHangangAccepted,
      investor: "hangang-bio-partners",
      pitch: P.lumenLungAi,
      slots: [seoulAt(now, 6, 10), seoulAt(now, 7, 14), seoulAt(now, 8, 16)],
      status: "accepted",
      accepted: 2,
      location: "한강바이오파트너스 판교 사무실 (경기 성남시 분당구 판교역로 235, 8층 대회의실)",
      message: "안녕하세요, 한강바이오파트너스 서지우입니다. 폐결절 AI 판독 보조 피칭 잘 봤습니다. 시리즈 A 조건과 허가 일정에 대해 한 시간 정도 이야기 나누고 싶습니다.",
      minutes: 60,
      created: "2026-11-18T01:00:00Z",
    },
    {
      id: M.lumenSparkPending,
      investor: "spark-health-ventures",
      pitch: P.lumenLungAi,
      slots: [seoulAt(now, 3, 10), seoulAt(now, 4, 15), seoulAt(now, 5, 11)],
      status: "pending",
      location: "Zoom (링크는 확정 후 보내 드립니다)",
      message: "Hello from Spark Health Ventures. We would love to learn more about your Series A plans — 30 minutes online works for us. 한국어로 진행해도 괜찮습니다.",
      minutes: 30,
      created: "2026-11-23T02:00:00Z",
    },
    {
      id: M.cardiosenseHangangPending,
      investor: "hangang-bio-partners",
      pitch: P.cardiosenseEcg,
      slots: [seoulAt(now, 9, 14)],
      status: "pending",
      location: "카디오센스 본사 방문 희망",
      message: "웨어러블 ECG 제품 시연을 직접 보고 싶습니다. 제안드린 시간이 어려우시면 편하신 시간을 알려 주세요.",
      minutes: 90,
      created: "2026-11-24T04:00:00Z",
    },
    {
      id: M.mindwaveSparkDeclined,
      investor: "spark-health-ventures",
      pitch: P.mindwaveDtx,
      slots: [seoulAt(now, 2, 9)],
      status: "declined",
      reason: "timing",
      note: "12월은 확증 임상 착수로 어렵습니다. 1월 중순 이후에 다시 연락 주시면 감사하겠습니다.",
      location: "Google Meet",
      message: "Quick intro call about your DTx pipeline?",
      minutes: 30,
      created: "2026-11-11T02:00:00Z",
    },
    {
      id: M.mindwaveHangangPast,
      investor: "hangang-bio-partners",
      pitch: P.mindwaveDtx,
      slots: [seoulAt(now, -14, 15), seoulAt(now, -13, 10)],
      status: "accepted",
      accepted: 1,
      location: "마인드웨이브 서울 사무실 (서울 성동구 왕십리로 83-21)",
      message: "우울·불면 DTx 임상 데이터와 처방 구조를 자세히 듣고 싶습니다.",
      minutes: 60,
      created: "2026-11-08T02:00:00Z",
    },
  ];
  for (const m of meetings) {
    const investorId = orgId.get(m.investor);
    const companyId = pitchOrg.get(m.pitch);
    if (!investorId || !companyId) continue;
    const answered = m.status !== "pending";
    await trx
      .insertInto("meeting_requests")
      .values({
        id: m.id,
        pitch_id: m.pitch,
        company_org_id: companyId,
        investor_org_id: investorId,
        requested_by: ownerOf.get(investorId) ?? null,
        message: m.message,
        slot_1: m.slots[0],
        slot_2: m.slots[1] ?? null,
        slot_3: m.slots[2] ?? null,
        duration_minutes: m.minutes,
        location: m.location,
        status: m.status,
        accepted_slot: m.accepted ?? null,
        decline_reason: m.reason ?? null,
        decline_note: m.note ?? null,
        responded_by: answered ? (ownerOf.get(companyId) ?? null) : null,
        responded_at: answered ? new Date(Date.parse(m.created) + 86_400_000) : null,
        created_at: m.created,
      })
      .execute();
  }
}
