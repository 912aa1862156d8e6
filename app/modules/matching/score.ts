/**
 * The pure scoring core: a pair's parts, their points and reasons.
 *
 * Weighting. Each signal has a base weight (need ↔ company below). A signal is
 * *applicable* to a pair only when both sides carry the data it needs (a need
 * without TRL range, or a company without TRL, says nothing about TRL fit).
 * The applicable weights are rescaled to sum to 100 (largest-remainder rounding
 * in tenths), so missing optional data is neither a bonus nor a penalty and text
 * alone yields a full 0–100 ranking.
 *
 * Rounding. Every part's points are rounded to one decimal (integer tenths) and
 * the score is the sum of the rounded parts, so what is shown adds up exactly.
 *
 * Gate. Required certifications are a hard requirement shown as a gate part
 * (key `gate.certifications`, max 0). Passing: 0 points, `gate: "pass"`. Failing:
 * `gate: "fail"` and negative points equal to half of the points earned by the
 * other parts (the score is halved), so a failing pair can still be seen but
 * ranks below comparable passing pairs.
 */
import { analyze, bm25Sim, DEFAULT_ANALYZER, toDoc, type Analyzed, type AnalyzerOptions, type TermDict, type TextDoc, type TextQuery } from "./text";
import { normaliseStage, normaliseTags, stageRank, type TagRef } from "./tags";
import type {
  CompanyInput,
  InvestorInput,
  NeedCompanyPartKey,
  NeedCompanyScore,
  NeedInput,
  Part,
  PitchInput,
  PitchInvestorPartKey,
  PitchInvestorScore,
  Reason,
} from "./types";

// ---------- weights and applicability ----------

export const NC_KEYS = ["text", "techFields", "clinicalAreas", "collaboration", "trl", "budget", "trackRecord", "responsiveness"] as const;
export const NC_WEIGHTS: readonly number[] = [35, 20, 12, 8, 10, 5, 6, 4];
export const PI_KEYS = ["text", "techFields", "stage", "ticket", "validation", "eventRating"] as const;
export const PI_WEIGHTS: readonly number[] = [35, 25, 15, 15, 6, 4];
/**
 * Text fraction = min(1, TEXT_GAIN × normalised BM25). Normalised BM25 is about
 * the share of the query's weighted terms found; good matches rarely pass 0.5.
 */
export const TEXT_GAIN = 2;
/** Share of the earned points kept when a gate fails. */
export const GATE_FAIL_KEEP = 0.5;

export const NC = { text: 0, techFields: 1, clinicalAreas: 2, collaboration: 3, trl: 4, budget: 5, trackRecord: 6, responsiveness: 7 } as const;
export const PI = { text: 0, techFields: 1, stage: 2, ticket: 3, validation: 4, eventRating: 5 } as const;

const maxCache = new Map<readonly number[], (Int32Array | undefined)[]>();
/** Maximum points (tenths) per part for the applicable parts in `pattern`; sums to 1000. */
export function maxTenths(weights: readonly number[], pattern: number): Int32Array {
  let byPattern = maxCache.get(weights);
  if (!byPattern) {
    byPattern = [];
    maxCache.set(weights, byPattern);
  }
  const hit = byPattern[pattern];
  if (hit) return hit;
  const out = new Int32Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (pattern & (1 << i)) total += weights[i]!;
  if (total > 0) {
    const exact = weights.map((w, i) => (pattern & (1 << i) ? (w * 1000) / total : 0));
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      out[i] = Math.floor(exact[i]!);
      sum += out[i]!;
    }
    const order = exact.map((x, i) => [x - Math.floor(x), i] as const).filter(([, i]) => pattern & (1 << i));
    order.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; sum < 1000 && k < order.length; k++, sum++) out[order[k]![1]]! += 1;
  }
  byPattern[pattern] = out;
  return out;
}

// ---------- prepared need / company ----------

export interface ScoringOptions {
  /** Include the need's confidential `details` in its text (only for readers who may see them). Default false. */
  includeConfidential?: boolean;
  analyzer?: AnalyzerOptions;
}

export interface PreparedNeed {
  id: string;
  input: NeedInput;
  analyzed: Analyzed;
  tech: string[];
  clin: string[];
  collab: string[];
  trl: [number, number] | null;
  budget: [number, number] | null;
  certs: string[];
  mask: number;
}

