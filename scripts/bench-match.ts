/**
 * npm run bench:match — speed of exact top-20 ranking, indexed vs scoring every pair.
 *
 * Generates (seeded, deterministic) 20,000 companies and 5,000 needs with Korean
 * and English text drawn from the controlled vocabulary plus common words, then
 * prints: index build time; top-20 latency per need via the index over all 5,000
 * needs (median, p95); the same ranking by scoring every pair (the same exact scorer for
 * every company) on a sample of needs, 1 in 10 by default (median, p95); the ratio of
 * medians, in wall-clock and in CPU time; and whether both give identical top-20 lists
 * (ids, scores and order, ties by id) for every sampled need. Finally it applies
 * incremental edits (update/remove/add companies) and re-checks.
 *
 * Options (environment): BENCH_COMPANIES, BENCH_NEEDS, BENCH_SAMPLE (needs ranked by scoring
 * every pair; BENCH_SAMPLE=5000 checks all), BENCH_SEED. Exits 1 if any list differs.
 */
import { cpus, loadavg } from "node:os";
import { NeedCompanyIndex } from "../app/modules/matching";
import type { CompanyInput, NeedInput, Ranked } from "../app/modules/matching";
import { clinicalAreas, collaborationTypes, certifications, techFields, type Term } from "../app/modules/taxonomy/vocabulary";

const N_COMPANIES = Number(process.env.BENCH_COMPANIES ?? 20000);
const N_NEEDS = Number(process.env.BENCH_NEEDS ?? 5000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 500);
const loadAtStart = loadavg()[0]!;
const SEED = Number(process.env.BENCH_SEED ?? 20261125);
const K = 20;

// mulberry32: small, fast, deterministic
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const pickN = <T>(a: readonly T[], n: number): T[] => {
  const c = a.slice();
  const out: T[] = [];
  while (out.length < n && c.length) out.push(c.splice(Math.floor(rnd() * c.length), 1)[0]!);
  return out;
};

const KO_WORDS = (
  "환자 병원 임상 데이터 개발 검증 플랫폼 서비스 자동 분석 예측 진단 치료 모니터링 시스템 소프트웨어 알고리즘 정확도 효율 의료진 업무 " +
  "시간 비용 안전 관리 측정 신호 영상 판독 보고서 연구 실증 도입 결과 성능 품질 기록 연동 클라우드 모바일 앱 센서 기기 인공지능 " +
  "딥러닝 학습 모델 조기 위험 경보 재활 수술 로봇 유전체 세포 항체 키트 혈액 검사 응급 중환자 외래 입원 퇴원 가정 원격 교육 훈련"
).split(" ");
const EN_WORDS = (
  "patient hospital clinical data development validation platform service automated analysis prediction diagnosis treatment monitoring " +
  "system software algorithm accuracy efficiency clinicians workflow time cost safety management measurement signal image reading report " +
  "research study deployment outcome performance quality record integration cloud mobile app sensor device artificial intelligence deep " +
  "learning model early risk alert rehabilitation surgery robot genome cell antibody kit blood test emergency intensive outpatient inpatient " +
  "discharge home remote education training"
).split(" ");
// A Zipf-distributed long tail, as in real text: compounds of common words and
// pseudo-words (product names, specific terms) built from syllables.
const KO_SYLLABLES = "가나다라마바사아자차카타파하경고관구기난단도동라레로리마명무미민바보부비상서선성소수시신아안연영오우유의이인장전정제조주지진차천치태통포한해혜화".split("");
const EN_SYLLABLES = "ba be bi bo cal cor da de di do fa fe fi gen gra ka ke ki lo lu ma me mi mo na ne ni no ora pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo xa zen".split(" ");
function tail(ko: boolean, size: number): string[] {
  const out = new Set<string>();
  const base = ko ? KO_WORDS : EN_WORDS;
  while (out.size < size) {
    const r = rnd();
    if (r < 0.4) out.add(ko ? pick(base) + pick(base) : `${pick(base)}-${pick(base)}`);
    else {
      const syl = ko ? KO_SYLLABLES : EN_SYLLABLES;
      const len = int(2, 3);
      out.add(Array.from({ length: len }, () => pick(syl)).join(""));
    }
  }
  return [...out];
}
const KO_POOL = [...KO_WORDS, ...tail(true, 6000)];
const EN_POOL = [...EN_WORDS, ...tail(false, 6000)];
// Zipf(s = 1.05) over the pool: a few very common words, a long tail.
function zipfSampler(n: number): () => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cdf[i] = acc += 1 / (i + 1) ** 1.05;
  return () => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const koZipf = zipfSampler(KO_POOL.length);
