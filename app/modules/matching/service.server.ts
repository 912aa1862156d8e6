import type { DB } from "../../../db/client";
import { termsOfNeeds, termsOfOrgs } from "../../../db/queries/terms";
import { NeedCompanyIndex, formatReason, formatSuggestion, suggestForCompany, type CompanyInput, type NeedCompanyScore, type NeedInput } from "./index";

/**
 * The app's side of matching: the pure index kept in memory, loaded from the
 * database on first use and kept fresh incrementally (refreshNeed /
 * refreshCompany after every save). Scores use public text only (no
 * confidential details), so a reason never quotes what its reader may not see.
 */
type State = { index: NeedCompanyIndex; loaded: Promise<void> | null };
const KEY = "__medibridgeMatch" as const;
function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= { index: new NeedCompanyIndex({ includeConfidential: false }), loaded: null };
  return g[KEY];
}

async function companyInputs(db: DB, orgIds?: string[]): Promise<CompanyInput[]> {
  let q = db
    .selectFrom("organizations")
    .select(["id", "name", "description", "description_en", "products", "trl", "growth_stage"])
    .where("kind", "=", "company")
    .where("status", "=", "verified");
  if (orgIds) q = q.where("id", "in", orgIds.length ? orgIds : ["00000000-0000-0000-0000-000000000000"]);
  const orgs = await q.execute();
  if (!orgs.length) return [];
  const terms = await termsOfOrgs(
    db,
    orgs.map((o) => o.id),
  );
  return orgs.map((o) => {
    const t = terms.get(o.id) ?? {};
    return {
      id: o.id,
      name: o.name,
      description: [o.description, o.description_en].filter(Boolean).join("\n"),
      products: o.products || undefined,
      techFields: t.tech_field,
      clinicalAreas: t.clinical_area,
      collaborationTypes: t.collaboration_type,
      certifications: t.certification,
      trl: o.trl ?? undefined,
      stage: o.growth_stage ?? undefined,
    };
  });
}

async function needInputs(db: DB, needIds?: string[]): Promise<NeedInput[]> {
  let q = db
    .selectFrom("needs")
    .select(["id", "title", "summary", "trl_min", "trl_max", "budget_min_krw", "budget_max_krw"])
    .where("status", "=", "open")
    .where("hidden_at", "is", null);
  if (needIds) q = q.where("id", "in", needIds.length ? needIds : ["00000000-0000-0000-0000-000000000000"]);
  const needs = await q.execute();
  if (!needs.length) return [];
  const terms = await termsOfNeeds(
    db,
    needs.map((n) => n.id),
  );
  return needs.map((n) => {
    const t = terms.get(n.id) ?? {};
    return {
      id: n.id,
      title: n.title,
      summary: n.summary,
      techFields: t.tech_field,
      clinicalAreas: t.clinical_area,
      collaborationTypes: t.collaboration_type,
      requiredCertifications: t.certification,
      trlMin: n.trl_min ?? undefined,
      trlMax: n.trl_max ?? undefined,
      budgetMinKrw: n.budget_min_krw ?? undefined,
      budgetMaxKrw: n.budget_max_krw ?? undefined,
    };
  });
}

async function ready(db: DB): Promise<NeedCompanyIndex> {
  const s = state();
  s.loaded ??= (async () => {
    for (const c of await companyInputs(db)) s.index.upsertCompany(c);
    for (const n of await needInputs(db)) s.index.upsertNeed(n);
  })().catch((err) => {
    s.loaded = null;
    throw err;
  });
  await s.loaded;
  return s.index;
}

/** After a company profile changes (or its verification): re-score it incrementally. */
export async function refreshCompany(db: DB, orgId: string) {
  const s = state();
  if (!s.loaded) return;
  await s.loaded;
  const [c] = await companyInputs(db, [orgId]);
  if (c) s.index.upsertCompany(c);
  else s.index.removeCompany(orgId);
}

/** After a need is saved, published, closed or hidden. */
export async function refreshNeed(db: DB, needId: string) {
  const s = state();
  if (!s.loaded) return;
  await s.loaded;
  const [n] = await needInputs(db, [needId]);
  if (n) s.index.upsertNeed(n);
  else s.index.removeNeed(needId);
}

export type MatchView = {
  score: number;
  parts: { key: string; points: number; max: number; reason: string; gate?: "pass" | "fail" }[];
  raise: string[];
};

function view(index: NeedCompanyIndex, e: NeedCompanyScore, lng: "ko" | "en"): MatchView {
  const n = index.preparedNeed(e.needId);
  const c = index.prepared(e.companyId);
  const raise = n && c ? suggestForCompany(index.queryFor(n), n, c, 3).map((s) => formatSuggestion(s, lng)) : [];
  return {
    score: e.score,
    parts: e.parts.map((p) => ({ key: p.key, points: p.points, max: p.max, reason: formatReason(p.reason, lng), gate: p.gate })),
    raise,
  };
}

/** Recommended companies for an open need (the hospital's view). */
export async function recommendCompanies(db: DB, needId: string, lng: "ko" | "en", k = 5) {
  const index = await ready(db);
  if (!index.preparedNeed(needId)) return [];
  const top = index.topCompaniesForNeed(needId, k).filter((r) => r.score10 > 0);
  if (!top.length) return [];
  const orgs = await db.selectFrom("organizations").select(["id", "name", "slug"]).where("id", "in", top.map((t) => t.id)).execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return top.flatMap((t) => {
    const o = byId.get(t.id);
    return o ? [{ org: { name: o.name, slug: o.slug }, match: view(index, index.explain(needId, t.id), lng) }] : [];
  });
}

/** Recommended open needs for a company (the company's view). */
export async function recommendNeeds(db: DB, companyOrgId: string, lng: "ko" | "en", k = 5) {
  const index = await ready(db);
  if (!index.prepared(companyOrgId)) return [];
  const top = index.topNeedsForCompany(companyOrgId, k).filter((r) => r.score10 > 0);
  if (!top.length) return [];
  const needs = await db
    .selectFrom("needs as n")
    .innerJoin("organizations as o", "o.id", "n.org_id")
    .select(["n.id", "n.title", "o.name as hospital", "o.slug as hospitalSlug"])
    .where("n.id", "in", top.map((t) => t.id))
    .execute();
  const byId = new Map(needs.map((n) => [n.id, n]));
  return top.flatMap((t) => {
    const n = byId.get(t.id);
    return n ? [{ need: { id: n.id, title: n.title, hospital: n.hospital, hospitalSlug: n.hospitalSlug }, match: view(index, index.explain(t.id, companyOrgId), lng) }] : [];
  });
}

/** The score of one company for each need (for "best match" sorting of /needs). */
export async function scoresForCompany(db: DB, companyOrgId: string): Promise<Map<string, number>> {
  const index = await ready(db);
  const out = new Map<string, number>();
  if (!index.prepared(companyOrgId)) return out;
  for (const r of index.topNeedsForCompany(companyOrgId, Math.max(1, index.needCount))) out.set(r.id, r.score10 / 10);
  return out;
}

/** For tests: forget the in-memory index. */
export function resetMatchIndex() {
  const g = globalThis as { [KEY]?: State };
  delete g[KEY];
}