export interface PreparedCompany {
  id: string;
  input: CompanyInput;
  doc: TextDoc;
  tech: Set<string>;
  clin: Set<string>;
  collab: Set<string>;
  trl: number | null;
  budget: [number, number] | null;
  certs: Set<string>;
  track: number | null;
  resp: number | null;
  mask: number;
}

const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const joinText = (x: string | string[] | undefined): string => (Array.isArray(x) ? x.join("\n") : (x ?? ""));

function range(lo: number | null, hi: number | null): [number, number] | null {
  if (lo === null && hi === null) return null;
  const a = lo ?? hi!;
  const b = hi ?? lo!;
  return a <= b ? [a, b] : [b, a];
}

export function needText(n: NeedInput, includeConfidential: boolean): string {
  return [n.title, n.summary, includeConfidential ? (n.details ?? "") : ""].join("\n");
}

export function companyText(c: CompanyInput): string {
  return [c.description, joinText(c.products), joinText(c.trackRecord)].join("\n");
}

export function prepareNeed(n: NeedInput, opts: ScoringOptions = {}): PreparedNeed {
  const tech = normaliseTags("tech_field", n.techFields);
  const clin = normaliseTags("clinical_area", n.clinicalAreas);
  const collab = normaliseTags("collaboration_type", n.collaborationTypes);
  const trlMin = num(n.trlMin);
  const trlMax = num(n.trlMax);
  const trl = trlMin === null && trlMax === null ? null : range(trlMin ?? 1, trlMax ?? 9);
  const budget = range(num(n.budgetMinKrw), num(n.budgetMaxKrw));
  let mask = (1 << NC.text) | (1 << NC.trackRecord) | (1 << NC.responsiveness);
  if (tech.length) mask |= 1 << NC.techFields;
  if (clin.length) mask |= 1 << NC.clinicalAreas;
  if (collab.length) mask |= 1 << NC.collaboration;
  if (trl) mask |= 1 << NC.trl;
  if (budget) mask |= 1 << NC.budget;
  return {
    id: n.id,
    input: n,
    analyzed: analyze(needText(n, opts.includeConfidential ?? false), opts.analyzer ?? DEFAULT_ANALYZER),
    tech,
    clin,
    collab,
    trl,
    budget,
    certs: normaliseTags("certification", n.requiredCertifications),
    mask,
  };
}

export function prepareCompany(c: CompanyInput, dict: TermDict, analyzer: AnalyzerOptions = DEFAULT_ANALYZER): PreparedCompany {
  return prepareCompanyWithDoc(c, toDoc(dict, analyze(companyText(c), analyzer).tokens));
}

/** Prepare a company's structured fields around an already analysed text document. */
export function prepareCompanyWithDoc(c: CompanyInput, doc: TextDoc): PreparedCompany {
  const tech = new Set(normaliseTags("tech_field", c.techFields));
  const clin = new Set(normaliseTags("clinical_area", c.clinicalAreas));
  const collab = new Set(normaliseTags("collaboration_type", c.collaborationTypes));
  const trl = num(c.trl);
  const budget = range(num(c.budgetMinKrw), num(c.budgetMaxKrw));
  const tb = num(c.verifiedTestbeds);
  const ac = num(c.acceptedCollaborations);
  const track = tb === null && ac === null ? null : Math.max(0, tb ?? 0) + Math.max(0, ac ?? 0);
  const r = num(c.responseRate);
  const resp = r === null ? null : Math.min(1, Math.max(0, r));
  let mask = 1 << NC.text;
  if (tech.size) mask |= 1 << NC.techFields;
  if (clin.size) mask |= 1 << NC.clinicalAreas;
  if (collab.size) mask |= 1 << NC.collaboration;
  if (trl !== null) mask |= 1 << NC.trl;
  if (budget) mask |= 1 << NC.budget;
  if (track !== null) mask |= 1 << NC.trackRecord;
  if (resp !== null) mask |= 1 << NC.responsiveness;
  return {
    id: c.id,
    input: c,
    doc,
    tech,
    clin,
    collab,
    trl,
    budget,
    certs: new Set(normaliseTags("certification", c.certifications)),
    track,
    resp,
    mask,
  };
}

