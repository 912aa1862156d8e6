/**
 * In-memory inverted indexes with exact top-K.
 *
 * Companies for a need (the hot path): an inverted index over text terms and
 * tags, relevance accumulated term at a time, upper bounds per company, and
 * exact re-scoring (the same pure scorer as brute force) in decreasing bound
 * order until no bound can reach the K-th best. The top K is identical to
 * scoring every pair, ties included (score desc, then id asc). Details on
 * `NeedCompanyIndex`.
 *
 * Needs for a company and the pitch ↔ investor directions score every pair of
 * the (much smaller) other side with the same scorer.
 *
 * All structures update incrementally: upsert/remove of one company, need,
 * pitch or investor touches only that document's postings and the corpus
 * statistics.
 */
import { BM25_B, BM25_K1, CorpusStats, DEFAULT_ANALYZER, prepareQuery, TermDict, tfNorm, analyze, toDoc, type AnalyzerOptions, type TextDoc, type TextQuery } from "./text";
import {
  explainNeedCompany,
  explainPitchInvestor,
  NC,
  NC_WEIGHTS,
  ncScore10,
  maxTenths,
  ncBoundFactor,
  ncScore10WithText,
  TEXT_GAIN as TEXT_GAIN_EXPORTED,
  piScore10,
  prepareCompanyWithDoc,
  companyText,
  prepareInvestor,
  prepareNeed,
  preparePitchWithDoc,
  pitchText,
  type PreparedCompany,
  type PreparedInvestor,
  type PreparedNeed,
  type PreparedPitch,
  type ScoringOptions,
} from "./score";
import type { CompanyInput, InvestorInput, NeedCompanyScore, NeedInput, PitchInput, PitchInvestorScore, Ranked } from "./types";

// Module-local copies: imported bindings compile to property reads on the module object,
// which hot loops should not pay for.
const TEXT_GAIN = TEXT_GAIN_EXPORTED;
const K1 = BM25_K1;
const B = BM25_B;
/** Same arithmetic as `tfNorm` in text.ts. */
function tfFactor(tf: number, len: number, avgLen: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
}

// ---------- deterministic top-K ----------

/** True when a ranks below b: lower score, or same score and larger id. */
function worse(sa: number, ia: string, sb: number, ib: string): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

