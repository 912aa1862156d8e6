/**
 * A json/jsonb column as read: pg parses it, PGlite may hand back its text.
 * One place decides, so every reader gets the parsed value (or null).
 */
export function jsonColumn<T>(v: T | string | null | undefined): T | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? (JSON.parse(v) as T) : v;
}