// ---------- fractions ----------

function overlap(wanted: readonly string[], held: Set<string>): number {
  let k = 0;
  for (const t of wanted) if (held.has(t)) k++;
  return k;
}

export function trlFraction(trl: number, [lo, hi]: [number, number]): number {
  const d = trl < lo ? lo - trl : trl > hi ? trl - hi : 0;
  return Math.max(0, 1 - d / 3);
}

/** 1 when the ranges overlap, falling to 0 when they are 10× apart. */
export function rangeFraction([a0, a1]: [number, number], [b0, b1]: [number, number]): number {
  if (a1 >= b0 && b1 >= a0) return 1;
  const ratio = a1 < b0 ? b0 / Math.max(a1, 1) : a0 / Math.max(b1, 1);
  return Math.max(0, 1 - Math.log10(ratio));
}

export function certSatisfied(req: string, held: Set<string>): boolean {
  if (held.has(req)) return true;
  // A generic requirement ("mfds") is met by any specific holding ("mfds-class2").
  for (const h of held) if (h.startsWith(`${req}-`)) return true;
  return false;
}

/** Writes each part's fraction (0..1) into `out`; returns the applicability pattern. */
export function ncFractions(n: PreparedNeed, c: PreparedCompany, textFrac: number, out: Float64Array): number {
  const pattern = n.mask & c.mask;
  out[NC.text] = textFrac;
  out[NC.techFields] = pattern & (1 << NC.techFields) ? overlap(n.tech, c.tech) / n.tech.length : 0;
  out[NC.clinicalAreas] = pattern & (1 << NC.clinicalAreas) ? overlap(n.clin, c.clin) / n.clin.length : 0;
  out[NC.collaboration] = pattern & (1 << NC.collaboration) ? (overlap(n.collab, c.collab) > 0 ? 1 : 0) : 0;
  out[NC.trl] = pattern & (1 << NC.trl) ? trlFraction(c.trl!, n.trl!) : 0;
  out[NC.budget] = pattern & (1 << NC.budget) ? rangeFraction(n.budget!, c.budget!) : 0;
  out[NC.trackRecord] = pattern & (1 << NC.trackRecord) ? Math.min(1, c.track! / 3) : 0;
  out[NC.responsiveness] = pattern & (1 << NC.responsiveness) ? c.resp! : 0;
  return pattern;
}

export function missingCerts(n: PreparedNeed, c: PreparedCompany): string[] {
  return n.certs.filter((r) => !certSatisfied(r, c.certs));
}

const scratch = new Float64Array(8);
const REL_PARTS = [NC.text, NC.techFields, NC.clinicalAreas] as const;
const COND_PARTS = [NC.collaboration, NC.trl, NC.budget, NC.trackRecord, NC.responsiveness] as const;

/**
 * Relevance (text, technology fields, clinical areas) earns points directly.
 * Feasibility and quality parts (collaboration type, TRL, budget, track record,
 * responsiveness) earn their fraction × the pair's relevance ratio ρ, so an
 * unrelated company cannot climb on TRL or responsiveness alone.
 * Returns the total in tenths (before the gate); fills `pts` when given.
 */
export function ncTotal(fracs: Float64Array, max10: Int32Array, pts?: Int32Array): { total: number; rho: number } {
  return relevanceTotal(REL_PARTS, COND_PARTS, fracs, max10, pts);
}

function relevanceTotal(
  REL_PARTS: readonly number[],
  COND_PARTS: readonly number[],
  fracs: Float64Array,
  max10: Int32Array,
  pts?: Int32Array,
): { total: number; rho: number } {
  let rel = 0;
  let relMax = 0;
  for (const i of REL_PARTS) {
    rel += fracs[i]! * max10[i]!;
    relMax += max10[i]!;
  }
  const rho = relMax > 0 ? rel / relMax : 0;
  let total = 0;
  for (const i of REL_PARTS) {
    const x = Math.round(fracs[i]! * max10[i]!);
    if (pts) pts[i] = x;
    total += x;
  }
  for (const i of COND_PARTS) {
    const x = Math.round(fracs[i]! * rho * max10[i]!);
    if (pts) pts[i] = x;
    total += x;
  }
  return { total, rho };
}

