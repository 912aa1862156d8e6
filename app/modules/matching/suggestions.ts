/**
 * "What would raise this fit": each suggestion re-scores a hypothetically
 * changed profile with the same scorer, so the gain shown is exact.
 */
import { ncScore10, piScore10, prepareCompanyWithDoc, preparePitchWithDoc, missingCerts, type PreparedCompany, type PreparedInvestor, type PreparedNeed, type PreparedPitch } from "./score";
import type { TextQuery } from "./text";
import type { CompanyInput, PitchInput, Suggestion } from "./types";
import type { TagRef } from "./tags";

const tagRefs = (kind: TagRef["kind"], codes: string[]): TagRef[] => codes.map((code) => ({ kind, code }));

function sortSuggestions(s: Suggestion[], limit: number): Suggestion[] {
  return s
    .filter((x) => x.gain > 0)
    .sort((a, b) => b.gain - a.gain || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}

/** Suggestions for the company side of a need ↔ company pair, largest gain first. */
export function suggestForCompany(q: TextQuery, n: PreparedNeed, c: PreparedCompany, limit = 3): Suggestion[] {
  const base = ncScore10(q, n, c);
  const out: Suggestion[] = [];
  const tryPatch = (patch: Partial<CompanyInput>, key: string, params: Suggestion["params"]) => {
    const c2 = prepareCompanyWithDoc({ ...c.input, ...patch }, c.doc);
    const gain = ncScore10(q, n, c2) - base;
    out.push({ key, params, gain: gain / 10 });
  };
  const missing = missingCerts(n, c);
  if (missing.length) {
    tryPatch({ certifications: [...(c.input.certifications ?? []), ...missing] }, "suggest.addCertification", {
      certifications: tagRefs("certification", missing),
    });
  }
  for (const t of n.tech.filter((x) => !c.tech.has(x))) {
    tryPatch({ techFields: [...(c.input.techFields ?? []), t] }, "suggest.addTechField", { tags: tagRefs("tech_field", [t]) });
  }
  for (const t of n.clin.filter((x) => !c.clin.has(x))) {
    tryPatch({ clinicalAreas: [...(c.input.clinicalAreas ?? []), t] }, "suggest.addClinicalArea", { tags: tagRefs("clinical_area", [t]) });
  }
  if (n.collab.length && !n.collab.some((x) => c.collab.has(x))) {
    const t = n.collab[0]!;
    tryPatch({ collaborationTypes: [...(c.input.collaborationTypes ?? []), t] }, "suggest.addCollaborationType", {
      tags: tagRefs("collaboration_type", [t]),
    });
  }
  if (n.trl && c.trl !== null && c.trl < n.trl[0]) {
    tryPatch({ trl: n.trl[0] }, "suggest.reachTrl", { trl: n.trl[0] });
  }
  if (c.track !== null && c.track < 3) {
    tryPatch({ verifiedTestbeds: (c.input.verifiedTestbeds ?? 0) + 1 }, "suggest.addTrackRecord", {});
  }
  return sortSuggestions(out, limit);
}

/** Suggestions for the pitch side of a pitch ↔ investor pair. */
export function suggestForPitch(q: TextQuery, inv: PreparedInvestor, p: PreparedPitch, limit = 3): Suggestion[] {
  const base = piScore10(q, inv, p);
  const out: Suggestion[] = [];
  const tryPatch = (patch: Partial<PitchInput>, key: string, params: Suggestion["params"]) => {
    const p2 = preparePitchWithDoc({ ...p.input, ...patch }, p.doc);
    out.push({ key, params, gain: (piScore10(q, inv, p2) - base) / 10 });
  };
  const v = p.input.validation ?? {};
  if ((p.validation ?? 0) < 3) {
    tryPatch({ validation: { ...v, hospitalCollaborations: (v.hospitalCollaborations ?? 0) + 1 } }, "suggest.addValidation", {});
  }
  for (const t of inv.tech.filter((x) => !p.tech.has(x))) {
    tryPatch({ techFields: [...(p.input.techFields ?? []), t] }, "suggest.addPitchTechField", { tags: tagRefs("tech_field", [t]) });
  }
  return sortSuggestions(out, limit);
}
