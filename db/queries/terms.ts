import { sql } from "kysely";
import type { DB } from "../client";
import { jsonColumn } from "./json";

/** Vocabulary codes of one owner, by kind: { tech_field: [...], clinical_area: [...] }. */
export type TermsByKind = Record<string, string[]>;

/** Group term rows by their owner, then by kind (codes in row order). */
export function groupTerms<R extends { kind: string; code: string }>(rows: R[], ownerOf: (r: R) => string): Map<string, TermsByKind> {
  const out = new Map<string, TermsByKind>();
  for (const r of rows) {
    const owner = ownerOf(r);
    const t = out.get(owner) ?? {};
    (t[r.kind] ??= []).push(r.code);
    out.set(owner, t);
  }
  return out;
}

export async function termsOfNeeds(db: DB, ids: string[]): Promise<Map<string, TermsByKind>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom("need_terms").select(["need_id", "kind", "code"]).where("need_id", "in", ids).orderBy("kind").orderBy("code").execute();
  return groupTerms(rows, (r) => r.need_id);
}

export async function termsOfOrgs(db: DB, ids: string[]): Promise<Map<string, TermsByKind>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom("org_terms").select(["org_id", "kind", "code"]).where("org_id", "in", ids).orderBy("kind").orderBy("code").execute();
  return groupTerms(rows, (r) => r.org_id);
}

/**
 * A correlated subquery giving one owner's terms as JSON [[kind, code], …]
 * (ordered by kind, then code), to read them with the owner's row instead of
 * in a query of their own. `table`/`ownerColumn` name the term table and its
 * owner column; `ownerRef` the owner's id column in the outer query.
 */
export function termsJson(table: "pitch_terms" | "need_terms" | "org_terms", ownerColumn: string, ownerRef: string) {
  return sql<[string, string][] | string | null>`(select json_agg(json_build_array(t.kind, t.code) order by t.kind, t.code) from ${sql.table(table)} t where ${sql.ref(`t.${ownerColumn}`)} = ${sql.ref(ownerRef)})`;
}

/** The value of a termsJson column, grouped by kind. */
export function termsFromJson(v: [string, string][] | string | null): TermsByKind {
  const pairs = jsonColumn<[string, string][]>(v) ?? [];
  const out: TermsByKind = {};
  for (const [kind, code] of pairs) (out[kind] ??= []).push(code);
  return out;
}