/** Upper bound factor: score ≤ (relevance points) × factor + slack, for a pattern. */
export function ncBoundFactor(max10: Int32Array): number {
  let relMax = 0;
  let cond = 0;
  for (const i of REL_PARTS) relMax += max10[i]!;
  for (const i of COND_PARTS) cond += max10[i]!;
  return relMax > 0 ? 1 + cond / relMax : 1;
}

const gatePenalty = (sum: number) => Math.round(sum * (1 - GATE_FAIL_KEEP));

/** Fast path: the score in tenths, with the text fraction given. Same arithmetic as `explainNeedCompany`. */
export function ncScore10WithText(n: PreparedNeed, c: PreparedCompany, textFrac: number): number {
  const pattern = ncFractions(n, c, textFrac, scratch);
  const { total } = ncTotal(scratch, maxTenths(NC_WEIGHTS, pattern));
  if (n.certs.length && missingCerts(n, c).length) return total - gatePenalty(total);
  return total;
}

/** Fast path: the pair's score in tenths of a point. */
export function ncScore10(q: TextQuery, n: PreparedNeed, c: PreparedCompany): number {
  return ncScore10WithText(n, c, Math.min(1, TEXT_GAIN * bm25Sim(q, c.doc)));
}

const tags = (kind: TagRef["kind"], codes: Iterable<string>): TagRef[] => [...codes].map((code) => ({ kind, code }));

