/**
 * Zod-free meeting-request and deal-pipeline codes, tones and Seoul-time
 * helpers the browser uses (badges, pipeline board, dashboard summary). Kept
 * out of schemas.ts so those pages do not ship zod (≈ 90 KB gzip);
 * schemas.ts re-exports them, so either import works.
 */

export const meetingStatuses = ["pending", "accepted", "declined", "cancelled"] as const;
export type MeetingStatusCode = (typeof meetingStatuses)[number];

/** Why a company declines a meeting request (labels: deals:meetingReasons.*). */
export const meetingDeclineReasons = ["timing", "not-raising", "not-a-fit", "already-in-talks", "other"] as const;
export type MeetingDeclineReason = (typeof meetingDeclineReasons)[number];

/** Pipeline columns, in order; `passed` is shown apart. */
export const dealStages = ["watching", "meeting", "due-diligence", "committed", "invested", "passed"] as const;
export type DealStageCode = (typeof dealStages)[number];

/** Why an investor passes (labels: deals:passReasons.*): 시장 규모, 팀, 기술 성숙도, 밸류에이션, 투자 단계 불일치, 포트폴리오 중복, 기타. */
export const passReasons = ["market-size", "team", "tech-maturity", "valuation", "stage-mismatch", "portfolio-overlap", "other"] as const;
export type PassReason = (typeof passReasons)[number];

/** What the company may know about an investor's deal on its pitch: never notes, never amounts. */
export type CompanyDealStatus = "in-review" | "invested" | "passed";
export function companyStatusOf(stage: DealStageCode): CompanyDealStatus {
  return stage === "invested" ? "invested" : stage === "passed" ? "passed" : "in-review";
}

export const stageTone = {
  watching: "default",
  meeting: "info",
  "due-diligence": "warn",
  committed: "info",
  invested: "success",
  passed: "danger",
} as const;

export const meetingTone = { pending: "warn", accepted: "success", declined: "danger", cancelled: "default" } as const;

// ---- Seoul time ----

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;

/**
 * A `datetime-local` value typed in Korea ("2026-12-03T14:00") as the instant
 * it names. Korea keeps UTC+9 all year (no daylight saving). Null when malformed.
 */
export function seoulLocalToDate(v: string): Date | null {
  const m = LOCAL_RE.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h - 9, mi);
  const back = new Date(ms + 9 * 3600_000);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null; // 2026-02-30
  return new Date(ms);
}

/** The `datetime-local` value (Seoul wall clock) for an instant. */
export function dateToSeoulLocal(d: Date): string {
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

/** How far ahead a meeting may be proposed. */
export const MAX_DAYS_AHEAD = 365;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