/** Keeps the K best (score desc, id asc) in a min-heap whose root is the worst kept. */
export class TopK {
  private s: number[] = [];
  private ids: string[] = [];
  constructor(readonly k: number) {}
  get size(): number {
    return this.s.length;
  }
  full(): boolean {
    return this.s.length >= this.k;
  }
  /** Scores strictly below this cannot enter; -Infinity until full. */
  threshold(): number {
    return this.full() ? this.s[0]! : -Infinity;
  }
  offer(score: number, id: string): void {
    if (this.k <= 0) return;
    if (!this.full()) {
      this.s.push(score);
      this.ids.push(id);
      this.up(this.s.length - 1);
      return;
    }
    if (worse(score, id, this.s[0]!, this.ids[0]!) || (score === this.s[0] && id === this.ids[0])) return;
    this.s[0] = score;
    this.ids[0] = id;
    this.down(0);
  }
  private swap(a: number, b: number) {
    [this.s[a], this.s[b]] = [this.s[b]!, this.s[a]!];
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
  private up(i: number) {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (worse(this.s[i]!, this.ids[i]!, this.s[p]!, this.ids[p]!)) {
        this.swap(i, p);
        i = p;
      } else break;
    }
  }
  private down(i: number) {
    const n = this.s.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && worse(this.s[l]!, this.ids[l]!, this.s[m]!, this.ids[m]!)) m = l;
      if (r < n && worse(this.s[r]!, this.ids[r]!, this.s[m]!, this.ids[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
  /** Best first. */
  result(): Ranked[] {
    const out = this.s.map((score10, i) => ({ id: this.ids[i]!, score10 }));
    out.sort((a, b) => b.score10 - a.score10 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return out;
  }
}

// ---------- sorted-array helpers ----------

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Raw text bound (Σ share × max tf factor) that common terms may leave unaccumulated before
 * a threshold is known (it is then lowered to what the threshold allows).
 */
const SKIP_BUDGET = 0.1;
/** Terms get presence bits (64 at most) once this many companies, and this share of them, hold them. */
const PRESENCE_MIN_DF = 16;
const PRESENCE_MIN_SHARE = 0.03;
/** Columns of the frequent-term table (term frequency bytes per company); the first 64 are presence bits too. */
const SLOTS = 256;
/** Only lists holding at least this share of the companies are worth skipping. */
const SKIP_MIN_SHARE = 0.05;

interface QTerm {
  post: TextPosting;
  share: number;
  id: number;
  /** share × max tf factor: the most the term can add to a company's raw text similarity. */
  u: number;
}

/**
 * acc[ords[p]] += share × tfn[p] — kept small and monomorphic for the optimiser, unrolled by
 * eight (the ords of one list are distinct, so the order of the additions is unchanged; about
 * twice as fast as the plain loop in V8).
 */
function accumulateList(acc: Float64Array, ords: Int32Array, tfn: Float32Array, share: number): void {
  const n = ords.length;
  let p = 0;
  for (; p + 7 < n; p += 8) {
    const d0 = ords[p]!;
    const d1 = ords[p + 1]!;
    const d2 = ords[p + 2]!;
    const d3 = ords[p + 3]!;
    const d4 = ords[p + 4]!;
    const d5 = ords[p + 5]!;
    const d6 = ords[p + 6]!;
    const d7 = ords[p + 7]!;
    acc[d0] = acc[d0]! + share * tfn[p]!;
    acc[d1] = acc[d1]! + share * tfn[p + 1]!;
    acc[d2] = acc[d2]! + share * tfn[p + 2]!;
    acc[d3] = acc[d3]! + share * tfn[p + 3]!;
    acc[d4] = acc[d4]! + share * tfn[p + 4]!;
    acc[d5] = acc[d5]! + share * tfn[p + 5]!;
    acc[d6] = acc[d6]! + share * tfn[p + 6]!;
    acc[d7] = acc[d7]! + share * tfn[p + 7]!;
  }
  for (; p < n; p++) {
    const d = ords[p]!;
    acc[d] = acc[d]! + share * tfn[p]!;
  }
}

/**
 * Bound (tenths) of every company into `bnd` — relevance points (text at its accumulated
 * value + `uText`, tags) × the largest feasibility factor of its pattern + slack; NaN for
 * removed ords — and into `seedD` the ords of the K highest bounds taken with each company's
 * own feasibility factor (computed only where the cheap bound could enter the K). Returns how
 * many seeds and how many companies the index reached (some text or tag relevance).
 */
function boundPass(
  size: number,
  textAcc: Float64Array,
  tagRel: Float64Array,
  masks: Int32Array,
  needMask: number,
  uText: number,
  mText: Float64Array,
  fMax: Float64Array,
  k: number,
  seedD: Int32Array,
  bnd: Float64Array,
  fq: FeasQuery,
  fc: FeasCompanies,
): { reached: number; seeds: number } {
  const { cCollab, cTrl, cBudget, cTrack, cResp, collab: needCollab, trlLo, trlHi } = fq;
  const { collab, trl, track, resp } = fc;
  const seedB = new Float64Array(k);
  let seedN = 0;
  let seedMin = -Infinity;
  let seedMinAt = 0;
  let reached = 0;
  for (let d = 0; d < size; d++) {
    const t = textAcc[d]!;
    const r = tagRel[d]!;
    const pat = needMask & masks[d]!;
    const x = TEXT_GAIN * (t + uText);
    const b = (mText[pat]! * (x < 1 ? x : 1) + r) * fMax[pat]! + SLACK10;
    bnd[d] = b;
    if (t + r > 0) reached++;
    if (!(b > seedMin)) continue; // also NaN (removed)
    // Seeds are chosen by the tighter bound with the company's own feasibility factor.
    const bf = (mText[pat]! * (x < 1 ? x : 1) + r) * feasFactor(pat, d, needCollab, trlLo, trlHi, cCollab, cTrl, cBudget, cTrack, cResp, collab, trl, track, resp) + SLACK10;
    if (!(bf > seedMin)) continue;
    if (seedN < k) {
      seedB[seedN] = bf;
      seedD[seedN] = d;
      seedN++;
      if (seedN < k) continue;
    } else {
      seedB[seedMinAt] = bf;
      seedD[seedMinAt] = d;
    }
    seedMin = Infinity;
    for (let j = 0; j < k; j++) {
      if (seedB[j]! < seedMin) {
        seedMin = seedB[j]!;
        seedMinAt = j;
      }
    }
  }
  return { reached, seeds: seedN };
}

/**
 * Raw text of one company with the skipped terms resolved (largest bound first), or −1 as
 * soon as its bound (text points at most tA × min(1, gain × text) + tagPts) falls below th.
 * `U` is the bound of the skipped terms it may contain (presence words w0, w1: a term with
 * a presence bit that is clear is absent and not counted in `U`).
 */
function probeSkipped(
  byOrd: (CompanyEntry | undefined)[],
  d: number,
  presTf: Uint8Array,
  base: number,
  len: number,
  avg: number,
  t0: number,
  U: number,
  sk: Skipped,
  w0: number,
  w1: number,
  tA: number,
  tagPts: number,
  th: number,
): number {
  const skipBit = sk.bit;
  const skipSlot = sk.slot;
  const skipU = sk.u;
  let t = t0;
  let rest = U;
  for (let s = 0; s < sk.n; s++) {
    const bit = skipBit[s]!;
    if (bit >= 0 && ((bit < 32 ? w0 >>> bit : w1 >>> (bit - 32)) & 1) === 0) continue; // absent, not in `U`
    const slot = skipSlot[s]!;
    let tf = slot >= 0 ? presTf[base + slot]! : 255;
    if (tf === 255) tf = termFreq(byOrd[d]!.p.doc, sk.ids[s]!);
    if (tf > 0) t += sk.share[s]! * tfFactor(tf, len, avg);
    rest -= skipU[s]!;
    const x = TEXT_GAIN * (t + (rest > 0 ? rest : 0));
    if (tA * (x < 1 ? x : 1) + tagPts < th) return -1;
  }
  return t;
}

/** Term frequency of `id` in a document (binary search), 0 if absent. */
function termFreq(doc: TextDoc, id: number): number {
  const ids = doc.ids;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id ? doc.tfs[lo]! : 0;
}

/** Skipped (non-essential) terms of a query, in decreasing bound order. */
interface Skipped {
  n: number;
  ids: Int32Array;
  share: Float64Array;
  /** share × max tf factor per term, and their sum U. */
  u: Float64Array;
  U: number;
  /** Presence bit per term (−1: none). */
  bit: Int32Array;
  /** Term-frequency column per term in the frequent-term table (−1: none). */
  slot: Int32Array;
  /** Presence bits of the skipped terms (bits 0–31, 32–63), their bounds by bit, and the bound of the skipped terms without a bit. */
  m0: number;
  m1: number;
  uByBit: Float64Array;
  uNoBit: number;
}

/**
 * Companies whose bound reaches th0, taken with their own feasibility factor and counting
 * only the skipped terms they may contain: ords into `cand`, bounds into `bounds`, skipped-term
 * bound into `uOf`, feasibility factor into `fOf`. Returns their number.
 */
function candidatePass(
  size: number,
  textAcc: Float64Array,
  tagRel: Float64Array,
  scored: Int32Array,
  scoredGen: number,
  masks: Int32Array,
  needMask: number,
  sk: Skipped,
  presence: Int32Array,
  th0: number,
  fq: FeasQuery,
  fc: FeasCompanies,
  cand: Int32Array,
  bounds: Float64Array,
  uOf: Float64Array,
  fOf: Float64Array,
  bnd: Float64Array,
): number {
  const U = sk.U;
  const nSkip = sk.n;
  const { m0, m1, uByBit, uNoBit } = sk;
  const { mText, cCollab, cTrl, cBudget, cTrack, cResp, collab: needCollab, trlLo, trlHi } = fq;
  const { collab, trl, track, resp } = fc;
  let nc = 0;
  for (let d = 0; d < size; d++) {
    // The first pass's bound (NaN: removed) is at least the current one: the terms
    // accumulated since then had their bound in it.
    if (!(bnd[d]! >= th0) || scored[d] === scoredGen) continue;
    const t = textAcc[d]!;
    const r = tagRel[d]!;
    const pat = needMask & masks[d]!;
    // The company's own feasibility factor instead of the largest of its pattern.
    const f = feasFactor(pat, d, needCollab, trlLo, trlHi, cCollab, cTrl, cBudget, cTrack, cResp, collab, trl, track, resp);
    const tA = mText[pat]! * f;
    const tagPts = r * f + SLACK10;
    let x = TEXT_GAIN * (t + U);
    let b = tA * (x < 1 ? x : 1) + tagPts;
    if (b < th0) continue;
    let u = U;
    if (nSkip > 0) {
      // Only the skipped terms it may contain count: those without a presence bit, and
      // those whose bit it has (lowest set bit first).
      u = uNoBit;
      let w = presence[2 * d]! & m0;
      while (w !== 0) {
        const low = w & -w;
        u += uByBit[31 - Math.clz32(low)]!;
        w ^= low;
      }
      w = presence[2 * d + 1]! & m1;
      while (w !== 0) {
        const low = w & -w;
        u += uByBit[63 - Math.clz32(low)]!;
        w ^= low;
      }
      if (u > U) u = U;
      x = TEXT_GAIN * (t + u);
      b = tA * (x < 1 ? x : 1) + tagPts;
      if (b < th0) continue;
    }
    cand[nc] = d;
    bounds[nc] = b;
    uOf[nc] = u;
    fOf[nc] = f;
    nc++;
  }
  return nc;
}

/**
 * 1 + (what the feasibility parts can earn per unit of relevance ρ) / relevance max, for one
 * company: collaboration, TRL, track record and responsiveness at their exact fractions,
 * budget at its largest (1). Score ≤ relevance points × this + rounding slack.
 */
function feasFactor(
  pat: number,
  d: number,
  needCollab: number,
  trlLo: number,
  trlHi: number,
  cCollab: Float64Array,
  cTrl: Float64Array,
  cBudget: Float64Array,
  cTrack: Float64Array,
  cResp: Float64Array,
  collab: Int32Array,
  trl: Float64Array,
  track: Float64Array,
  resp: Float64Array,
): number {
  let f = 1 + cBudget[pat]! + track[d]! * cTrack[pat]! + resp[d]! * cResp[pat]!;
  if ((collab[d]! & needCollab) !== 0) f += cCollab[pat]!;
  const ct = cTrl[pat]!;
  if (ct > 0) {
    const v = trl[d]!;
    const dist = v < trlLo ? trlLo - v : v > trlHi ? v - trlHi : 0;
    const fr = 1 - dist / 3;
    if (fr > 0) f += fr * ct;
  }
  return f;
}

/** Per applicability pattern: relevance maxima (text, per tag) and feasibility maxima / relevance max. */
interface FeasTable {
  /** The largest feasibility factor of the pattern (NaN for pattern 0: removed companies). */
  fMax: Float64Array;
  mText: Float64Array;
  mTech: Float64Array;
  mClin: Float64Array;
  cCollab: Float64Array;
  cTrl: Float64Array;
  cBudget: Float64Array;
  cTrack: Float64Array;
  cResp: Float64Array;
}
/** A need's side of the feasibility bound. */
interface FeasQuery extends FeasTable {
  collab: number;
  trlLo: number;
  trlHi: number;
}
/** Per company ord: applicability mask (0: removed), collaboration bits, TRL (NaN: none), track-record and responsiveness fractions (0: none). */
interface FeasCompanies {
  mask: Int32Array;
  collab: Int32Array;
  trl: Float64Array;
  track: Float64Array;
  resp: Float64Array;
}
const feasCache = new Map<string, FeasTable>();
function feasTable(needMask: number, nTech: number, nClin: number): FeasTable {
  const key = `${needMask}:${nTech}:${nClin}`;
  const hit = feasCache.get(key);
  if (hit) return hit;
  const mk = () => new Float64Array(256);
  const f: FeasTable = { fMax: mk().fill(NaN), mText: mk().fill(NaN), mTech: mk(), mClin: mk(), cCollab: mk(), cTrl: mk(), cBudget: mk(), cTrack: mk(), cResp: mk() };
  for (let pat = 0; pat < 256; pat++) {
    // Live companies and needs always have the text part; mask 0 marks a removed ord.
    if ((pat & needMask) !== pat || (pat & (1 << NC.text)) === 0) continue;
    const m = maxTenths(NC_WEIGHTS, pat);
    f.fMax[pat] = ncBoundFactor(m);
    const relMax = m[NC.text]! + m[NC.techFields]! + m[NC.clinicalAreas]!;
    f.mText[pat] = m[NC.text]!;
    f.mTech[pat] = nTech ? m[NC.techFields]! / nTech : 0;
    f.mClin[pat] = nClin ? m[NC.clinicalAreas]! / nClin : 0;
    f.cCollab[pat] = m[NC.collaboration]! / relMax;
    f.cTrl[pat] = m[NC.trl]! / relMax;
    f.cBudget[pat] = m[NC.budget]! / relMax;
    f.cTrack[pat] = m[NC.trackRecord]! / relMax;
    f.cResp[pat] = m[NC.responsiveness]! / relMax;
  }
  feasCache.set(key, f);
  return f;
}

/** Max-heap of indices into `keys` (ties: smaller index first, for determinism). */
class MaxHeap {
  private h: Int32Array;
  size: number;
  constructor(
    private readonly keys: Float64Array,
    items: Int32Array,
  ) {
    this.h = items;
    this.size = items.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }
  private above(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka > kb || (ka === kb && a < b);
  }
  peek(): number {
    return this.h[0]!;
  }
  /** Re-insert an index (capacity: only after a pop). */
  push(i: number): void {
    const h = this.h;
    let c = this.size++;
    h[c] = i;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (this.above(h[c]!, h[p]!)) {
        const t = h[c]!;
        h[c] = h[p]!;
        h[p] = t;
        c = p;
      } else break;
    }
  }
  pop(): number {
    const top = this.h[0]!;
    this.size--;
    if (this.size > 0) {
      this.h[0] = this.h[this.size]!;
      this.down(0);
    }
    return top;
  }
  private down(i: number): void {
    const h = this.h;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.above(h[l]!, h[m]!)) m = l;
      if (r < n && this.above(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      const t = h[i]!;
      h[i] = h[m]!;
      h[m] = t;
      i = m;
    }
  }
}

interface TextPosting {
  ords: number[]; // ascending
  tfs: number[];
  /** Upper bounds of the tf factor per posting (computed at average length `tfnAvg` ≥ the current one), and the ords as a typed array. */
  tfn: Float32Array;
  tfnAvg: number;
  ordsArr: Int32Array;
  maxTfn: number;
  /**
   * Column (0–255) in the frequent-term table (every holder's term frequency, a byte), −1 if
   * none; the first 64 columns are also presence bits in the holders' `presence` words.
   */
  slot: number;
}

interface CompanyEntry {
  p: PreparedCompany;
  ord: number;
}

/**
 * Rounding slack in tenths: relevance parts (3) and feasibility parts (5) are
 * each rounded by at most half a tenth.
 */
const SLACK10 = 4.5;

export interface QueryStats {
  /** Companies reached through the index (sharing a term or tag with the need). */
  candidates: number;
  /** Companies scored exactly. */
  exactScored: number;
  postingsVisited: number;
  /** Companies whose skipped common terms were resolved. */
  refined: number;
  /** Companies checked with the bound that has every part but text exact. */
  tightChecked: number;
  /** Companies scored exactly that share no accumulated term or tag with the need (K exceeds the related ones). */
  unrelatedScored: number;
}

/**
 * Needs ↔ companies. Scores use BM25 statistics of the company collection held
 * in the index, so a pair's score is the same whichever side is ranked.
 *
 * Exact top-K for a need:
 * 1. Accumulate each company's relevance from the postings of the need's terms
 *    (per-posting BM25 tf factors cached at a slightly larger average length, so
 *    they are upper bounds that survive small collection changes) and tags. Very
 *    common, low-weight terms are skipped within a budget U of possible text.
 * 2. Bound of every company: relevance points (text + U, tags) × (1 + what the
 *    feasibility parts can earn / relevance max) + rounding slack — feasibility parts
 *    scale with relevance, so this is an upper bound. First with the largest factor of
 *    the company's applicability pattern (one cheap pass), then with the company's own
 *    factor (collaboration, TRL, track record, responsiveness at their exact fractions,
 *    budget at 1) for the seeds and the candidates.
 * 3. Score the K highest bounds exactly (a real threshold), then the candidates
 *    whose bound reaches it in decreasing bound order: resolve skipped terms (term
 *    frequency bytes of frequent terms, else the company's own term vector), check
 *    a tighter bound (all parts exact except text), score exactly; stop when the
 *    bound falls below the K-th best. A company no accumulated term or tag reaches
 *    is bounded like any other (relevance at most U), so none is left out.
 */
export class NeedCompanyIndex {
  readonly dict = new TermDict();
  readonly stats = new CorpusStats();
  private companies = new Map<string, CompanyEntry>();
  private byOrd: (CompanyEntry | undefined)[] = [];
  private lenByOrd: number[] = [];
  private text = new Map<number, TextPosting>();
  private tech = new Map<string, number[]>();
  private clin = new Map<string, number[]>();
  private needs = new Map<string, PreparedNeed>();
  private nextOrd = 0;
  private textAcc = new Float64Array(0);
  /** Per company ord: technology-field and clinical-area points (before the feasibility factor). */
  private tagRel = new Float64Array(0);
  /** Per company ord, two words: which frequent terms (with a presence bit) it contains. */
  private presence = new Int32Array(0);
  /** Per company ord, SLOTS bytes: its term frequency (capped at 255) of each frequent term with a column (`slot`). */
  private presTf = new Uint8Array(0);
  private nBits = 0;
  private cand = new Int32Array(0);
  private candBound = new Float64Array(0);
  private candU = new Float64Array(0);
  private candF = new Float64Array(0);
  /** Per company ord: its bound in the first pass (NaN: not reached). */
  private bnd = new Float64Array(0);
  /** Applicability mask (0: removed) and feasibility data per company ord (for bounds). */
  private feas: FeasCompanies = { mask: new Int32Array(0), collab: new Int32Array(0), trl: new Float64Array(0), track: new Float64Array(0), resp: new Float64Array(0) };
  /** Collaboration type → bit (30 bits; later types share bit 30, which only loosens bounds). */
  private collabBits = new Map<string, number>();
  private scored = new Int32Array(0);
  private gen = 0;
  private readonly analyzer: AnalyzerOptions;
  /** Counters of the last indexed query (for benchmarks and tests). */
  lastQuery: QueryStats = { candidates: 0, exactScored: 0, postingsVisited: 0, refined: 0, tightChecked: 0, unrelatedScored: 0 };

  constructor(private readonly opts: ScoringOptions = {}) {
    this.analyzer = opts.analyzer ?? DEFAULT_ANALYZER;
  }

  get companyCount(): number {
    return this.companies.size;
  }
  get needCount(): number {
    return this.needs.size;
  }

  // ----- updates -----

  private setPresence(ord: number, slot: number, tf: number): void {
    if (this.presence.length < 2 * ord + 2) this.growPresence(ord + 1);
    if (slot < 64) this.presence[2 * ord + (slot >> 5)] |= 1 << (slot & 31);
    this.presTf[SLOTS * ord + slot] = tf < 255 ? tf : 255;
  }

  private growPresence(ords: number): void {
    const cap = Math.max(ords, this.presence.length, 1024);
    const presence = new Int32Array(2 * cap);
    presence.set(this.presence);
    this.presence = presence;
    const presTf = new Uint8Array(SLOTS * cap);
    presTf.set(this.presTf);
    this.presTf = presTf;
  }

  private collabMask(codes: Iterable<string>): number {
    let m = 0;
    for (const c of codes) {
      let b = this.collabBits.get(c);
      if (b === undefined) {
        b = Math.min(30, this.collabBits.size);
        this.collabBits.set(c, b);
      }
      m |= 1 << b;
    }
    return m;
  }

  private setFeas(ord: number, p: PreparedCompany): void {
    let f = this.feas;
    if (f.trl.length <= ord) {
      const cap = Math.max(1024, 2 * f.trl.length, ord + 1);
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      f = this.feas = {
        mask: grow(f.mask, new Int32Array(cap)),
        collab: grow(f.collab, new Int32Array(cap)),
        trl: grow(f.trl, new Float64Array(cap)),
        track: grow(f.track, new Float64Array(cap)),
        resp: grow(f.resp, new Float64Array(cap)),
      };
    }
    f.mask[ord] = p.mask;
    f.collab[ord] = this.collabMask(p.collab);
    f.trl[ord] = p.trl ?? NaN;
    f.track[ord] = p.track === null ? 0 : Math.min(1, p.track / 3);
    f.resp[ord] = p.resp ?? 0;
  }

  private rev = 0;
  /** Changes with every upsert or removal: a result computed at the same revision is still exact. */
  get revision(): number {
    return this.rev;
  }

  upsertCompany(input: CompanyInput): void {
    this.removeCompany(input.id);
    this.rev++;
    const doc = toDoc(this.dict, analyze(companyText(input), this.analyzer).tokens);
    const p = prepareCompanyWithDoc(input, doc);
    const ord = this.nextOrd++;
    const e: CompanyEntry = { p, ord };
    this.companies.set(p.id, e);
    this.byOrd[ord] = e;
    this.lenByOrd[ord] = doc.len;
    this.setFeas(ord, p);
    this.stats.add(doc);
    for (let k = 0; k < doc.ids.length; k++) {
      const id = doc.ids[k]!;
      let post = this.text.get(id);
      if (!post) {
        post = { ords: [], tfs: [], tfn: new Float32Array(0), tfnAvg: NaN, ordsArr: new Int32Array(0), maxTfn: NaN, slot: -1 };
        this.text.set(id, post);
      }
      post.ords.push(ord);
      post.tfs.push(doc.tfs[k]!);
      if (post.slot >= 0) this.setPresence(ord, post.slot, doc.tfs[k]!);
      else if (this.nBits < SLOTS && post.ords.length >= Math.max(PRESENCE_MIN_DF, this.companies.size * PRESENCE_MIN_SHARE)) {
        // A frequent term gets a presence bit (for good: bits are never reassigned).
        post.slot = this.nBits++;
        for (let j = 0; j < post.ords.length; j++) this.setPresence(post.ords[j]!, post.slot, post.tfs[j]!);
      }
    }
    const addTag = (m: Map<string, number[]>, t: string) => {
      const l = m.get(t);
      if (l) l.push(ord);
      else m.set(t, [ord]);
    };
    for (const t of p.tech) addTag(this.tech, t);
    for (const t of p.clin) addTag(this.clin, t);
  }

  removeCompany(id: string): boolean {
    const e = this.companies.get(id);
    if (!e) return false;
    this.rev++;
    const { p, ord } = e;
    const del = (a: number[], extra?: number[]) => {
      const i = lowerBound(a, ord);
      if (a[i] === ord) {
        a.splice(i, 1);
        extra?.splice(i, 1);
      }
    };
    for (const tid of p.doc.ids) {
      const post = this.text.get(tid);
      if (!post) continue;
      del(post.ords, post.tfs);
      post.tfnAvg = NaN;
      if (post.ords.length === 0) this.text.delete(tid);
    }
    for (const t of p.tech) del(this.tech.get(t) ?? []);
    for (const t of p.clin) del(this.clin.get(t) ?? []);
    this.stats.remove(p.doc);
    this.companies.delete(id);
    this.byOrd[ord] = undefined;
    this.feas.mask[ord] = 0;
    return true;
  }

  upsertNeed(input: NeedInput): void {
    this.rev++;
    this.needs.set(input.id, prepareNeed(input, { ...this.opts, analyzer: this.analyzer }));
  }

  removeNeed(id: string): boolean {
    this.rev++;
    return this.needs.delete(id);
  }

  hasCompany(id: string): boolean {
    return this.companies.has(id);
  }
  hasNeed(id: string): boolean {
    return this.needs.has(id);
  }

  // ----- scoring -----

  private need(n: string | NeedInput): PreparedNeed {
    if (typeof n !== "string") return prepareNeed(n, { ...this.opts, analyzer: this.analyzer });
    const p = this.needs.get(n);
    if (!p) throw new Error(`Unknown need: ${n}`);
    return p;
  }

  private queries = new WeakMap<PreparedNeed, { version: number; q: TextQuery }>();

  /** The need's text query against the current company statistics (cached until they change). */
  queryFor(n: PreparedNeed): TextQuery {
    const hit = this.queries.get(n);
    if (hit && hit.version === this.stats.version) return hit.q;
    const q = prepareQuery(this.dict, this.stats, n.analyzed);
    this.queries.set(n, { version: this.stats.version, q });
    return q;
  }

  /** Full explanation (parts, reasons) of one pair. */
  explain(need: string | NeedInput, companyId: string): NeedCompanyScore {
    const n = this.need(need);
    const e = this.companies.get(companyId);
    if (!e) throw new Error(`Unknown company: ${companyId}`);
    return explainNeedCompany(this.queryFor(n), n, e.p);
  }

  /** Score in tenths of a point. */
  score10(need: string | NeedInput, companyId: string): number {
    const n = this.need(need);
    const e = this.companies.get(companyId);
    if (!e) throw new Error(`Unknown company: ${companyId}`);
    return ncScore10(this.queryFor(n), n, e.p);
  }

  prepared(companyId: string): PreparedCompany | undefined {
    return this.companies.get(companyId)?.p;
  }
  preparedNeed(needId: string): PreparedNeed | undefined {
    return this.needs.get(needId);
  }

  /** Reference implementation: score every company. */
  topCompaniesForNeedBruteForce(need: string | NeedInput, k: number): Ranked[] {
    const n = this.need(need);
    const q = this.queryFor(n);
    const top = new TopK(k);
    for (const e of this.companies.values()) top.offer(ncScore10(q, n, e.p), e.p.id);
    return top.result();
  }

  private ensureScratch(): void {
    if (this.scored.length >= this.nextOrd) return;
    const size = Math.max(this.nextOrd, this.scored.length * 2, 1024);
    const scored = new Int32Array(size);
    scored.set(this.scored);
    this.scored = scored;
    this.textAcc = new Float64Array(size);
    this.tagRel = new Float64Array(size);
    this.cand = new Int32Array(size);
    this.candBound = new Float64Array(size);
    this.candU = new Float64Array(size);
    this.candF = new Float64Array(size);
    this.bnd = new Float64Array(size);
    if (this.presence.length < 2 * size) this.growPresence(Math.max(size, (this.presence.length >> 1) * 2));
  }

  /** Exact top K companies for a need via the inverted index (identical to brute force). */
  topCompaniesForNeed(need: string | NeedInput, k: number): Ranked[] {
    const n = this.need(need);
    const q = this.queryFor(n);
    const st: QueryStats = { candidates: 0, exactScored: 0, postingsVisited: 0, refined: 0, tightChecked: 0, unrelatedScored: 0 };
    this.lastQuery = st;
    if (k <= 0 || this.companies.size === 0) return [];
    this.ensureScratch();
    const top = new TopK(k);
    const scoredGen = ++this.gen;
    const scored = this.scored;
    const score = (d: number) => this.scoreExactly(d, q, n, top, st, scoredGen);
    const avg = q.avgLen;
    const lens = this.lenByOrd;

    // The need's text terms, with per-posting tf factors for the current average length.
    const terms: QTerm[] = [];
    for (let i = 0; i < q.ids.length; i++) {
      const share = q.share[i]!;
      const post = this.text.get(q.ids[i]!);
      if (!post || share <= 0) continue;
      // Cached factors are computed at a reference average ≥ the current one (a 2% grid):
      // the tf factor grows with the average, so they stay upper bounds across small
      // collection changes and need no rebuild after every edit.
      if (!(post.tfnAvg >= avg && post.tfnAvg <= avg * 1.05) || post.tfn.length !== post.ords.length) {
        const ref = Math.pow(1.02, Math.ceil(Math.log(avg) / Math.log(1.02)) + 1);
        // Single precision (half the memory to stream per query), rounded upwards: stored
        // as the nearest float to x × (1 + 1e-6), which is above x (float error ≤ 6e-8).
        const tfn = new Float32Array(post.ords.length);
        for (let p = 0; p < tfn.length; p++) tfn[p] = tfNorm(post.tfs[p]!, lens[post.ords[p]!]!, ref) * (1 + 1e-6);
        post.tfn = tfn;
        post.tfnAvg = ref;
        post.ordsArr = Int32Array.from(post.ords);
        let mx = 0;
        for (let p = 0; p < tfn.length; p++) if (tfn[p]! > mx) mx = tfn[p]!;
        post.maxTfn = mx;
      }
      terms.push({ post, share, id: q.ids[i]!, u: share * post.maxTfn });
    }

    // Per applicability pattern (need mask ∧ company mask, < 256): relevance maxima and
    // feasibility factors. Bound: relevance points (text + tags) × (1 + what the feasibility
    // parts can earn / relevance max) + rounding slack.
    const ft = feasTable(n.mask, n.tech.length, n.clin.length);
    const needMask = n.mask;
    const masks = this.feas.mask;
    const textAcc = this.textAcc;
    const tagRel = this.tagRel;
    const size = this.nextOrd;
    textAcc.fill(0, 0, size);
    tagRel.fill(0, 0, size);

    // MaxScore over accumulators. Common terms whose total possible contribution U stays
    // small are not accumulated ("non-essential"): every company carries in its bound the
    // part of U it may contain (presence bits) and resolves the skipped terms (term
    // frequency bytes, else binary search in its own term vector) only when its bound
    // reaches the K-th best. The skipped set is chosen greedily (most postings saved
    // per unit of bound first) under a budget: first an optimistic one, then — once the
    // K best bounds have been scored exactly and give a real threshold — the budget that
    // threshold allows (terms that no longer fit are accumulated after all).
    const minLen = Math.max(8, size * SKIP_MIN_SHARE);
    const byGain = terms.filter((t) => t.post.ords.length >= minLen).sort((x, y) => y.post.ords.length / y.u - x.post.ords.length / x.u || x.id - y.id);
    const skipped: QTerm[] = [];
    let U = 0;
    for (const t of byGain) {
      if (U + t.u > SKIP_BUDGET) continue;
      U += t.u;
      skipped.push(t);
    }
    const skippedSet = new Set(skipped);
    for (const term of terms) {
      if (skippedSet.has(term)) continue;
      st.postingsVisited += term.post.ordsArr.length;
      accumulateList(textAcc, term.post.ordsArr, term.post.tfn, term.share);
    }
    this.accumulateTags(n, ft, st);

    // Every company's bound (companies no accumulated term or tag reaches have relevance at
    // most U: their text bound); the K highest are scored exactly: a real threshold.
    const seedD = new Int32Array(k);
    const fq: FeasQuery = { ...ft, collab: this.collabMask(n.collab), trlLo: n.trl ? n.trl[0] : 0, trlHi: n.trl ? n.trl[1] : 0 };
    const { reached, seeds } = boundPass(size, textAcc, tagRel, masks, needMask, U, ft.mText, ft.fMax, k, seedD, this.bnd, fq, this.feas);
    st.candidates = reached;
    for (let j = 0; j < seeds; j++) score(seedD[j]!);

    // Shrink the skipped set to the budget the threshold allows (so that companies with no
    // other relevance stay below it and out of the candidates).
    const allowed = U > 0 && top.full() ? (top.threshold() - SLACK10 - 1) / (1000 * TEXT_GAIN) : 0;
    while (skipped.length > 0 && U > allowed) {
      const t = skipped.pop()!;
      U -= t.u;
      st.postingsVisited += t.post.ordsArr.length;
      accumulateList(textAcc, t.post.ordsArr, t.post.tfn, t.share);
    }
    if (skipped.length === 0) U = 0;
    // Probed in decreasing bound order: the bound falls fastest.
    skipped.sort((x, y) => y.u - x.u || x.id - y.id);
    const nSkip = skipped.length;
    const skipIds = Int32Array.from(skipped, (t) => t.id);
    const skipShare = Float64Array.from(skipped, (t) => t.share);
    const skipU = Float64Array.from(skipped, (t) => t.u);
    const skipBit = Int32Array.from(skipped, (t) => (t.post.slot < 64 ? t.post.slot : -1));
    const skipSlot = Int32Array.from(skipped, (t) => t.post.slot);

    // Candidates: companies whose bound reaches the threshold, in decreasing bound order,
    // until the bound cannot reach the K-th best. (Separate functions: the hot loops get
    // optimised on their own, whatever paths this one has or has not taken yet.)
    // Presence bits of the skipped terms: a company's share of U is the bound of the
    // skipped terms without a bit plus those whose bit it has.
    let m0 = 0;
    let m1 = 0;
    let uNoBit = 0;
    const uByBit = new Float64Array(64);
    for (const t of skipped) {
      const b = t.post.slot;
      if (b >= 0 && b < 64) {
        if (b < 32) m0 |= 1 << b;
        else m1 |= 1 << (b - 32);
        uByBit[b] = t.u;
      } else uNoBit += t.u;
    }
    const sk: Skipped = { n: nSkip, ids: skipIds, share: skipShare, u: skipU, bit: skipBit, slot: skipSlot, U, m0, m1, uByBit, uNoBit };
    const nc = candidatePass(size, textAcc, tagRel, scored, scoredGen, masks, needMask, sk, this.presence, top.threshold(), fq, this.feas, this.cand, this.candBound, this.candU, this.candF, this.bnd);
    this.drain(nc, q, n, sk, ft, top, st, scoredGen);
    return top.result();
  }

  private scoreExactly(d: number, q: TextQuery, n: PreparedNeed, top: TopK, st: QueryStats, gen: number): void {
    this.scored[d] = gen;
    const e = this.byOrd[d]!;
    st.exactScored++;
    if (this.textAcc[d] === 0 && this.tagRel[d] === 0) st.unrelatedScored++;
    top.offer(ncScore10(q, n, e.p), e.p.id);
  }

  /**
   * Candidates (ords in `cand`, bounds in `candBound`) in decreasing bound order until the
   * bound cannot reach the K-th best: resolve the skipped terms (re-queue with the exact
   * text bound), then a tighter bound (all parts exact except text), then score exactly.
   */
  private drain(nc: number, q: TextQuery, n: PreparedNeed, sk: Skipped, ft: FeasTable, top: TopK, st: QueryStats, gen: number): void {
    const cand = this.cand;
    const bounds = this.candBound;
    const uOf = this.candU;
    const textAcc = this.textAcc;
    const tagRel = this.tagRel;
    const masks = this.feas.mask;
    const lens = this.lenByOrd;
    const presence = this.presence;
    const presTf = this.presTf;
    const fOf = this.candF;
    const mText = ft.mText;
    const avg = q.avgLen;
    const needMask = n.mask;
    const heapItems = new Int32Array(nc);
    for (let i = 0; i < nc; i++) heapItems[i] = i;
    const heap = new MaxHeap(bounds, heapItems);
    const refined = new Uint8Array(nc);
    while (heap.size > 0) {
      const i = heap.peek();
      const th = top.threshold();
      if (bounds[i]! < th) break;
      heap.pop();
      const d = cand[i]!;
      const pat = needMask & masks[d]!;
      if (sk.n > 0 && refined[i] === 0) {
        refined[i] = 1;
        st.refined++;
        const f = fOf[i]!;
        const tA = mText[pat]! * f;
        const tagPts = tagRel[d]! * f + SLACK10;
        const t = probeSkipped(this.byOrd, d, presTf, SLOTS * d, lens[d]!, avg, textAcc[d]!, uOf[i]!, sk, presence[2 * d]!, presence[2 * d + 1]!, tA, tagPts, th);
        if (t < 0) continue;
        textAcc[d] = t;
        const x = TEXT_GAIN * t;
        bounds[i] = tA * (x < 1 ? x : 1) + tagPts;
        heap.push(i);
        continue;
      }
      // Tighter bound first: every part exact except text, taken at its accumulated
      // value (+ a margin for summation order); the score never decreases with text.
      const textUpper = Math.min(1, TEXT_GAIN * textAcc[d]! + 1e-9);
      st.tightChecked++;
      if (ncScore10WithText(n, this.byOrd[d]!.p, textUpper) < th) continue;
      this.scoreExactly(d, q, n, top, st, gen);
    }
  }

  /** Tag relevance points per company (technology fields, clinical areas), before the feasibility factor. */
  private accumulateTags(n: PreparedNeed, ft: FeasTable, st: QueryStats): void {
    const masks = this.feas.mask;
    const acc = this.tagRel;
    const needMask = n.mask;
    for (const [tags, lists, per] of [
      [n.tech, this.tech, ft.mTech],
      [n.clin, this.clin, ft.mClin],
    ] as const) {
      for (const t of tags) {
        const l = lists.get(t);
        if (!l) continue;
        st.postingsVisited += l.length;
        for (const d of l) acc[d] = acc[d]! + per[needMask & masks[d]!]!;
      }
    }
  }

  /** The company's score (tenths) for the given needs only; unknown needs are left out. */
  scoreNeedsForCompany(companyId: string, needIds: Iterable<string>): Map<string, number> {
    const e = this.companies.get(companyId);
    if (!e) throw new Error(`Unknown company: ${companyId}`);
    const out = new Map<string, number>();
    for (const id of needIds) {
      const n = this.needs.get(id);
      if (n) out.set(id, ncScore10(this.queryFor(n), n, e.p));
    }
    return out;
  }

  /** Needs for a company: scores every need (needs are far fewer than companies). */
  topNeedsForCompany(companyId: string, k: number): Ranked[] {
    const e = this.companies.get(companyId);
    if (!e) throw new Error(`Unknown company: ${companyId}`);
    const top = new TopK(k);
    for (const n of this.needs.values()) top.offer(ncScore10(this.queryFor(n), n, e.p), n.id);
    return top.result();
  }

  needIds(): string[] {
    return [...this.needs.keys()];
  }
  companyIds(): string[] {
    return [...this.companies.keys()];
  }
}

/**
 * Pitches ↔ investors. Text similarity: the investor's thesis (query) against
 * pitch text, BM25 statistics of the pitch collection. Ranking scores every
 * pair of the other side (these collections are small).
 */
export class PitchInvestorIndex {
  readonly dict = new TermDict();
  readonly stats = new CorpusStats();
  private pitches = new Map<string, PreparedPitch>();
  private investors = new Map<string, PreparedInvestor>();
  private rev = 0;
  constructor(private readonly analyzer: AnalyzerOptions = DEFAULT_ANALYZER) {}

  /** Changes with every upsert or removal: a result computed at the same revision is still exact. */
  get revision(): number {
    return this.rev;
  }

  upsertPitch(input: PitchInput): void {
    this.removePitch(input.id);
    this.rev++;
    const p = preparePitchWithDoc(input, toDoc(this.dict, analyze(pitchText(input), this.analyzer).tokens));
    this.pitches.set(p.id, p);
    this.stats.add(p.doc);
  }
  removePitch(id: string): boolean {
    const p = this.pitches.get(id);
    if (!p) return false;
    this.rev++;
    this.stats.remove(p.doc);
    return this.pitches.delete(id);
  }
  upsertInvestor(input: InvestorInput): void {
    this.rev++;
    this.investors.set(input.id, prepareInvestor(input, this.analyzer));
  }
  removeInvestor(id: string): boolean {
    this.rev++;
    return this.investors.delete(id);
  }
  hasPitch(id: string): boolean {
    return this.pitches.has(id);
  }
  hasInvestor(id: string): boolean {
    return this.investors.has(id);
  }
  preparedPitch(id: string): PreparedPitch | undefined {
    return this.pitches.get(id);
  }
  preparedInvestor(id: string): PreparedInvestor | undefined {
    return this.investors.get(id);
  }
  pitchIds(): string[] {
    return [...this.pitches.keys()];
  }
  investorIds(): string[] {
    return [...this.investors.keys()];
  }

  private get(pitchId: string, investorId: string): [PreparedPitch, PreparedInvestor] {
    const p = this.pitches.get(pitchId);
    const inv = this.investors.get(investorId);
    if (!p) throw new Error(`Unknown pitch: ${pitchId}`);
    if (!inv) throw new Error(`Unknown investor: ${investorId}`);
    return [p, inv];
  }

  private queries = new WeakMap<PreparedInvestor, { version: number; q: TextQuery }>();

  /** The investor's text query against the current pitch statistics (cached until they change). */
  queryFor(inv: PreparedInvestor): TextQuery {
    const hit = this.queries.get(inv);
    if (hit && hit.version === this.stats.version) return hit.q;
    const q = prepareQuery(this.dict, this.stats, inv.analyzed);
    this.queries.set(inv, { version: this.stats.version, q });
    return q;
  }

  explain(pitchId: string, investorId: string): PitchInvestorScore {
    const [p, inv] = this.get(pitchId, investorId);
    return explainPitchInvestor(this.queryFor(inv), inv, p);
  }

  score10(pitchId: string, investorId: string): number {
    const [p, inv] = this.get(pitchId, investorId);
    return piScore10(this.queryFor(inv), inv, p);
  }

  topPitchesForInvestor(investorId: string, k: number): Ranked[] {
    const inv = this.investors.get(investorId);
    if (!inv) throw new Error(`Unknown investor: ${investorId}`);
    const q = this.queryFor(inv);
    const top = new TopK(k);
    for (const p of this.pitches.values()) top.offer(piScore10(q, inv, p), p.id);
    return top.result();
  }

  /** score10 of the given pitches for one investor (unknown pitches left out), the query prepared once. */
  scorePitchesForInvestor(investorId: string, pitchIds: Iterable<string>): Map<string, number> {
    const inv = this.investors.get(investorId);
    if (!inv) throw new Error(`Unknown investor: ${investorId}`);
    const q = this.queryFor(inv);
    const out = new Map<string, number>();
    for (const id of pitchIds) {
      const p = this.pitches.get(id);
      if (p) out.set(id, piScore10(q, inv, p));
    }
    return out;
  }

  topInvestorsForPitch(pitchId: string, k: number): Ranked[] {
    const p = this.pitches.get(pitchId);
    if (!p) throw new Error(`Unknown pitch: ${pitchId}`);
    const top = new TopK(k);
    for (const inv of this.investors.values()) top.offer(piScore10(this.queryFor(inv), inv, p), inv.id);
    return top.result();
  }
}
