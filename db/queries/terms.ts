import type { DB } from "../client";

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
