import { sql, type Expression, type SqlBool } from "kysely";
import { escapeLike } from "../../app/modules/needs/search";

/**
 * One search token's variants as SQL: `search_text` contains one of them
 * (case-insensitive substring, wildcards in the input taken literally).
 *
 * The ILIKE decides; in front of it goes an exact prefilter the planner can
 * estimate and serve from an index (migration 0007): the text's 1- and
 * 2-character grams (the stored column `search_grams`) must include the variant's (a text containing "심부전"
 * contains "심부" and "부전"). A 1- or 2-character word (폐암, 암, AI) has no
 * complete trigram, so without this it could only be found by reading every
 * row; for longer words the grams also give PostgreSQL a row estimate it can
 * trust (it cannot estimate ILIKE '%…%', and fell back to a sequential scan).
 */
export function containsAny(column: string, variants: string[]): Expression<SqlBool> {
  // The grams column sits next to the text column (needs, pitches, testbed_offers).
  const gramsColumn = column.replace(/search_text$/, "search_grams");
  const parts = variants.map((v) => {
    const like = sql<SqlBool>`${sql.ref(column)} ilike ${`%${escapeLike(v)}%`} escape '\\'`;
    const grams = tokenGrams(v);
    if (!grams.length) return like;
    return sql<SqlBool>`(${sql.ref(gramsColumn)} @> ${sql`array[${sql.join(grams.map((g) => sql`lower(${g})`))}]::text[]`} and ${like})`;
  });
  return parts.length === 1 ? parts[0] : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** At most this many grams per word: any subset of its grams is still a correct prefilter. */
const MAX_GRAMS = 6;

/** The word's 2-character grams (its only character when it has one), spread evenly, without whitespace. */
export function tokenGrams(word: string): string[] {
  const chars = Array.from(word);
  if (chars.some((c) => /\s/.test(c))) return [];
  if (chars.length === 1) return chars;
  const all = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  if (all.length <= MAX_GRAMS) return all;
  return Array.from({ length: MAX_GRAMS }, (_, i) => all[Math.round((i * (all.length - 1)) / (MAX_GRAMS - 1))]);
}
