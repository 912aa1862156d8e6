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
import { CorpusStats, DEFAULT_ANALYZER, prepareQuery, TermDict, tfNorm, analyze, toDoc, type AnalyzerOptions, type TextQuery } from "./text";
import {
  explainNeedCompany,
  explainPitchInvestor,
  NC,
  NC_WEIGHTS,
  ncScore10,
  maxTenths,
  ncBoundFactor,
  ncScore10WithText,
  TEXT_GAIN,
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

function lowerBoundTyped(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Raw text bound (Σ share × max tf factor) that common terms may leave unaccumulated. */
const SKIP_BUDGET = 0.08;

/** acc[ords[p]] += share × tfn[p] — kept small and monomorphic for the optimiser. */
function accumulateList(acc: Float64Array, ords: Int32Array, tfn: Float64Array, share: number): void {
  for (let p = 0; p < ords.length; p++) {
    const d = ords[p]!;
    acc[d] = acc[d]! + share * tfn[p]!;
  }
}

/**
 * Bound (tenths) of every company with some relevance into `bnd` (−1 otherwise), and the
 * ords of the K highest bounds into `seedD`.
 */
function boundPass(
  size: number,
  textAcc: Float64Array,
  tagAcc: Float64Array,
  clinAcc: Float64Array,
  masks: number[],
  needMask: number,
  uText: number,
  textF: Float64Array,
  techF: Float64Array,
  clinF: Float64Array,
  bnd: Float64Array,
  k: number,
  seedD: Int32Array,
): { reached: number; seeds: number } {
  const seedB = new Float64Array(k);
  let seedN = 0;
  let seedMin = -Infinity;
  let seedMinAt = 0;
  let reached = 0;
  for (let d = 0; d < size; d++) {
    const t = textAcc[d]!;
    const g = tagAcc[d]!;
    const c = clinAcc[d]!;
    const mask = masks[d]!;
    if ((t === 0 && g === 0 && c === 0) || mask < 0) {
      bnd[d] = -1;
      continue;
    }
    const pat = needMask & mask;
    const x = TEXT_GAIN * (t + uText);
    const b = textF[pat]! * (x < 1 ? x : 1) + techF[pat]! * g + clinF[pat]! * c + SLACK10;
    bnd[d] = b;
    reached++;
    if (seedN < k) {
      seedB[seedN] = b;
      seedD[seedN] = d;
      seedN++;
      if (seedN === k) {
        seedMin = Infinity;
        for (let j = 0; j < k; j++) {
          if (seedB[j]! < seedMin) {
            seedMin = seedB[j]!;
            seedMinAt = j;
          }
        }
      }
    } else if (b > seedMin) {
      seedB[seedMinAt] = b;
      seedD[seedMinAt] = d;
      seedMin = Infinity;
      for (let j = 0; j < k; j++) {
        if (seedB[j]! < seedMin) {
          seedMin = seedB[j]!;
          seedMinAt = j;
        }
      }
    }
  }
  return { reached, seeds: seedN };
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
  tfn: Float64Array;
  tfnAvg: number;
  ordsArr: Int32Array;
  maxTfn: number;
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
  /** Companies whose skipped common terms were resolved by binary search. */
  refined: number;
  /** True when fewer than K companies could score above 0 and the rest were scanned. */
  fallbackScan: boolean;
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
 * 2. Bound: (text + tag points) × (1 + feasibility max / relevance max) + rounding
 *    slack — feasibility parts scale with relevance, so this is an upper bound.
 * 3. Score the K highest bounds exactly (a real threshold), then the remaining
 *    companies in decreasing bound order: resolve skipped terms from the
 *    company's own term vector, check a tighter bound (all parts exact except
 *    text), score exactly; stop when the bound falls below the K-th best.
 * 4. Companies reached by nothing have relevance 0 and score exactly 0 (or at
 *    most the bound of U if only skipped terms reach them); they are scanned only
 *    when the K-th best does not exceed that.
 */
export class NeedCompanyIndex {
  readonly dict = new TermDict();
  readonly stats = new CorpusStats();
  private companies = new Map<string, CompanyEntry>();
  private byOrd: (CompanyEntry | undefined)[] = [];
  private lenByOrd: number[] = [];
  private maskByOrd: number[] = [];
  private text = new Map<number, TextPosting>();
  private tech = new Map<string, number[]>();
  private clin = new Map<string, number[]>();
  private needs = new Map<string, PreparedNeed>();
  private nextOrd = 0;
  private textAcc = new Float64Array(0);
  private tagAcc = new Float64Array(0);
  private clinAcc = new Float64Array(0);
  private bnd = new Float64Array(0);
  private scored = new Int32Array(0);
  private gen = 0;
  private readonly analyzer: AnalyzerOptions;
  /** Counters of the last indexed query (for benchmarks and tests). */
  lastQuery: QueryStats = { candidates: 0, exactScored: 0, postingsVisited: 0, refined: 0, fallbackScan: false };

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

  upsertCompany(input: CompanyInput): void {
    this.removeCompany(input.id);
    const doc = toDoc(this.dict, analyze(companyText(input), this.analyzer).tokens);
    const p = prepareCompanyWithDoc(input, doc);
    const ord = this.nextOrd++;
    const e: CompanyEntry = { p, ord };
    this.companies.set(p.id, e);
    this.byOrd[ord] = e;
    this.lenByOrd[ord] = doc.len;
    this.maskByOrd[ord] = p.mask;
    this.stats.add(doc);
    for (let k = 0; k < doc.ids.length; k++) {
      const id = doc.ids[k]!;
      let post = this.text.get(id);
      if (!post) {
        post = { ords: [], tfs: [], tfn: new Float64Array(0), tfnAvg: NaN, ordsArr: new Int32Array(0), maxTfn: 0 };
        this.text.set(id, post);
      }
      post.ords.push(ord);
      post.tfs.push(doc.tfs[k]!);
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
    this.maskByOrd[ord] = -1;
    return true;
  }

  upsertNeed(input: NeedInput): void {
    this.needs.set(input.id, prepareNeed(input, { ...this.opts, analyzer: this.analyzer }));
  }

  removeNeed(id: string): boolean {
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
    this.tagAcc = new Float64Array(size);
    this.clinAcc = new Float64Array(size);
    this.bnd = new Float64Array(size);
  }

  /** Exact top K companies for a need via the inverted index (identical to brute force). */
  topCompaniesForNeed(need: string | NeedInput, k: number): Ranked[] {
    const n = this.need(need);
    const q = this.queryFor(n);
    const st: QueryStats = { candidates: 0, exactScored: 0, postingsVisited: 0, refined: 0, fallbackScan: false };
    this.lastQuery = st;
    if (k <= 0 || this.companies.size === 0) return [];
    this.ensureScratch();
    const top = new TopK(k);
    const scoredGen = ++this.gen;
    const scored = this.scored;
    const score = (d: number) => {
      scored[d] = scoredGen;
      const e = this.byOrd[d]!;
      st.exactScored++;
      top.offer(ncScore10(q, n, e.p), e.p.id);
    };
    const avg = q.avgLen;
    const lens = this.lenByOrd;

    // The need's text terms, with per-posting tf factors for the current average length.
    const terms: Array<{ post: TextPosting; share: number; id: number }> = [];
    for (let i = 0; i < q.ids.length; i++) {
      const share = q.share[i]!;
      const post = this.text.get(q.ids[i]!);
      if (!post || share <= 0) continue;
      // Cached factors are computed at a reference average ≥ the current one (a 2% grid):
      // the tf factor grows with the average, so they stay upper bounds across small
      // collection changes and need no rebuild after every edit.
      if (!(post.tfnAvg >= avg && post.tfnAvg <= avg * 1.04) || post.tfn.length !== post.ords.length) {
        const ref = Math.pow(1.02, Math.ceil(Math.log(avg) / Math.log(1.02)) + 1);
        const tfn = new Float64Array(post.ords.length);
        for (let p = 0; p < tfn.length; p++) tfn[p] = tfNorm(post.tfs[p]!, lens[post.ords[p]!]!, ref);
        post.tfn = tfn;
        post.tfnAvg = ref;
        post.ordsArr = Int32Array.from(post.ords);
        let mx = 0;
        for (let p = 0; p < tfn.length; p++) if (tfn[p]! > mx) mx = tfn[p]!;
        post.maxTfn = mx;
      }
      terms.push({ post, share, id: q.ids[i]! });
    }

    // Per applicability pattern (need mask ∧ company mask, < 256): what one unit of text
    // or tag relevance can be worth in the end, feasibility factor included.
    // Bound: (text + tag relevance points) × (1 + feasibility max / relevance max) + slack.
    const textF = new Float64Array(256).fill(NaN);
    const techF = new Float64Array(256);
    const clinF = new Float64Array(256);
    const masks = this.maskByOrd;
    const textAcc = this.textAcc;
    const tagAcc = this.tagAcc;
    const clinAcc = this.clinAcc;
    const size = this.nextOrd;

    // Relevance accumulated term at a time over the need's text terms and tags.
    textAcc.fill(0, 0, size);
    tagAcc.fill(0, 0, size);
    clinAcc.fill(0, 0, size);
    // Very common terms with little weight are not accumulated; their total possible
    // contribution U is added to every bound and resolved exactly (binary search) only
    // for companies that get near the top. Companies reached by nothing else have a
    // bound of at most 1000 × min(1, gain × U) (+ slack).
    const skipped: Array<{ post: TextPosting; share: number; id: number }> = [];
    let U = 0;
    {
      // Most postings saved per unit of bound first.
      const gainOf = (t: { post: TextPosting; share: number }) => t.post.ords.length / (t.share * t.post.maxTfn);
      const byGain = terms.filter((t) => t.post.ords.length >= size / 10).sort((x, y) => gainOf(y) - gainOf(x) || x.id - y.id);
      for (const t of byGain) {
        const u = t.share * t.post.maxTfn;
        if (U + u > SKIP_BUDGET) continue;
        U += u;
        skipped.push(t);
      }
    }
    const skippedSet = new Set(skipped);
    for (const term of terms) {
      if (skippedSet.has(term)) continue;
      st.postingsVisited += term.post.ordsArr.length;
      accumulateList(textAcc, term.post.ordsArr, term.post.tfn, term.share);
    }
    this.accumulateTags(n, tagAcc, clinAcc, st);

    // Bound per company with some relevance (−1: none, or removed). Meanwhile keep the
    // K highest bounds: scoring those exactly gives a real threshold to filter by.
    const needMask = n.mask;
    for (let pat = 0; pat < 256; pat++) {
      if ((pat & needMask) !== pat) continue;
      const max10 = maxTenths(NC_WEIGHTS, pat | 1);
      const factor = ncBoundFactor(max10);
      textF[pat] = max10[NC.text]! * factor;
      techF[pat] = n.tech.length ? (max10[NC.techFields]! / n.tech.length) * factor : 0;
      clinF[pat] = n.clin.length ? (max10[NC.clinicalAreas]! / n.clin.length) * factor : 0;
    }
    const bnd = this.bnd;
    const seedD = new Int32Array(k);
    const { reached, seeds } = boundPass(size, textAcc, tagAcc, clinAcc, masks, needMask, U, textF, techF, clinF, bnd, k, seedD);
    st.candidates = reached;
    for (let j = 0; j < seeds; j++) score(seedD[j]!);

    // Exact scores in decreasing bound order, among companies whose bound reaches the
    // threshold, until the bound cannot reach the K-th best.
    const th0 = top.threshold();
    const cand: number[] = [];
    for (let d = 0; d < size; d++) if (bnd[d]! >= th0 && bnd[d]! >= 0 && scored[d] !== scoredGen) cand.push(d);
    const bounds = Float64Array.from(cand, (d) => bnd[d]!);
    const heap = new MaxHeap(bounds, Int32Array.from(cand.keys()));
    const refined = new Uint8Array(cand.length);
    while (heap.size > 0) {
      const i = heap.peek();
      if (bounds[i]! < top.threshold()) break;
      heap.pop();
      const d = cand[i]!;
      if (U > 0 && !refined[i]) {
        // Resolve the skipped terms for this company, then re-queue with the exact bound.
        let extra = 0;
        const doc = this.byOrd[d]!.p.doc;
        for (const { id, share } of skipped) {
          const j = lowerBoundTyped(doc.ids, id);
          if (doc.ids[j] === id) extra += share * tfNorm(doc.tfs[j]!, doc.len, avg);
        }
        textAcc[d] = textAcc[d]! + extra;
        refined[i] = 1;
        st.refined++;
        const pat = n.mask & masks[d]!;
        bounds[i] = textF[pat]! * Math.min(1, TEXT_GAIN * textAcc[d]!) + techF[pat]! * tagAcc[d]! + clinF[pat]! * clinAcc[d]! + SLACK10;
        heap.push(i);
        continue;
      }
      // Tighter bound first: every part exact except text, taken at its accumulated
      // value (+ a margin for summation order); the score never decreases with text.
      const textUpper = Math.min(1, TEXT_GAIN * textAcc[d]! + 1e-9);
      if (ncScore10WithText(n, this.byOrd[d]!.p, textUpper) < top.threshold()) continue;
      score(d);
    }

    // Companies not reached: with no relevance they score exactly 0 (feasibility parts
    // scale with relevance); reached only by skipped terms, at most `unreached`.
    const unreached = U > 0 ? 1000 * Math.min(1, TEXT_GAIN * U) + SLACK10 : 0;
    if (!(top.threshold() > unreached)) {
      st.fallbackScan = true;
      for (const e of this.companies.values()) if (scored[e.ord] !== scoredGen) score(e.ord);
    }
    return top.result();
  }

  private accumulateTags(n: PreparedNeed, tagAcc: Float64Array, clinAcc: Float64Array, st: QueryStats): void {
    for (const [tags, lists, acc] of [
      [n.tech, this.tech, tagAcc],
      [n.clin, this.clin, clinAcc],
    ] as const) {
      for (const t of tags) {
        const l = lists.get(t);
        if (!l) continue;
        st.postingsVisited += l.length;
        for (const d of l) acc[d] = acc[d]! + 1;
      }
    }
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
  constructor(private readonly analyzer: AnalyzerOptions = DEFAULT_ANALYZER) {}

  upsertPitch(input: PitchInput): void {
    this.removePitch(input.id);
    const p = preparePitchWithDoc(input, toDoc(this.dict, analyze(pitchText(input), this.analyzer).tokens));
    this.pitches.set(p.id, p);
    this.stats.add(p.doc);
  }
  removePitch(id: string): boolean {
    const p = this.pitches.get(id);
    if (!p) return false;
    this.stats.remove(p.doc);
    return this.pitches.delete(id);
  }
  upsertInvestor(input: InvestorInput): void {
    this.investors.set(input.id, prepareInvestor(input, this.analyzer));
  }
  removeInvestor(id: string): boolean {
    return this.investors.delete(id);
  }
  hasPitch(id: string): boolean {
    return this.pitches.has(id);
  }
  hasInvestor(id: string): boolean {
    return this.investors.has(id);
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

  queryFor(inv: PreparedInvestor): TextQuery {
    return prepareQuery(this.dict, this.stats, inv.analyzed);
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

  topInvestorsForPitch(pitchId: string, k: number): Ranked[] {
    const p = this.pitches.get(pitchId);
    if (!p) throw new Error(`Unknown pitch: ${pitchId}`);
    const top = new TopK(k);
    for (const inv of this.investors.values()) top.offer(piScore10(this.queryFor(inv), inv, p), inv.id);
    return top.result();
  }
}
