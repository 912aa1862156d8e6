/**
 * npm run eval:match — ranking quality on the labelled set in
 * app/modules/matching/eval-data/ (needs.json, companies.json, judgments.json).
 *
 * Figures (see matching.md, "Quality, measured"):
 * - nDCG@10 per need, mean over needs. Only the judged companies of a need are
 *   ranked (standard practice for partially judged sets); gain 2^grade − 1,
 *   discount log2(rank + 1); ties broken by id like the product.
 * - Pairwise-order loss per company: for every pair of needs the company was
 *   rated differently for, a wrong order costs the rating gap, a tie half of it;
 *   divided by the sum of gaps. Mean over companies (and pooled, "micro").
 *
 * Every text method is measured twice: with all input fields ("full") and with
 * the text fields only ("text only": title/summary/details, description/products/
 * trackRecord), the shape outside evaluators may send.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMatchInput, NeedCompanyIndex } from "../app/modules/matching";
import type { CompanyInput, NeedInput } from "../app/modules/matching";
import {
  analyze,
  bm25Sim,
  DEFAULT_ANALYZER,
  CorpusStats,
  prepareQuery,
  TermDict,
  tfidfCosine,
  toDoc,
  type AnalyzerOptions,
} from "../app/modules/matching/text";
import { companyText, ncScore10WithText, needText, prepareCompanyWithDoc, prepareNeed, TEXT_GAIN } from "../app/modules/matching/score";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "..", "app", "modules", "matching", "eval-data");

function load(name: string): unknown {
  const p = join(dataDir, name);
  if (!existsSync(p)) {
    process.stderr.write(`eval-match: missing ${p}\nThe labelled set (needs.json, companies.json, judgments.json) must be in ${dataDir}.\n`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(p, "utf8"));
}

const rawNeeds = load("needs.json");
const rawCompanies = load("companies.json");
const judgments = load("judgments.json") as Array<{ needId: string; companyId: string; grade: number }>;
const parsed = parseMatchInput({
  needs: Array.isArray(rawNeeds) ? rawNeeds : (rawNeeds as { needs: unknown }).needs,
  companies: Array.isArray(rawCompanies) ? rawCompanies : (rawCompanies as { companies: unknown }).companies,
});
if (!parsed.ok) {
  process.stderr.write(`eval-match: invalid eval data:\n  ${parsed.errors.join("\n  ")}\n`);
  process.exit(1);
}
const needs = parsed.value.needs!;
const companies = parsed.value.companies!;

const textOnlyNeed = (n: NeedInput): NeedInput => ({ id: n.id, title: n.title, summary: n.summary, ...(n.details ? { details: n.details } : {}) });
const textOnlyCompany = (c: CompanyInput): CompanyInput => ({
  id: c.id,
  name: c.name,
  description: c.description,
  ...(c.products ? { products: c.products } : {}),
  ...(c.trackRecord ? { trackRecord: c.trackRecord } : {}),
});

interface Method {
  name: string;
  analyzer: AnalyzerOptions;
  sim: "bm25" | "tfidf";
  gain?: number;
}

const base = { stem: true, concepts: false, glossary: false } as const;
const METHODS: Method[] = [
  { name: "word TF-IDF (no Hangul split, no stem)", analyzer: { ...base, split: "words", stem: false }, sim: "tfidf", gain: 1 },
  { name: "syllable-bigram TF-IDF", analyzer: { ...base, split: "bigrams" }, sim: "tfidf", gain: 1 },
  { name: "BM25 words (no Hangul split)", analyzer: { ...base, split: "words" }, sim: "bm25", gain: 1 },
  { name: "BM25 bigrams+runs", analyzer: { ...base, split: "bigrams+runs" }, sim: "bm25", gain: 1 },
  { name: "BM25 bigrams+runs + vocabulary concepts", analyzer: { ...base, split: "bigrams+runs", concepts: true }, sim: "bm25", gain: 1 },
  { name: "BM25 bigrams+runs + concepts + glossary", analyzer: { ...base, split: "bigrams+runs", concepts: true, glossary: true }, sim: "bm25", gain: 1 },
  { name: "BM25 words + concepts + glossary, gain 2", analyzer: { ...base, split: "words", concepts: true, glossary: true }, sim: "bm25", gain: 2 },
  { name: "TF-IDF bigrams+runs + concepts + glossary", analyzer: { ...base, split: "bigrams+runs", concepts: true, glossary: true }, sim: "tfidf", gain: 2 },
  { name: "BM25 chosen: bigram w 0.3, concept w 2, gain 2", analyzer: DEFAULT_ANALYZER, sim: "bm25" },
];

if (process.env.EVAL_EXTRA) {
  for (const bigramWeight of [0, 0.15, 0.3, 0.5])
    for (const conceptWeight of [1, 1.5, 2])
      for (const gain of [1.5, 2])
        METHODS.push({
          name: `x b${bigramWeight} c${conceptWeight} g${gain}`,
          analyzer: { split: "bigrams+runs", stem: true, concepts: true, glossary: true, bigramWeight, conceptWeight },
          sim: "bm25",
          gain,
        });
}

type ScoreFn = (needId: string, companyId: string) => number;

/** Scores (tenths) of the judged pairs for one method. */
function scorer(m: Method, ns: NeedInput[], cs: CompanyInput[]): ScoreFn {
  const dict = new TermDict();
  const stats = new CorpusStats();
  const comp = new Map(
    cs.map((c) => {
      const doc = toDoc(dict, analyze(companyText(c), m.analyzer).tokens);
      stats.add(doc);
      return [c.id, prepareCompanyWithDoc(c, doc)] as const;
    }),
  );
  const gain = m.gain ?? TEXT_GAIN;
  const cache = new Map<string, number>();
  const prepared = new Map(ns.map((n) => [n.id, prepareNeed(n, { includeConfidential: true, analyzer: m.analyzer })] as const));
  const queries = new Map([...prepared].map(([id, p]) => [id, prepareQuery(dict, stats, p.analyzed)] as const));
  const needDocs = new Map(ns.map((n) => [n.id, toDoc(dict, analyze(needText(n, true), m.analyzer).tokens)] as const));
  return (needId, companyId) => {
    const key = `${needId}\u0000${companyId}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const n = prepared.get(needId)!;
    const c = comp.get(companyId)!;
    const sim = m.sim === "bm25" ? bm25Sim(queries.get(needId)!, c.doc) : tfidfCosine(stats, needDocs.get(needId)!, c.doc);
    const s = ncScore10WithText(n, c, Math.min(1, sim * gain));
    cache.set(key, s);
    return s;
  };
}

function ndcgAt10(score: ScoreFn): number {
  const byNeed = new Map<string, Array<{ c: string; g: number }>>();
  for (const j of judgments) {
    const l = byNeed.get(j.needId) ?? [];
    l.push({ c: j.companyId, g: j.grade });
    byNeed.set(j.needId, l);
  }
  let sum = 0;
  let count = 0;
  const dcg = (gs: number[]) => gs.slice(0, 10).reduce((acc, g, i) => acc + (2 ** g - 1) / Math.log2(i + 2), 0);
  for (const [needId, l] of byNeed) {
    const ranked = l
      .map((x) => ({ ...x, s: score(needId, x.c) }))
      .sort((a, b) => b.s - a.s || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
    const ideal = dcg(l.map((x) => x.g).sort((a, b) => b - a));
    if (ideal <= 0) continue;
    sum += dcg(ranked.map((x) => x.g)) / ideal;
    count++;
  }
  return sum / count;
}

function pairwiseLoss(score: ScoreFn): { macro: number; micro: number } {
  const byCompany = new Map<string, Array<{ n: string; g: number }>>();
  for (const j of judgments) {
    const l = byCompany.get(j.companyId) ?? [];
    l.push({ n: j.needId, g: j.grade });
    byCompany.set(j.companyId, l);
  }
  let macro = 0;
  let companiesCounted = 0;
  let costAll = 0;
  let gapAll = 0;
  for (const [companyId, l] of byCompany) {
    let cost = 0;
    let gaps = 0;
    for (let i = 0; i < l.length; i++) {
      for (let k = i + 1; k < l.length; k++) {
        const a = l[i]!;
        const b = l[k]!;
        if (a.g === b.g) continue;
        const [hi, lo] = a.g > b.g ? [a, b] : [b, a];
        const gap = hi.g - lo.g;
        const sh = score(hi.n, companyId);
        const sl = score(lo.n, companyId);
        gaps += gap;
        if (sh < sl) cost += gap;
        else if (sh === sl) cost += gap / 2;
      }
    }
    if (gaps > 0) {
      macro += cost / gaps;
      companiesCounted++;
      costAll += cost;
      gapAll += gaps;
    }
  }
  return { macro: macro / companiesCounted, micro: costAll / gapAll };
}

// The shipped pipeline (the index behind the CLI) must agree with the generic path for the chosen method.
const chosen = METHODS[METHODS.length - 1]!;
{
  const idx = new NeedCompanyIndex({ includeConfidential: true });
  for (const c of companies) idx.upsertCompany(c);
  for (const n of needs) idx.upsertNeed(n);
  const generic = scorer(chosen, needs, companies);
  let mismatches = 0;
  for (const j of judgments) if (idx.score10(j.needId, j.companyId) !== generic(j.needId, j.companyId)) mismatches++;
  if (mismatches) {
    process.stderr.write(`eval-match: the index disagrees with the evaluated method on ${mismatches} pairs\n`);
    process.exit(1);
  }
  // The indexed top 10 (what the app shows) is the top 10 of scoring every company.
  const same = (a: { id: string; score10: number }[], b: { id: string; score10: number }[]) =>
    a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.score10 === b[i]!.score10);
  const differ = needs.filter((n) => !same(idx.topCompaniesForNeed(n.id, 10), idx.topCompaniesForNeedBruteForce(n.id, 10)));
  if (differ.length) {
    process.stderr.write(`eval-match: indexed top 10 differs from scoring every company for ${differ.map((n) => n.id).join(", ")}\n`);
    process.exit(1);
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const f3 = (x: number) => x.toFixed(3);
console.log(`Labelled set: ${needs.length} needs, ${companies.length} companies, ${judgments.length} judged pairs.`);
console.log("nDCG@10: mean over needs, ranking only each need's judged companies (gain 2^g−1). Higher is better.");
console.log("Pairwise loss: per company, mean over companies (micro = pooled). 0 is perfect, 0.5 a constant scorer.");
console.log("Needs' confidential details are included (as in the CLI, where the file is the reader's).\n");
const header = `${pad("text method", 52)} | ${pad("full: nDCG@10", 13)} | ${pad("loss (micro)", 14)} | ${pad("text only: nDCG@10", 18)} | loss (micro)`;
console.log(header);
console.log("-".repeat(header.length));
for (const m of METHODS) {
  const full = scorer(m, needs, companies);
  const txt = scorer(m, needs.map(textOnlyNeed), companies.map(textOnlyCompany));
  const lf = pairwiseLoss(full);
  const lt = pairwiseLoss(txt);
  const mark = m === chosen ? " *" : "";
  console.log(
    `${pad(m.name + mark, 52)} | ${pad(f3(ndcgAt10(full)), 13)} | ${pad(`${f3(lf.macro)} (${f3(lf.micro)})`, 14)} | ${pad(f3(ndcgAt10(txt)), 18)} | ${f3(lt.macro)} (${f3(lt.micro)})`,
  );
}
console.log("\n* = the method the module ships (DEFAULT_ANALYZER, BM25, text gain " + TEXT_GAIN + ").");
