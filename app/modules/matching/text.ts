/**
 * Text analysis for Korean + English without a morphological analyser, and the
 * BM25 text similarity used by the scorer.
 *
 * - English: lower case, stop words dropped, light suffix stemming.
 * - Hangul: each run is split into overlapping two-syllable pieces, plus the
 *   whole run and the run with a trailing particle removed (플랫폼을 → 플랫폼), so
 *   particles and compounds (의료영상 ⊃ 영상) still match.
 * - Concepts (optional): vocabulary labels/synonyms found in the text add a
 *   language-neutral token (e.g. "영상" and "imaging" → ⟨clinical_area:radiology⟩),
 *   a cheap cross-lingual bridge.
 */
import { taxonomy, type TaxonomyKind } from "../taxonomy/vocabulary";
import { GLOSSARY } from "./glossary";

export type SplitMode = "words" | "bigrams" | "bigrams+runs";
export interface AnalyzerOptions {
  split: SplitMode;
  stem: boolean;
  /** Vocabulary labels/synonyms → ⟨kind:code⟩ tokens. */
  concepts: boolean;
  /** Bilingual glossary words → ⟨g:key⟩ tokens. */
  glossary: boolean;
  /** Query weight of a Hangul bigram piece when whole runs are also indexed (default 1). */
  bigramWeight?: number;
  /** Query weight of concept/glossary tokens (default 1). */
  conceptWeight?: number;
}
/** Chosen by measurement on the labelled set (npm run eval:match). */
export const DEFAULT_ANALYZER: AnalyzerOptions = {
  split: "bigrams+runs",
  stem: true,
  concepts: true,
  glossary: true,
  bigramWeight: 0.3,
  conceptWeight: 2,
};

export interface Analyzed {
  /** Tokens with repetitions, in text order. */
  tokens: string[];
  /** token → a readable word of the source text it came from (for reasons). */
  surface: Map<string, string>;
  /** token → its weight as a query term (bigram pieces weigh less than whole words). */
  weight: Map<string, number>;
}

const HANGUL = /[\uac00-\ud7a3]/;
const UNIT_RE = /[\uac00-\ud7a3]+|[a-z0-9]+/g;

const EN_STOP = new Set(
  (
    "a an and are as at be been being by can for from has have in into is it its of on or our that the their them " +
    "these this those to was we were which will with within without via per using use used based such than then " +
    "also more most other who whom whose what when where how all any each both new need needs want wants looking " +
    "seek seeking able provide provides provided offer offers company companies hospital project projects solution solutions"
  ).split(" "),
);
// Hangul runs that carry no topic on their own.
const KO_STOP = new Set(
  "및 등 위한 위해 통한 통해 대한 관련 기반 있는 있습니다 합니다 하는 하고 그리고 또는 이를 이 그 저 수 것 중 내 후 전 현재 필요 필요합니다 원합니다 희망 희망합니다 찾습니다 기업 병원 업체 회사 솔루션".split(
    " ",
  ),
);
// Trailing particles / light endings, longest first. Stripped only when ≥2 syllables remain.
const PARTICLES = [
  "에서는", "에서의", "으로는", "으로서", "으로써", "에게서", "까지는", "부터는",
  "에서", "으로", "에게", "까지", "부터", "이나", "이며", "이고", "처럼", "보다", "에는", "과의", "와의", "로서", "로써", "하는", "하고", "하여", "해서", "했던", "하기", "되는", "되어", "적인", "들을", "들이", "들의",
  "을", "를", "이", "가", "은", "는", "의", "에", "와", "과", "도", "만", "로", "들", "한", "된", "적",
];

const PARTICLE_SET = new Set(PARTICLES);

export function stripParticle(run: string): string {
  for (const p of PARTICLES) {
    if (run.length - p.length >= 2 && run.endsWith(p)) return run.slice(0, -p.length);
  }
  return run;
}

