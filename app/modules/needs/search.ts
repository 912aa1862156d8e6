/**
 * Korean-friendly search terms for the needs list. Pure: no I/O.
 *
 * Korean attaches particles to words ("플랫폼을", "영상에서"), so a plain
 * substring match on the whole token would miss "플랫폼". Each token becomes a
 * few variants: the token itself and, for a Hangul token ending in a common
 * particle, its stem. A need matches when every token matches one of its
 * variants (AND across tokens, OR across variants); substring matching
 * (ILIKE '%…%') then also finds partial words ("영상" in "의료영상").
 */

// Longest first, so "에서" wins over "서"-less look-alikes and "으로" over "로".
const PARTICLES = ["에게서", "에서", "으로", "까지", "부터", "에게", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도", "만", "께"];

const HANGUL = /[\uAC00-\uD7A3]/;
const EDGE_PUNCT = /^[\s"'`.,;:!?()[\]{}<>·…“”‘’]+|[\s"'`.,;:!?()[\]{}<>·…“”‘’]+$/g;

export const MAX_TOKENS = 8;
export const MAX_TOKEN_LENGTH = 40;

/** Each inner array: the variants of one token. Empty when there is nothing to search for. */
export function searchTokens(q: string | null | undefined): string[][] {
  if (!q) return [];
  const tokens = q
    .normalize("NFC")
    // Control characters (NUL above all) cannot be sent to PostgreSQL as text.
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .split(/\s+/)
    .map((t) => t.replace(EDGE_PUNCT, "").slice(0, MAX_TOKEN_LENGTH))
    .filter(Boolean);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const token of tokens) {
    const key = token.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(variants(token));
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/** The token and, when it ends in a particle after at least one syllable, its stem. */
export function variants(token: string): string[] {
  const chars = Array.from(token);
  const list = [token];
  if (!HANGUL.test(chars[chars.length - 1] ?? "")) return list;
  for (const p of PARTICLES) {
    if (!token.endsWith(p)) continue;
    // A two-syllable word loses at most one syllable ("영상을" → "영상", "나이" → "나").
    if (chars.length === 2 && p.length > 1) continue;
    const stem = chars.slice(0, chars.length - Array.from(p).length).join("");
    if (Array.from(stem).length >= 1) {
      list.push(stem);
      break;
    }
  }
  return list;
}

/** Escape LIKE wildcards in user input (used with `ESCAPE '\'`). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
