import { taxonomy, type TaxonomyKind } from "../taxonomy/vocabulary";
import { rounds } from "./rounds";

/**
 * What investors' search may match: title, one-liner, the Korean and English
 * labels of the pitch's terms and round, and the company's names. Public words
 * of the listing only (the body of the pitch is not indexed).
 * (Relative imports: the seed script uses this outside the Remix build.)
 */
export function buildPitchSearchText(p: {
  title: string;
  oneLiner: string;
  round: string | null;
  terms: { kind: TaxonomyKind | string; code: string }[];
  companyName: string;
  companyNameEn?: string | null;
}): string {
  const labels = p.terms.flatMap(({ kind, code }) => {
    const t = taxonomy[kind as TaxonomyKind]?.find((x) => x.code === code);
    return t ? [t.label.ko, t.label.en] : [];
  });
  const r = rounds.find((x) => x.code === p.round);
  return [p.title, p.oneLiner, ...labels, ...(r ? [r.label.ko, r.label.en] : []), p.companyName, p.companyNameEn ?? ""].filter(Boolean).join(" \n");
}