function textReason(q: TextQuery, contrib: Float64Array, frac: number): Reason {
  const bySurface = new Map<string, number>();
  for (let i = 0; i < contrib.length; i++) {
    const c = contrib[i]!;
    if (c > 0) {
      const s = q.surfaces[i]!;
      bySurface.set(s, (bySurface.get(s) ?? 0) + c);
    }
  }
  const ranked = [...bySurface.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  // A lone syllable ("와" left over from "AI와") tells a reader nothing: name only words.
  const terms = ranked.filter((s) => !s.startsWith("⟨") && !/^[\uAC00-\uD7A3]$/.test(s)).slice(0, 3);
  const concepts: TagRef[] = [];
  for (const s of ranked) {
    const m = /^⟨(clinical_area|tech_field|g):(.+)⟩$/.exec(s);
    if (m && concepts.length < 3) concepts.push({ kind: m[1] === "g" ? "glossary" : (m[1] as "clinical_area" | "tech_field"), code: m[2]! });
  }
  return { key: "match.text", params: { percent: Math.round(frac * 100), terms, concepts } };
}

/** Full explanation of a need ↔ company pair: parts with points, max and reasons. */
export function explainNeedCompany(q: TextQuery, n: PreparedNeed, c: PreparedCompany): NeedCompanyScore {
  const contrib = new Float64Array(q.ids.length);
  const textFrac = Math.min(1, TEXT_GAIN * bm25Sim(q, c.doc, contrib));
  const fracs = new Float64Array(8);
  const pattern = ncFractions(n, c, textFrac, fracs);
  const max10 = maxTenths(NC_WEIGHTS, pattern);
  const missing = n.certs.length ? missingCerts(n, c) : [];
  const pts = new Int32Array(8);
  const { total: sum, rho } = ncTotal(fracs, max10, pts);
  const penalty = missing.length ? gatePenalty(sum) : 0;
  const total = sum - penalty;
  const relevance = Math.round(rho * 100);
  const parts: Part<NeedCompanyPartKey>[] = [];
  const push = (i: number, reason: Reason) => {
    if (pattern & (1 << i)) parts.push({ key: NC_KEYS[i]!, points: pts[i]! / 10, max: max10[i]! / 10, reason });
  };
  push(NC.text, textReason(q, contrib, textFrac));
  push(NC.techFields, {
    key: "match.techFields",
    params: { matched: tags("tech_field", n.tech.filter((t) => c.tech.has(t))), total: n.tech.length },
  });
  push(NC.clinicalAreas, {
    key: "match.clinicalAreas",
    params: { matched: tags("clinical_area", n.clin.filter((t) => c.clin.has(t))), total: n.clin.length },
  });
  push(NC.collaboration, {
    key: "match.collaboration",
    params: { matched: tags("collaboration_type", n.collab.filter((t) => c.collab.has(t))), wanted: tags("collaboration_type", n.collab), relevance },
  });
  if (n.trl && c.trl !== null) push(NC.trl, { key: "match.trl", params: { trl: c.trl, min: n.trl[0], max: n.trl[1], relevance } });
  if (n.budget && c.budget)
    push(NC.budget, {
      key: "match.budget",
      params: { needMin: n.budget[0], needMax: n.budget[1], companyMin: c.budget[0], companyMax: c.budget[1], relevance },
    });
  push(NC.trackRecord, {
    key: "match.trackRecord",
    params: {
      testbeds: Math.max(0, c.input.verifiedTestbeds ?? 0),
      collaborations: Math.max(0, c.input.acceptedCollaborations ?? 0),
      relevance,
      ...(c.input.testbedHospitals?.length ? { hospitals: c.input.testbedHospitals.map((h) => h.ko), hospitalsEn: c.input.testbedHospitals.map((h) => h.en || h.ko) } : {}),
    },
  });
  push(NC.responsiveness, { key: "match.responsiveness", params: { percent: Math.round((c.resp ?? 0) * 100), relevance } });
  if (n.certs.length) {
    parts.push({
      key: "gate.certifications",
      points: penalty ? -penalty / 10 : 0,
      max: 0,
      gate: missing.length ? "fail" : "pass",
      reason: missing.length
        ? { key: "match.gate.certifications.fail", params: { missing: tags("certification", missing), keepPercent: Math.round(GATE_FAIL_KEEP * 100) } }
        : { key: "match.gate.certifications.pass", params: { required: tags("certification", n.certs) } },
    });
  }
  return { needId: n.id, companyId: c.id, score: total / 10, parts };
}

// ---------- pitch ↔ investor ----------

export interface PreparedInvestor {
  id: string;
  input: InvestorInput;
  analyzed: Analyzed;
  tech: string[];
  stages: string[];
  ticket: [number, number] | null;
  mask: number;
}

export interface PreparedPitch {
  id: string;
  input: PitchInput;
  doc: TextDoc;
  tech: Set<string>;
  stage: string | null;
  ask: number | null;
  validation: number | null;
  rating: number | null;
  mask: number;
}

export function pitchText(p: PitchInput): string {
  return [p.title, p.oneLiner, p.problem, p.solution, p.market, p.traction].filter(Boolean).join("\n");
}

export function prepareInvestor(inv: InvestorInput, analyzer: AnalyzerOptions = DEFAULT_ANALYZER): PreparedInvestor {
  const tech = normaliseTags("tech_field", inv.techFields);
  const stages = [...new Set((inv.stages ?? []).map(normaliseStage).filter(Boolean))];
  const ticket = range(num(inv.ticketMinKrw), num(inv.ticketMaxKrw));
  let mask = (1 << PI.text) | (1 << PI.validation) | (1 << PI.eventRating);
  if (tech.length) mask |= 1 << PI.techFields;
  if (stages.length) mask |= 1 << PI.stage;
  if (ticket) mask |= 1 << PI.ticket;
  return { id: inv.id, input: inv, analyzed: analyze(inv.thesis, analyzer), tech, stages, ticket, mask };
}

export function preparePitch(p: PitchInput, dict: TermDict, analyzer: AnalyzerOptions = DEFAULT_ANALYZER): PreparedPitch {
  return preparePitchWithDoc(p, toDoc(dict, analyze(pitchText(p), analyzer).tokens));
}

export function preparePitchWithDoc(p: PitchInput, doc: TextDoc): PreparedPitch {
  const tech = new Set(normaliseTags("tech_field", p.techFields));
  const stage = p.stage ? normaliseStage(p.stage) || null : null;
  const ask = num(p.askKrw);
  const v = p.validation;
  const validation = v
    ? Math.max(0, num(v.hospitalCollaborations) ?? 0) + Math.max(0, num(v.testbeds) ?? 0) + (v.certifications?.length ?? 0)
    : null;
  const r = num(p.eventRating);
  const rating = r === null ? null : Math.min(1, Math.max(0, r / 5));
  let mask = 1 << PI.text;
  if (tech.size) mask |= 1 << PI.techFields;
  if (stage) mask |= 1 << PI.stage;
  if (ask !== null) mask |= 1 << PI.ticket;
  if (validation !== null) mask |= 1 << PI.validation;
  if (rating !== null) mask |= 1 << PI.eventRating;
  return { id: p.id, input: p, doc, tech, stage, ask, validation, rating, mask };
}

function stageFraction(stage: string, wanted: string[]): number {
  if (wanted.includes(stage)) return 1;
  const r = stageRank(stage);
  if (r < 0) return 0;
  return wanted.some((w) => stageRank(w) >= 0 && Math.abs(stageRank(w) - r) === 1) ? 0.5 : 0;
}

export function piFractions(inv: PreparedInvestor, p: PreparedPitch, textFrac: number, out: Float64Array): number {
  const pattern = inv.mask & p.mask;
  out[PI.text] = textFrac;
  out[PI.techFields] = pattern & (1 << PI.techFields) ? overlap([...p.tech], new Set(inv.tech)) / p.tech.size : 0;
  out[PI.stage] = pattern & (1 << PI.stage) ? stageFraction(p.stage!, inv.stages) : 0;
  out[PI.ticket] = pattern & (1 << PI.ticket) ? rangeFraction([p.ask!, p.ask!], inv.ticket!) : 0;
  out[PI.validation] = pattern & (1 << PI.validation) ? Math.min(1, p.validation! / 3) : 0;
  out[PI.eventRating] = pattern & (1 << PI.eventRating) ? p.rating! : 0;
  return pattern;
}

const piScratch = new Float64Array(6);
const PI_REL = [PI.text, PI.techFields] as const;
const PI_COND = [PI.stage, PI.ticket, PI.validation, PI.eventRating] as const;
/** Same relevance scaling as need ↔ company: stage, ticket and signals count in proportion to thesis fit. */
export function piTotal(fracs: Float64Array, max10: Int32Array, pts?: Int32Array): { total: number; rho: number } {
  return relevanceTotal(PI_REL, PI_COND, fracs, max10, pts);
}

export function piScore10(q: TextQuery, inv: PreparedInvestor, p: PreparedPitch): number {
  const pattern = piFractions(inv, p, bm25Sim(q, p.doc), piScratch);
  return piTotal(piScratch, maxTenths(PI_WEIGHTS, pattern)).total;
}

export function explainPitchInvestor(q: TextQuery, inv: PreparedInvestor, p: PreparedPitch): PitchInvestorScore {
  const contrib = new Float64Array(q.ids.length);
  const textFrac = bm25Sim(q, p.doc, contrib);
  const fracs = new Float64Array(6);
  const pattern = piFractions(inv, p, textFrac, fracs);
  const max10 = maxTenths(PI_WEIGHTS, pattern);
  const pts = new Int32Array(6);
  const { total, rho } = piTotal(fracs, max10, pts);
  const relevance = Math.round(rho * 100);
  const parts: Part<PitchInvestorPartKey>[] = [];
  const push = (i: number, reason: Reason) => {
    if (pattern & (1 << i)) parts.push({ key: PI_KEYS[i]!, points: pts[i]! / 10, max: max10[i]! / 10, reason });
  };
  push(PI.text, { ...textReason(q, contrib, textFrac), key: "match.pi.text" });
  push(PI.techFields, {
    key: "match.pi.techFields",
    params: { matched: tags("tech_field", [...p.tech].filter((t) => inv.tech.includes(t))), total: p.tech.size },
  });
  if (p.stage) push(PI.stage, { key: "match.pi.stage", params: { stage: p.stage, stages: inv.stages, relevance } });
  if (p.ask !== null && inv.ticket)
    push(PI.ticket, { key: "match.pi.ticket", params: { ask: p.ask, min: inv.ticket[0], max: inv.ticket[1], relevance } });
  push(PI.validation, {
    key: "match.pi.validation",
    params: {
      collaborations: Math.max(0, p.input.validation?.hospitalCollaborations ?? 0),
      testbeds: Math.max(0, p.input.validation?.testbeds ?? 0),
      certifications: p.input.validation?.certifications?.length ?? 0,
      relevance,
    },
  });
  push(PI.eventRating, { key: "match.pi.eventRating", params: { rating: Math.round((p.rating ?? 0) * 50) / 10, relevance } });
  return { pitchId: p.id, investorId: inv.id, score: total / 10, parts };
}
