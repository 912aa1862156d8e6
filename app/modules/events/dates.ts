/** Client-safe: event times are entered and shown in Korean time (Asia/Seoul, UTC+9, no daylight saving). */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-11-25T14:00" (a datetime-local value, Seoul time) → the instant; null when it is not a real time. */
export function seoulLocalToDate(v: string): Date | null {
  const m = LOCAL.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
  // 2026-02-31 rolls over into March: refuse it.
  return toSeoulLocal(date) === v.trim() ? date : null;
}

/** The instant as a datetime-local value in Seoul time. */
export function toSeoulLocal(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}