const INFLECT: Array<[string, string]> = [
  ["sses", "ss"],
  ["ies", "y"],
  ["ied", "y"],
  ["ings", ""],
  ["ing", ""],
  ["ed", ""],
  ["es", ""],
  ["s", ""],
];
const DERIV = ["izations", "ization", "ational", "ations", "ation", "ments", "ment", "ness", "ities", "ity", "ical", "ive", "ic", "al", "ate", "ly", "e", "y"];

/** Light English stemmer: one inflectional then one derivational suffix, stem ≥ 3 letters. */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  for (const [suf, rep] of INFLECT) {
    if (s.endsWith(suf) && s.length - suf.length + rep.length >= 3) {
      if (suf === "s" && (s.endsWith("ss") || s.endsWith("us") || s.endsWith("is"))) break;
      s = s.slice(0, -suf.length) + rep;
      break;
    }
  }
  for (const suf of DERIV) {
    if (s.endsWith(suf) && s.length - suf.length >= 4) {
      s = s.slice(0, -suf.length);
      break;
    }
  }
  return s;
}

function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function units(text: string): string[] {
  return normaliseText(text).match(UNIT_RE) ?? [];
}

// ---- concept phrases (vocabulary labels + synonyms) ----
interface ConceptPhrase {
  token: string;
  units: string[]; // English units stemmed; Hangul units raw
}
interface ConceptTable {
  byEnglishFirst: Map<string, ConceptPhrase[]>;
  byHangulKey: Map<string, ConceptPhrase[]>; // first two syllables (or the one syllable) of the first unit
}
const conceptTables = new Map<string, ConceptTable>();
function getConceptTable(which: "vocabulary" | "glossary"): ConceptTable {
  const hit = conceptTables.get(which);
  if (hit) return hit;
  const t: ConceptTable = { byEnglishFirst: new Map(), byHangulKey: new Map() };
  const push = (m: Map<string, ConceptPhrase[]>, k: string, p: ConceptPhrase) => {
    const l = m.get(k);
    if (l) l.push(p);
    else m.set(k, [p]);
  };
  const sources: Array<{ token: string; phrases: string[] }> = [];
  if (which === "vocabulary") {
    const kinds: TaxonomyKind[] = ["clinical_area", "tech_field"];
    for (const kind of kinds) {
      for (const term of taxonomy[kind]) {
        sources.push({ token: `⟨${kind}:${term.code}⟩`, phrases: [term.label.ko, term.label.en, ...(term.synonyms ?? [])] });
      }
    }
  } else {
    for (const g of GLOSSARY) sources.push({ token: `⟨g:${g.key}⟩`, phrases: [...g.en, ...g.ko] });
  }
  {
    for (const { token, phrases } of sources) {
      const seen = new Set<string>();
      for (const p of phrases) {
        // Drop parentheses such as "종양학(암)" (the synonym "암" covers it).
        const us = units(p.replace(/\(.*?\)/g, " ")).map((u) => (HANGUL.test(u) ? u : stem(u)));
        const key = us.join(" ");
        if (us.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const ph = { token, units: us };
        const first = us[0]!;
        if (HANGUL.test(first)) push(t.byHangulKey, first.slice(0, 2), ph);
        else push(t.byEnglishFirst, first, ph);
      }
    }
  }
  conceptTables.set(which, t);
  return t;
}

function unitMatches(textUnit: string, phraseUnit: string, textStripped: string, first: boolean): boolean {
  if (!HANGUL.test(phraseUnit)) return textUnit === phraseUnit;
  if (phraseUnit.length === 1) {
    // Single syllables (암, 폐, 뇌) only as a whole word, optionally with a particle.
    return textUnit === phraseUnit || textStripped === phraseUnit || (textUnit.startsWith(phraseUnit) && PARTICLE_SET.has(textUnit.slice(1)));
  }
  // A later unit of a multi-unit phrase must start the text unit ("영상 판독" ≠ "영상 재판독").
  return first ? textUnit.includes(phraseUnit) : textUnit.startsWith(phraseUnit);
}

function phraseAt(ph: ConceptPhrase, i: number, cmp: string[], stripped: string[]): boolean {
  if (i + ph.units.length > cmp.length) return false;
  for (let j = 0; j < ph.units.length; j++) {
    if (!unitMatches(cmp[i + j]!, ph.units[j]!, stripped[i + j]!, j === 0)) return false;
  }
  return true;
}

/** Vocabulary concept tokens found in a list of units (cmp: Hangul raw, English stemmed). */
function conceptTokens(cmp: string[], stripped: string[], table: ConceptTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < cmp.length; i++) {
    const u = cmp[i]!;
    const found = new Set<string>();
    if (HANGUL.test(u)) {
      const keys = new Set<string>([u.slice(0, 1), stripped[i]!]);
      for (let k = 0; k + 1 < u.length; k++) keys.add(u.slice(k, k + 2));
      for (const key of keys) {
        for (const ph of table.byHangulKey.get(key) ?? []) {
          if (!found.has(ph.token) && phraseAt(ph, i, cmp, stripped)) found.add(ph.token);
        }
      }
    } else {
      for (const ph of table.byEnglishFirst.get(u) ?? []) {
        if (!found.has(ph.token) && phraseAt(ph, i, cmp, stripped)) found.add(ph.token);
      }
    }
    for (const tok of [...found].sort()) out.push(tok);
  }
  return out;
}

