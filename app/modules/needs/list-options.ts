/**
 * Zod-free constants and checks the needs pages use in the browser. Kept out
 * of schemas.ts so the list and detail pages do not ship zod (≈ 90 KB gzip);
 * schemas.ts re-exports them, so either import works.
 */

/** "match": best match first, for a signed-in verified company (falls back to newest otherwise). */
export const listSorts = ["newest", "closing", "match"] as const;
export const deadlineFilters = ["all", "open-deadline", "always-on"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Route ids are checked before they reach SQL (a malformed uuid is a 404, not a 500). */
export function isUuid(v: unknown): v is string {
  return typeof v === "string" && UUID.test(v);
}
