import type { DB } from "../../../db/client";
import { termsOfNeeds, termsOfOrgs } from "../../../db/queries/terms";
import { NeedCompanyIndex, formatReason, formatSuggestion, type CompanyInput, type NeedInput } from "./index";
import { investorMatchInputs, pitchMatchInputs } from "~/modules/pitches/match-inputs.server";
import { completedTestbedsByCompany, obtainedCertificationsByCompany } from "~/modules/testbeds/signals.server";
import { PitchInvestorIndex, suggestForPitch, type PitchInvestorScore } from "./index";
import { localName } from "~/utils/format";
import { Pace } from "~/utils/pace.server";
import { FitStore, fitView, needCompanySource, pitchInvestorSource, topFits } from "./fits.server";

/**
 * The app's side of matching: the pure index kept in memory, loaded from the
 * database on first use and kept fresh incrementally (refreshNeed /
 * refreshCompany after every save). Scores use public text only (no
 * confidential details), so a reason never quotes what its reader may not see.
 * The top fits are kept in the table `match_fits` too (fits.server.ts): written
 * when the index loads, rewritten incrementally by every refresh, and read by
 * recommendCompanies / recommendNeeds / recommendPitches.
 */
type State = { index: NeedCompanyIndex; fits: FitStore; loaded: Promise<void> | null };
const KEY = "__medibridgeMatch" as const;
function state(): State {
  const g = globalThis as { [KEY]?: State };
  if (!g[KEY]) {
    const index = new NeedCompanyIndex({ includeConfidential: false });
    g[KEY] = { index, fits: new FitStore(needCompanySource(index)), loaded: null };
  }
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
  const ids = orgs.map((o) => o.id);
  const terms = await termsOfOrgs(db, ids);
  // Verified track record (hospital-confirmed testbeds) and obtained certifications (checklist).
  const testbeds = await completedTestbedsByCompany(db, orgIds ? ids : undefined);
  const obtained = await obtainedCertificationsByCompany(db, orgIds ? ids : undefined);
  return orgs.map((o) => {
    const t = terms.get(o.id) ?? {};
    const tb = testbeds.get(o.id);
    const certs = [...new Set([...(t.certification ?? []), ...(obtained.get(o.id) ?? [])])];
    return {
      id: o.id,
      name: o.name,
      description: [o.description, o.description_en].filter(Boolean).join("\n"),
      products: o.products || undefined,
      trackRecord: tb?.lines.length ? tb.lines : undefined,
      techFields: t.tech_field,
      clinicalAreas: t.clinical_area,
      collaborationTypes: t.collaboration_type,
      certifications: certs.length ? certs : undefined,
      trl: o.trl ?? undefined,
      stage: o.growth_stage ?? undefined,
      // Every company on the platform has a (possibly empty) verified testbed record.
      verifiedTestbeds: tb?.count ?? 0,
      testbedHospitals: tb?.hospitals.map((ko, i) => ({ ko, en: tb.hospitalsEn[i] ?? ko })),
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

/** `fn` over `items`, giving the event loop a turn every few milliseconds (loading at scale takes seconds). */
async function eachSliced<T>(items: T[], fn: (item: T) => void) {
  const pace = new Pace();
  for (const item of items) {
    if (pace.due()) await pace.pause();
    fn(item);
  }
}

/**
 * The stored fits brought in line with the freshly loaded index. When the
 * table already holds this kind's fits (an earlier run kept them current),
 * readers use them while that runs in the background — at scale it is a
 * minute of sliced work; otherwise the first readers wait for it.
 */
async function loadFits(db: DB, fits: FitStore) {
  const kept = await db.selectFrom("match_fits").select("kind").where("kind", "=", fits.kind).limit(1).executeTakeFirst();
  const done = fits.full(db);
  if (kept) done.catch((err: unknown) => console.error("[match fits] load failed:", err instanceof Error ? err.message : err));
  else await done;
}

async function ready(db: DB): Promise<NeedCompanyIndex> {
  const s = state();
  s.loaded ??= (async () => {
    await eachSliced(await companyInputs(db), (c) => s.index.upsertCompany(c));
    await eachSliced(await needInputs(db), (n) => s.index.upsertNeed(n));
    await loadFits(db, s.fits);
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
  await s.fits.changed(db, "right", orgId);
}

/** After a need is saved, published, closed or hidden. */
export async function refreshNeed(db: DB, needId: string) {
  const s = state();
  if (!s.loaded) return;
  await s.loaded;
  const [n] = await needInputs(db, [needId]);
  if (n) s.index.upsertNeed(n);
  else s.index.removeNeed(needId);
  await s.fits.changed(db, "left", needId);
}

export type MatchView = {
  score: number;
  parts: { key: string; points: number; max: number; reason: string; gate?: "pass" | "fail" }[];
  raise: string[];
};

/** Recommended companies for an open need (the hospital's view), read from `match_fits` (k ≤ 50). */
export async function recommendCompanies(db: DB, needId: string, lng: "ko" | "en", k = 5) {
  await ready(db);
  await state().fits.settled();
  const top = await topFits(db, "need-company", "left", needId, k);
  if (!top.length) return [];
  const orgs = await db
    .selectFrom("organizations")
    .select(["id", "name", "name_en", "slug"])
    .where("id", "in", top.map((t) => t.id))
    .where("kind", "=", "company")
    .where("status", "=", "verified")
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return top.flatMap((t) => {
    const o = byId.get(t.id);
    return o ? [{ org: { name: localName(lng, o.name, o.name_en), slug: o.slug }, match: fitView(t, lng) as MatchView }] : [];
  });
}

/** Recommended open needs for a company (the company's view), read from `match_fits` (k ≤ 50). */
export async function recommendNeeds(db: DB, companyOrgId: string, lng: "ko" | "en", k = 5) {
  await ready(db);
  await state().fits.settled();
  const top = await topFits(db, "need-company", "right", companyOrgId, k);
  if (!top.length) return [];
  const needs = await db
    .selectFrom("needs as n")
    .innerJoin("organizations as o", "o.id", "n.org_id")
    .select(["n.id", "n.title", "o.name as hospital", "o.name_en as hospitalEn", "o.slug as hospitalSlug"])
    .where("n.id", "in", top.map((t) => t.id))
    .where("n.status", "=", "open")
    .where("n.hidden_at", "is", null)
    .execute();
  const byId = new Map(needs.map((n) => [n.id, n]));
  return top.flatMap((t) => {
    const n = byId.get(t.id);
    return n ? [{ need: { id: n.id, title: n.title, hospital: localName(lng, n.hospital, n.hospitalEn), hospitalSlug: n.hospitalSlug }, match: fitView(t, lng) as MatchView }] : [];
  });
}

/**
 * A subject's full ranking (id → score), kept per subject while the index is
 * at the same revision (any upsert or removal moves it on): exactly what
 * ranking again would give. At most 256 subjects are kept; past that they are
 * all dropped rather than grow without bound.
 */
function keptRankings<I extends { revision: number }>() {
  const kept = new Map<string, { index: I; revision: number; scores: Map<string, number> }>();
  return (index: I, subject: string, rank: () => { id: string; score10: number }[]): Map<string, number> => {
    const k = kept.get(subject);
    if (k && k.index === index && k.revision === index.revision) return new Map(k.scores);
    const out = new Map(rank().map((r) => [r.id, r.score10 / 10]));
    if (kept.size >= 256) kept.clear();
    kept.set(subject, { index, revision: index.revision, scores: new Map(out) });
    return out;
  };
}

/**
 * The score of one company for each need (for "best match" sorting of
 * /needs). Ranking every need costs milliseconds at scale, so the result is
 * kept per company while the index is at the same revision (any need or
 * company upserted or removed moves it on): exactly what ranking again gives.
 */
const rankedForCompany = keptRankings<NeedCompanyIndex>();
export async function scoresForCompany(db: DB, companyOrgId: string): Promise<Map<string, number>> {
  const index = await ready(db);
  if (!index.prepared(companyOrgId)) return new Map();
  return rankedForCompany(index, companyOrgId, () => index.topNeedsForCompany(companyOrgId, Math.max(1, index.needCount)));
}

/** The company's score for the given needs only (a page of /needs in another order); unindexed needs are left out. */
export async function scoresForCompanyOf(db: DB, companyOrgId: string, needIds: string[]): Promise<Map<string, number>> {
  const index = await ready(db);
  const out = new Map<string, number>();
  if (!index.prepared(companyOrgId)) return out;
  for (const [id, s10] of index.scoreNeedsForCompany(companyOrgId, needIds)) out.set(id, s10 / 10);
  return out;
}

/** For tests: forget the in-memory index. */
export function resetMatchIndex() {
  const g = globalThis as { [KEY]?: State };
  delete g[KEY];
}

// ---- Pitch ↔ investor (the investor's view of pitches) ----

type PitchState = { index: PitchInvestorIndex; fits: FitStore; loaded: Promise<void> | null };
const PKEY = "__medibridgePitchMatch" as const;
function pitchState(): PitchState {
  const g = globalThis as { [PKEY]?: PitchState };
  if (!g[PKEY]) {
    const index = new PitchInvestorIndex();
    g[PKEY] = { index, fits: new FitStore(pitchInvestorSource(index)), loaded: null };
  }
  return g[PKEY];
}

async function pitchReady(db: DB): Promise<PitchInvestorIndex> {
  const s = pitchState();
  s.loaded ??= (async () => {
    await eachSliced(await investorMatchInputs(db), (i) => s.index.upsertInvestor(i));
    await eachSliced(await pitchMatchInputs(db), (p) => s.index.upsertPitch(p));
    await loadFits(db, s.fits);
  })().catch((err) => {
    s.loaded = null;
    throw err;
  });
  await s.loaded;
  return s.index;
}

/** After a pitch is saved, published, archived or hidden: only published, visible pitches stay indexed. */
export async function refreshPitch(db: DB, pitchId: string) {
  const s = pitchState();
  if (!s.loaded) return;
  await s.loaded;
  const [p] = await pitchMatchInputs(db, [pitchId]);
  if (p) s.index.upsertPitch(p);
  else s.index.removePitch(pitchId);
  await s.fits.changed(db, "left", pitchId);
}

/** After an investor's thesis (settings) or verification changes. */
export async function refreshInvestor(db: DB, orgId: string) {
  const s = pitchState();
  if (!s.loaded) return;
  await s.loaded;
  const [i] = await investorMatchInputs(db, [orgId]);
  if (i) s.index.upsertInvestor(i);
  else s.index.removeInvestor(orgId);
  await s.fits.changed(db, "right", orgId);
}

/** After a company's validation signals change (e.g. a hospital accepted its proposal): re-score its pitches. */
export async function refreshCompanyPitches(db: DB, companyOrgId: string) {
  const s = pitchState();
  if (!s.loaded) return;
  const rows = await db.selectFrom("pitches").select("id").where("org_id", "=", companyOrgId).execute();
  for (const r of rows) await refreshPitch(db, r.id);
}

function pitchView(index: PitchInvestorIndex, e: PitchInvestorScore, lng: "ko" | "en"): MatchView {
  const inv = index.preparedInvestor(e.investorId);
  const p = index.preparedPitch(e.pitchId);
  const raise = inv && p ? suggestForPitch(index.queryFor(inv), inv, p, 3).filter((x) => x.gain > 0).map((x) => formatSuggestion(x, lng)) : [];
  return {
    score: e.score,
    parts: e.parts.map((x) => ({ key: x.key, points: x.points, max: x.max, reason: formatReason(x.reason, lng), gate: x.gate })),
    raise,
  };
}

/** Recommended published pitches for a verified investor organisation, best first, read from `match_fits` (k ≤ 50). */
export async function recommendPitches(db: DB, investorOrgId: string, lng: "ko" | "en", k = 5) {
  await pitchReady(db);
  await pitchState().fits.settled();
  const top = await topFits(db, "pitch-investor", "right", investorOrgId, k);
  if (!top.length) return [];
  const rows = await db
    .selectFrom("pitches as p")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .select(["p.id", "p.title", "p.one_liner", "p.round", "o.name as company", "o.name_en as companyEn"])
    .where(
      "p.id",
      "in",
      top.map((t) => t.id),
    )
    .where("p.status", "=", "published")
    .where("p.hidden_at", "is", null)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return top.flatMap((t) => {
    const r = byId.get(t.id);
    return r ? [{ pitch: { id: r.id, title: r.title, oneLiner: r.one_liner, round: r.round, company: localName(lng, r.company, r.companyEn) }, match: fitView(t, lng) as MatchView }] : [];
  });
}

/**
 * The investor's score for every indexed pitch (for "best match" on /pitches).
 * Ranking every pitch costs milliseconds, so the result is kept per investor
 * while the index is at the same revision (any pitch or investor upserted or
 * removed moves it on): exactly what ranking again would give.
 */
const rankedForInvestor = keptRankings<PitchInvestorIndex>();
export async function scoresForInvestor(db: DB, investorOrgId: string): Promise<Map<string, number>> {
  const index = await pitchReady(db);
  if (!index.hasInvestor(investorOrgId)) return new Map();
  return rankedForInvestor(index, investorOrgId, () => index.topPitchesForInvestor(investorOrgId, Math.max(1, index.pitchIds().length)));
}

/** The investor's score for the given pitches only (a page of /pitches in another order); unindexed pitches are left out. */
export async function scoresForInvestorOf(db: DB, investorOrgId: string, pitchIds: string[]): Promise<Map<string, number>> {
  const index = await pitchReady(db);
  const out = new Map<string, number>();
  if (!index.hasInvestor(investorOrgId)) return out;
  for (const [id, s10] of index.scorePitchesForInvestor(investorOrgId, pitchIds)) out.set(id, s10 / 10);
  return out;
}

/** One pitch's match for one investor (the pitch page), or null when either is not indexed. */
export async function pitchMatchForInvestor(db: DB, pitchId: string, investorOrgId: string, lng: "ko" | "en"): Promise<MatchView | null> {
  const index = await pitchReady(db);
  if (!index.hasInvestor(investorOrgId) || !index.hasPitch(pitchId)) return null;
  return pitchView(index, index.explain(pitchId, investorOrgId), lng);
}

/**
 * Both indexes loaded now rather than by the first page that needs them (at
 * scale a load takes seconds and its reconciliation a minute or more, in
 * slices). With `settle`, resolves only when the stored fits are in line.
 */
export async function warmMatching(db: DB, opts: { settle?: boolean } = {}) {
  await ready(db);
  await pitchReady(db);
  if (opts.settle) {
    await state().fits.reconciled();
    await pitchState().fits.reconciled();
  }
}

/** For tests: forget the in-memory pitch index. */
export function resetPitchMatchIndex() {
  const g = globalThis as { [PKEY]?: PitchState };
  delete g[PKEY];
}