/** Split text into tokens according to `opts`. Pure and deterministic. */
export function analyze(text: string, opts: AnalyzerOptions = DEFAULT_ANALYZER): Analyzed {
  const tokens: string[] = [];
  const surface = new Map<string, string>();
  const weight = new Map<string, number>();
  const add = (tok: string, surf: string, w = 1) => {
    tokens.push(tok);
    if (!surface.has(tok)) surface.set(tok, surf);
    const prev = weight.get(tok);
    if (prev === undefined || w > prev) weight.set(tok, w);
  };
  const bw = opts.split === "bigrams+runs" ? (opts.bigramWeight ?? 1) : 1;
  const cw = opts.conceptWeight ?? 1;
  const us = units(text);
  const cmpUnits: string[] = [];
  const stripped: string[] = [];
  for (const u of us) {
    if (HANGUL.test(u)) {
      const st = stripParticle(u);
      cmpUnits.push(u);
      stripped.push(st);
      if (KO_STOP.has(u) || KO_STOP.has(st)) continue;
      if (opts.split === "words") {
        add(u, u);
        continue;
      }
      if (st.length === 1) {
        add(st, st);
        continue;
      }
      // Plain syllable bigrams keep the particle ("폼을"); with runs, the particle is stripped first.
      const base = opts.split === "bigrams" ? u : st;
      for (let i = 0; i + 1 < base.length; i++) add(base.slice(i, i + 2), st, base.length === 2 ? 1 : bw);
      // The particle itself is not part of any bigram: "플랫폼을" gives 플랫, 랫폼 (+ 플랫폼).
      if (opts.split === "bigrams+runs" && st.length > 2) add(st, st);
    } else {
      const s = opts.stem ? stem(u) : u;
      cmpUnits.push(stem(u));
      stripped.push(u);
      if (EN_STOP.has(u) || u.length < 2) continue;
      add(s, u);
    }
  }
  if (opts.concepts) {
    for (const c of conceptTokens(cmpUnits, stripped, getConceptTable("vocabulary"))) add(c, c, cw);
  }
  if (opts.glossary) {
    for (const c of conceptTokens(cmpUnits, stripped, getConceptTable("glossary"))) add(c, c, cw);
  }
  return { tokens, surface, weight };
}

// ---- term dictionary and corpus statistics ----

/** Interns token strings to dense integer ids. */
export class TermDict {
  private ids = new Map<string, number>();
  private terms: string[] = [];
  intern(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(t, id);
      this.terms.push(t);
    }
    return id;
  }
  get(t: string): number | undefined {
    return this.ids.get(t);
  }
  term(id: number): string {
    return this.terms[id] ?? "";
  }
}