const enZipf = zipfSampler(EN_POOL.length);
const word = (ko: boolean) => (ko ? KO_POOL[koZipf()]! : EN_POOL[enZipf()]!);
// Each vocabulary topic has its own words (a slice of the tail), as real fields do.
const topicWordCache = new Map<string, { ko: string[]; en: string[] }>();
function topicWords(t: Term): { ko: string[]; en: string[] } {
  let w = topicWordCache.get(t.code);
  if (!w) {
    w = { ko: Array.from({ length: 150 }, () => KO_POOL[200 + int(0, KO_POOL.length - 201)]!), en: Array.from({ length: 150 }, () => EN_POOL[200 + int(0, EN_POOL.length - 201)]!) };
    topicWordCache.set(t.code, w);
  }
  return w;
}

const PARTICLES = ["", "", "", "을", "를", "의", "은", "는", "이", "가", "에서", "으로", "과", "와"];
const KO_VERBS = ["개발합니다", "제공합니다", "검증했습니다", "운영합니다", "도입하려 합니다", "찾고 있습니다", "구축합니다"];
const EN_VERBS = ["we develop", "we provide", "validated in", "deployed at", "we are looking for", "integrates with", "supports"];

function termWords(t: Term, ko: boolean): string[] {
  const syn = (t.synonyms ?? []).filter((s) => /[\uac00-\ud7a3]/.test(s) === ko);
  return [ko ? t.label.ko : t.label.en, ...syn];
}

interface Topic {
  labels: string[];
  words: string[];
}
function topicOf(terms: Term[], ko: boolean): Topic {
  return { labels: terms.flatMap((t) => termWords(t, ko)), words: terms.flatMap((t) => topicWords(t)[ko ? "ko" : "en"]) };
}
function sentence(topic: Topic, ko: boolean): string {
  const n = int(6, 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const w = r < 0.1 ? pick(topic.labels) : r < 0.4 ? pick(topic.words) : word(ko);
    words.push(ko ? w + pick(PARTICLES) : w);
  }
  return ko ? `${words.join(" ")} ${pick(KO_VERBS)}.` : `${pick(EN_VERBS)} ${words.join(" ")}.`;
}

function text(topic: Topic, ko: boolean, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(topic, ko)).join(" ");
}

const collabCodes = collaborationTypes.map((t) => t.code);
const certCodes = certifications.map((t) => t.code);

function company(i: number): CompanyInput {
  const ko = rnd() < 0.6;
  const tf = pickN(techFields, int(1, 3));
  const ca = pickN(clinicalAreas, int(1, 2));
  const topic = topicOf([...tf, ...ca], ko);
  const c: CompanyInput = {
    id: `c${String(i).padStart(6, "0")}`,
    name: ko ? `메디${i}` : `Medi${i}`,
    description: text(topic, ko, int(3, 6)),
    products: text(topic, ko, 1),
  };
  if (rnd() < 0.9) c.techFields = tf.map((t) => t.code);
  if (rnd() < 0.85) c.clinicalAreas = ca.map((t) => t.code);
  if (rnd() < 0.8) c.collaborationTypes = pickN(collabCodes, int(1, 3));
  if (rnd() < 0.9) c.trl = int(2, 9);
  if (rnd() < 0.6) c.certifications = pickN(certCodes, int(0, 3));
  if (rnd() < 0.5) {
    const lo = int(1, 50) * 1e7;
    c.budgetMinKrw = lo;
    c.budgetMaxKrw = lo * int(2, 10);
  }
  if (rnd() < 0.5) {
    c.verifiedTestbeds = int(0, 3);
    c.acceptedCollaborations = int(0, 3);
  }
  if (rnd() < 0.5) c.responseRate = Math.round(rnd() * 100) / 100;
  if (rnd() < 0.3) c.trackRecord = text(topic, ko, 1);
  return c;
}

