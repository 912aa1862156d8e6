/** Client-safe date helpers for deadlines (calendar dates in Korea). */

/** Built once: an Intl formatter costs far more to build than to use (pages ask for today per event row). */
let seoulYmd: Intl.DateTimeFormat | null = null;

/** Today's date in Asia/Seoul as YYYY-MM-DD. */
export function todayInSeoul(now = new Date()): string {
  seoulYmd ??= new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit" });
  return seoulYmd.format(now);
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD); negative once passed. */
export function daysUntil(deadline: string, today: string): number {
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${deadline}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