/** A document as sorted term ids with counts. */
export interface TextDoc {
  ids: Int32Array; // ascending
  tfs: Float64Array;
  len: number;
}

export function toDoc(dict: TermDict, tokens: readonly string[]): TextDoc {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const id = dict.intern(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const tfs = Float64Array.from(ids, (id) => counts.get(id)!);
  return { ids, tfs, len: tokens.length };
}

/** Document frequencies of a collection, updated incrementally. */
export class CorpusStats {
  n = 0;
  totalLen = 0;
  /** Incremented on every change (for caches of prepared queries). */
  version = 0;
  private df: number[] = [];
  add(doc: TextDoc): void {
    this.version++;
    this.n++;
    this.totalLen += doc.len;
    for (const id of doc.ids) this.df[id] = (this.df[id] ?? 0) + 1;
  }
  remove(doc: TextDoc): void {
    this.version++;
    this.n--;
    this.totalLen -= doc.len;
    for (const id of doc.ids) this.df[id] = (this.df[id] ?? 1) - 1;
  }
  docFreq(id: number): number {
    return this.df[id] ?? 0;
  }
  avgLen(): number {
    return this.n > 0 && this.totalLen > 0 ? this.totalLen / this.n : 1;
  }
  idf(id: number): number {
    const df = this.docFreq(id);
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** A query prepared against current corpus statistics: term ids with their share of the query weight. */
export interface TextQuery {
  ids: Int32Array; // ascending
  share: Float64Array; // Σ share = 1 (or all 0 for an empty query)
  surfaces: string[];
  avgLen: number;
}

export function prepareQuery(dict: TermDict, stats: CorpusStats, analyzed: Analyzed): TextQuery {
  const counts = new Map<number, number>();
  const surf = new Map<number, string>();
  for (const t of analyzed.tokens) {
    const id = dict.intern(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!surf.has(id)) surf.set(id, analyzed.surface.get(t) ?? t);
  }
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const tw = new Map<number, number>();
  for (const [t, w] of analyzed.weight) tw.set(dict.intern(t), w);
  const w = Float64Array.from(ids, (id) => (tw.get(id) ?? 1) * (1 + Math.log(counts.get(id)!)) * stats.idf(id));
  let total = 0;
  for (const x of w) total += x;
  const share = total > 0 ? w.map((x) => x / total) : w.map(() => 0);
  return { ids, share, surfaces: Array.from(ids, (id) => surf.get(id)!), avgLen: stats.avgLen() };
}

/** BM25 term-frequency factor, 1 for one occurrence in an average-length document. */
export function tfNorm(tf: number, len: number, avgLen: number): number {
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgLen));
}

/**
 * Normalised BM25: Σ over shared terms of (query share × tf factor), clipped to 1.
 * About "the fraction of the query's (idf-weighted) content found in the document".
 */
export function bm25Sim(q: TextQuery, d: TextDoc, contrib?: Float64Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const qi = q.ids;
  const di = d.ids;
  while (i < qi.length && j < di.length) {
    const a = qi[i]!;
    const b = di[j]!;
    if (a === b) {
      const c = q.share[i]! * tfNorm(d.tfs[j]!, d.len, q.avgLen);
      if (contrib) contrib[i] = c;
      s += c;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return s > 1 ? 1 : s;
}

/** Classic TF-IDF cosine (for comparison in the evaluation). */
export function tfidfCosine(stats: CorpusStats, a: TextDoc, b: TextDoc): number {
  const idf = (id: number) => Math.log((stats.n + 1) / (stats.docFreq(id) + 1)) + 1;
  const norm = (d: TextDoc) => {
    let s = 0;
    for (let k = 0; k < d.ids.length; k++) s += ((1 + Math.log(d.tfs[k]!)) * idf(d.ids[k]!)) ** 2;
    return Math.sqrt(s);
  };
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      dot += (1 + Math.log(a.tfs[i]!)) * (1 + Math.log(b.tfs[j]!)) * idf(x) ** 2;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot / (na * nb);
}
