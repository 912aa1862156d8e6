import { buildSearchText } from "../needs/search-text";

/**
 * What /testbeds search may match: title, department, what can be tested,
 * equipment or data, support, and the Korean and English labels of the
 * offer's terms. (Relative imports: the seed uses this outside the Remix build.)
 */
export function offerSearchText(
  o: { title: string; department: string; description: string; equipment: string; costSupport: string },
  terms: { kind: string; code: string }[],
): string {
  return buildSearchText(o.title, [o.department, o.description, o.equipment, o.costSupport].filter(Boolean).join(" \n"), terms);
}