function need(i: number): NeedInput {
  const ko = rnd() < 0.7;
  const tf = pickN(techFields, int(1, 2));
  const ca = pickN(clinicalAreas, 1);
  const topic = topicOf([...tf, ...ca], ko);
  const n: NeedInput = {
    id: `n${String(i).padStart(5, "0")}`,
    title: sentence(topic, ko).slice(0, 60),
    summary: text(topic, ko, int(2, 4)),
    details: text(topic, ko, 1),
  };
  if (rnd() < 0.75) n.techFields = tf.map((t) => t.code);
  if (rnd() < 0.7) n.clinicalAreas = ca.map((t) => t.code);
  if (rnd() < 0.6) n.collaborationTypes = pickN(collabCodes, int(1, 2));
  if (rnd() < 0.7) {
    const lo = int(3, 7);
    n.trlMin = lo;
    n.trlMax = Math.min(9, lo + int(0, 3));
  }
  if (rnd() < 0.5) {
    const lo = int(1, 30) * 1e7;
    n.budgetMinKrw = lo;
    n.budgetMaxKrw = lo * int(2, 5);
  }
  if (rnd() < 0.15) n.requiredCertifications = pickN(certCodes.slice(0, 4), 1);
  return n;
}

const ms = (ns: bigint) => Number(ns) / 1e6;
const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};
const same = (a: Ranked[], b: Ranked[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.score10 === b[i]!.score10);

const t0 = process.hrtime.bigint();
const companies = Array.from({ length: N_COMPANIES }, (_, i) => company(i));
const needs = Array.from({ length: N_NEEDS }, (_, i) => need(i));
const tGen = process.hrtime.bigint();
console.log(`Generated ${N_COMPANIES} companies and ${N_NEEDS} needs (seed ${SEED}) in ${(ms(tGen - t0) / 1000).toFixed(1)} s.`);

const idx = new NeedCompanyIndex();
const cb0 = process.cpuUsage();
const tb0 = process.hrtime.bigint();
for (const c of companies) idx.upsertCompany(c);
for (const n of needs) idx.upsertNeed(n);
const tb1 = process.hrtime.bigint();
const cb1 = process.cpuUsage(cb0);
console.log(`Index build (analyse + index ${N_COMPANIES} companies, ${N_NEEDS} needs): ${(ms(tb1 - tb0) / 1000).toFixed(2)} s (CPU time ${((cb1.user + cb1.system) / 1e6).toFixed(2)} s)`);

// Warm-up (JIT, per-term caches of the index) on 100 needs, not measured; they are measured below with the rest.
for (let i = 0; i < 100; i++) {
  idx.topCompaniesForNeed(needs[i]!.id, K);
  idx.topCompaniesForNeedBruteForce(needs[i]!.id, K);
}

/** Wall-clock and CPU time (user + system) of one call, in ms. */
function timed<T>(f: () => T): { r: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = f();
  const wall = ms(process.hrtime.bigint() - t0);
  const c = process.cpuUsage(c0);
  return { r, wall, cpu: (c.user + c.system) / 1000 };
}
const indexed: number[] = [];
const indexedCpu: number[] = [];
const indexedLists = new Map<string, Ranked[]>();
let scoredTotal = 0;
let unrelated = 0;
let candidatesTotal = 0;
let postingsTotal = 0;
let refinedTotal = 0;
for (const n of needs) {
  const { r, wall, cpu } = timed(() => idx.topCompaniesForNeed(n.id, K));
  indexed.push(wall);
  indexedCpu.push(cpu);
  indexedLists.set(n.id, r);
  scoredTotal += idx.lastQuery.exactScored;
  unrelated += idx.lastQuery.unrelatedScored > 0 ? 1 : 0;
  candidatesTotal += idx.lastQuery.candidates;
  postingsTotal += idx.lastQuery.postingsVisited;
  refinedTotal += idx.lastQuery.refined;
}

const step = Math.max(1, Math.floor(N_NEEDS / SAMPLE));
const sample = needs.filter((_, i) => i % step === 0).slice(0, SAMPLE);
// Every-pair ranking on the sample, interleaved with the indexed ranking of the same
// need so that machine load affects both alike (this machine is shared).
const brute: number[] = [];
const bruteCpu: number[] = [];
const pairedIndexed: number[] = [];
const pairedIndexedCpu: number[] = [];
let identical = 0;
const diffs: string[] = [];
for (const n of sample) {
  const b = timed(() => idx.topCompaniesForNeedBruteForce(n.id, K));
  brute.push(b.wall);
  bruteCpu.push(b.cpu);
  const r = b.r;
  const i2 = timed(() => idx.topCompaniesForNeed(n.id, K));
  pairedIndexed.push(i2.wall);
  pairedIndexedCpu.push(i2.cpu);
  const r2 = i2.r;
  if (same(r, indexedLists.get(n.id)!) && same(r, r2)) identical++;
  else if (diffs.length < 3) diffs.push(n.id);
}

const f = (x: number) => x.toFixed(3);
const medI = quantile(indexed, 0.5);
const medB = quantile(brute, 0.5);
const medP = quantile(pairedIndexed, 0.5);
console.log(`\nTop-${K} per need via the index, all ${needs.length} needs: median ${f(medI)} ms, p95 ${f(quantile(indexed, 0.95))} ms`);
console.log(
  `  (per need, mean: ${(candidatesTotal / needs.length).toFixed(0)} companies reached through the index (${(postingsTotal / needs.length).toFixed(0)} postings read), ${(refinedTotal / needs.length).toFixed(0)} with common terms resolved, ${(scoredTotal / needs.length).toFixed(0)} scored exactly, of ${N_COMPANIES}; needs where companies sharing nothing with them were scored: ${unrelated})`,
);
console.log(`Top-${K} per need scoring every pair, ${sample.length} sampled needs: median ${f(medB)} ms, p95 ${f(quantile(brute, 0.95))} ms`);
console.log(`  (the index on the same sampled needs, interleaved: median ${f(medP)} ms, p95 ${f(quantile(pairedIndexed, 0.95))} ms)`);
console.log(`Ratio of medians (every pair / indexed, all needs): ${(medB / medI).toFixed(1)}×; on the same sampled needs: ${(medB / medP).toFixed(1)}×`);
const medIc = quantile(indexedCpu, 0.5);
const medBc = quantile(bruteCpu, 0.5);
const medPc = quantile(pairedIndexedCpu, 0.5);
console.log(
  `CPU time (user+system; not counting time spent waiting for a core on a shared machine): indexed median ${f(medIc)} ms (interleaved ${f(medPc)} ms), every pair median ${f(medBc)} ms; ratio ${(medBc / medIc).toFixed(1)}× (interleaved ${(medBc / medPc).toFixed(1)}×)`,
);
console.log(`Identical top-${K} lists (ids, scores, order): ${identical} of ${sample.length} sampled needs${diffs.length ? ` — DIFFER: ${diffs.join(", ")}` : ""}`);
console.log(`Load average (1 min) at start ${loadAtStart.toFixed(2)}, now ${loadavg()[0]!.toFixed(2)}, on ${cpus().length} cores.`);

// Incremental edits: update 200, remove 100, add 100 companies; re-check 50 needs.
const te0 = process.hrtime.bigint();
for (let i = 0; i < 200; i++) {
  const c = companies[int(0, N_COMPANIES - 1)]!;
  idx.upsertCompany({ ...c, description: `${c.description} ${text(topicOf([pick(techFields)], true), true, 1)}`, trl: int(2, 9) });
}
for (let i = 0; i < 100; i++) idx.removeCompany(companies[int(0, N_COMPANIES - 1)]!.id);
for (let i = 0; i < 100; i++) idx.upsertCompany(company(N_COMPANIES + i));
const te1 = process.hrtime.bigint();
let identicalAfter = 0;
const recheck = sample.slice(0, 50);
for (const n of recheck) if (same(idx.topCompaniesForNeed(n.id, K), idx.topCompaniesForNeedBruteForce(n.id, K))) identicalAfter++;
console.log(
  `\nIncremental edits (200 updates, 100 removals, 100 additions): ${f(ms(te1 - te0) / 400)} ms per edit; identical lists afterwards: ${identicalAfter} of ${recheck.length}`,
);
console.log(`Total bench time: ${(ms(process.hrtime.bigint() - t0) / 1000).toFixed(1)} s`);
if (identical !== sample.length || identicalAfter !== recheck.length) process.exit(1);
