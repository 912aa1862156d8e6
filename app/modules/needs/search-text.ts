import { taxonomy, type TaxonomyKind } from "../taxonomy/vocabulary";

/**
 * What search may match: title, summary and the Korean and English labels of
 * the need's terms. Public words only: never the confidential details.
 * (Relative imports: the seed script uses this outside the Remix build.)
 */
export function buildSearchText(title: string, summary: string, terms: { kind: TaxonomyKind | string; code: string }[]): string {
  const labels = terms.flatMap(({ kind, code }) => {
    const t = taxonomy[kind as TaxonomyKind]?.find((x) => x.code === code);
    return t ? [t.label.ko, t.label.en] : [];
  });
  return [title, summary, ...labels].join(" \n");
}
