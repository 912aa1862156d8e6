/**
 * Tag normalisation against the controlled vocabulary. Tags may be vocabulary
 * codes, Korean/English labels, synonyms, or free strings; known ones resolve
 * to their code (so "DTx", "디지털 치료제" and "digital-therapeutics" are one tag),
 * unknown ones are kept as a case/whitespace-normalised string.
 */
import { taxonomy, type TaxonomyKind } from "../taxonomy/vocabulary";

export type TagRef = { kind: TaxonomyKind | "stage" | "glossary"; code: string };

/** Compact form used for lookups: NFKC, lower case, no spaces or punctuation. */
export function compact(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Display/storage form of a free tag: NFKC, trimmed, lower case, single spaces. */
export function normaliseFreeTag(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

const lookup = new Map<TaxonomyKind, Map<string, string>>();
for (const kind of Object.keys(taxonomy) as TaxonomyKind[]) {
  const m = new Map<string, string>();
  // Codes and labels win over synonyms; first writer wins for synonyms.
  for (const t of taxonomy[kind]) {
    m.set(compact(t.code), t.code);
    m.set(compact(t.label.ko), t.code);
    m.set(compact(t.label.en), t.code);
  }
  for (const t of taxonomy[kind]) {
    for (const syn of t.synonyms ?? []) {
      const k = compact(syn);
      if (k.length > 0 && !m.has(k)) m.set(k, t.code);
    }
  }
  lookup.set(kind, m);
}

/** Resolve one tag to a vocabulary code of `kind`, or a normalised free string. */
export function normaliseTag(kind: TaxonomyKind, raw: string): string {
  const c = compact(raw);
  if (c.length === 0) return "";
  const code = lookup.get(kind)?.get(c);
  if (code) return code;
  // Label prefixes such as "식약처 2등급" for "식약처 2등급 인증".
  if (c.length >= 4) {
    for (const t of taxonomy[kind]) {
      if (compact(t.label.ko).startsWith(c) || compact(t.label.en).startsWith(c)) return t.code;
    }
  }
  return normaliseFreeTag(raw);
}

/** Normalise a list of tags: resolves, drops empties, de-duplicates, keeps first-seen order. */
export function normaliseTags(kind: TaxonomyKind, raw: readonly string[] | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const t = normaliseTag(kind, r);
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

const STAGE_LADDER = ["pre-seed", "seed", "pre-a", "series-a", "series-b", "series-c", "pre-ipo"] as const;
const STAGE_ALIASES: Record<string, string> = {
  idea: "pre-seed",
  preseed: "pre-seed",
  프리시드: "pre-seed",
  seed: "seed",
  시드: "seed",
  angel: "seed",
  엔젤: "seed",
  prea: "pre-a",
  preseriesa: "pre-a",
  프리a: "pre-a",
  프리시리즈a: "pre-a",
  a: "series-a",
  seriesa: "series-a",
  시리즈a: "series-a",
  b: "series-b",
  seriesb: "series-b",
  시리즈b: "series-b",
  c: "series-c",
  seriesc: "series-c",
  시리즈c: "series-c",
  preipo: "pre-ipo",
  프리ipo: "pre-ipo",
};

/** Investment stage: known aliases resolve to a ladder code, others stay free strings. */
export function normaliseStage(raw: string): string {
  const c = compact(raw);
  return STAGE_ALIASES[c] ?? (c.length ? normaliseFreeTag(raw) : "");
}

/** Position on the investment ladder, or -1 for unknown stages. */
export function stageRank(stage: string): number {
  return (STAGE_LADDER as readonly string[]).indexOf(stage);
}
