/**
 * `npm run bench:web`: the main pages of a production build on PostgreSQL
 * seeded at scale, side by side with a raw node:http server returning the same
 * HTML bytes, in one run.
 *
 * For every page: autocannon at a fixed 50 req/s (paced: one request every
 * 20 ms; and, for comparison, autocannon's own overallRate, which sends each
 * second's requests in a burst) and at saturation, app and raw server alternated (the order flips every round) after a warm-up; p50/p95
 * latency, requests per second, server CPU time per request (the server
 * process's own process.cpuUsage(), asked over IPC) and the ratio of CPU per
 * request to the raw server. Figures are medians over the rounds.
 *
 *   npm run bench:web                                  # 5 rounds × 5 s per run
 *   npm run bench:web -- --rounds 1 --duration 2 --pages /,/needs   # a quick look
 *   npm run bench:web -- --pglite                      # the embedded default instead
 *   npm run bench:web -- --profile /needs              # + a CPU profile of that page, warm
 *   npm run bench:web -- --rounds 0 --pages /pitches --profile /pitches   # only the profile
 *
 * Options: --rounds N (5) --duration S (5) --rate R (50) --connections C (10)
 * --factor F (1, scale of the seed) --fresh (drop and re-seed the bench
 * database) --no-build (use the build as it is) --pages a,b (labels below)
 * --port P (3108; raw server on P+10). Database: BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/mb_bench), or data/bench-pglite with --pglite.
 */
import { rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type { DbConfig } from "../db/client";
import { DEMO_NEED_IDS } from "../db/seed/demo-need-ids";
import { fmt, median, percentile, table } from "./lib/bench-stats";
import { ROOT, demoSessions, ensurePgDatabase, prepareDatabase, readManifest, snapshotBuild, startServer, type ServerProc } from "./lib/bench-setup";

function opt(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const ROUNDS = Number(opt("rounds", "5"));
const DURATION = Number(opt("duration", "5"));
const RATE = Number(opt("rate", "50"));
const CONNECTIONS = Number(opt("connections", "10"));
const FACTOR = Number(opt("factor", "1"));
const PORT = Number(opt("port", "3108"));
const RAW_PORT = PORT + 10;
const PGLITE = flag("pglite");
const PROFILE = opt("profile", "");
const log = (s: string) => console.log(`[bench:web] ${s}`);

const workDir = path.join(ROOT, "data/bench");
mkdirSync(workDir, { recursive: true });

// ---- database ----
const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mb_bench";
const pgliteDir = path.join(ROOT, "data/bench-pglite");
const config: DbConfig = PGLITE ? { kind: "pglite", dataDir: pgliteDir } : { kind: "postgres", url: pgUrl };
// An empty value removes the variable for the server (PGlite: no DATABASE_URL at all).
const serverEnv: Record<string, string> = PGLITE ? { DATABASE_URL: "", PGLITE_DIR: pgliteDir } : { DATABASE_URL: pgUrl };
if (PGLITE && flag("fresh")) rmSync(pgliteDir, { recursive: true, force: true });
if (!PGLITE) await ensurePgDatabase(pgUrl, flag("fresh"));
const { seedSeconds } = await prepareDatabase(config, FACTOR, (s) => log(s));
if (seedSeconds !== null) log(`scale seed written in ${seedSeconds.toFixed(1)} s`);
const sessions = await demoSessions(config, {
  hospital: "hospital1@demo.medibridge.kr",
  company: "company1@demo.medibridge.kr",
  investor: "investor1@demo.medibridge.kr",
  operator: "operator@demo.medibridge.kr",
});

// ---- build snapshot ----
const appDir = snapshotBuild(path.join(workDir, "app"), { build: !flag("no-build"), log });
const manifest = readManifest(appDir);

type Page = { label: string; path: string; as: keyof typeof sessions | "visitor"; route: string; expect: RegExp };
const ALL: Page[] = [
  { label: "/", path: "/", as: "visitor", route: "routes/_index", expect: /<h1/ },
  { label: "/needs", path: "/needs", as: "visitor", route: "routes/needs._index", expect: /role="search"/ },
  { label: "/needs?q=폐암", path: `/needs?q=${encodeURIComponent("폐암")}`, as: "visitor", route: "routes/needs._index", expect: /폐암/ },
  { label: "/needs/:id", path: `/needs/${DEMO_NEED_IDS.hanbitLungCt}`, as: "visitor", route: "routes/needs.$id._index", expect: /폐결절/ },
  { label: "/pitches", path: "/pitches", as: "investor", route: "routes/pitches._index", expect: /<h1/ },
  { label: "/dashboard hospital", path: "/dashboard", as: "hospital", route: "routes/dashboard", expect: /<h1/ },
  { label: "/dashboard company", path: "/dashboard", as: "company", route: "routes/dashboard", expect: /<h1/ },
  { label: "/dashboard investor", path: "/dashboard", as: "investor", route: "routes/dashboard", expect: /<h1/ },
  { label: "/dashboard operator", path: "/dashboard", as: "operator", route: "routes/dashboard", expect: /<h1/ },
];
const wanted = opt("pages", "");
const pages = ALL.filter((p) => {
  if (wanted && !wanted.split(",").includes(p.label) && !wanted.split(",").includes(p.label.split(" ")[0])) return false;
  if (!manifest.routes[p.route]) {
    log(`skipping ${p.label}: route ${p.route} is not in this build`);
    return false;
  }
  return true;
});
const cookieName = "mb_session";
const headersOf = (p: Page): Record<string, string> => (p.as === "visitor" ? {} : { cookie: `${cookieName}=${sessions[p.as]}` });

// ---- servers ----
log(`starting the app (${PGLITE ? "PGlite" : "PostgreSQL"}) on ${PORT}…`);
const app: ServerProc = await startServer("app", PORT, appDir, serverEnv);
const bodies: Record<string, string> = {};
for (const [i, p] of pages.entries()) {
  const res = await fetch(`http://127.0.0.1:${PORT}${p.path}`, { headers: headersOf(p) });
  const html = await res.text();
  if (res.status !== 200 || !p.expect.test(html)) throw new Error(`${p.label} as ${p.as}: status ${res.status}, page not as expected`);
  bodies[`/p${i}`] = html;
}
// Validators: an anonymous page answered again unchanged is a 304; a signed-in one never is.
const validators: string[] = [];
for (const p of pages) {
  const first = await fetch(`http://127.0.0.1:${PORT}${p.path}`, { headers: headersOf(p) });
  await first.arrayBuffer();
  const etag = first.headers.get("etag");
  const again = await fetch(`http://127.0.0.1:${PORT}${p.path}`, { headers: { ...headersOf(p), ...(etag ? { "if-none-match": etag } : {}) } });
  await again.arrayBuffer();
  validators.push(`${p.label} (${p.as}): ${etag ? `ETag, revalidation → ${again.status}` : `no ETag (${first.headers.get("cache-control") ?? "no Cache-Control"})`}`);
}
const rawFile = path.join(workDir, "raw-pages.json");
writeFileSync(rawFile, JSON.stringify(bodies));
const raw = await startServer("raw", RAW_PORT, appDir, {}, { rawFile });

type Run = { p50: number; p95: number; rps: number; errors: number; requests: number; cpuPerReq: number };
/**
 * One load run. `rate` given: a fixed rate, paced (default) or autocannon's own
 * `overallRate` ("burst"). autocannon's rate is a per-second quota per
 * connection that each connection spends at once, and its connections start
 * together: with 10 connections at 50 req/s, each second's 50 requests arrive
 * in its first few hundred ms, 10 at a time. Paced: `rate` autocannon
 * instances of one connection at 1 req/s each, started 1000/rate ms apart, so
 * requests arrive evenly, one every 20 ms at 50 req/s. No rate: saturation.
 */
async function load(server: ServerProc, url: string, headers: Record<string, string>, seconds: number, rate?: number, burst = false): Promise<Run> {
  const samples: number[] = [];
  const before = await server.cpuMicros();
  const run = (opts: autocannon.Options, delayMs = 0) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      setTimeout(() => {
        const inst = autocannon(opts, (err, r) => (err ? reject(err) : resolve(r)));
        inst.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
      }, delayMs);
    });
  const results =
    rate && !burst
      ? await Promise.all(Array.from({ length: rate }, (_, i) => run({ url, headers, connections: 1, duration: seconds, overallRate: 1 }, (i * 1000) / rate)))
      : [await run({ url, headers, connections: CONNECTIONS, duration: seconds, ...(rate ? { overallRate: rate } : {}) })];
  const after = await server.cpuMicros();
  samples.sort((a, b) => a - b);
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    rps: requests / seconds,
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
    requests,
    cpuPerReq: requests ? (after - before) / 1000 / requests : Number.NaN,
  };
}

// ---- warm-up, then alternating rounds ----
log(`warm-up…`);
for (const [i, p] of pages.entries()) {
  await load(app, `http://127.0.0.1:${PORT}${p.path}`, headersOf(p), 2);
  await load(raw, `http://127.0.0.1:${RAW_PORT}/p${i}`, {}, 1);
}
type Series = { appRate: Run[]; appBurst: Run[]; rawRate: Run[]; appSat: Run[]; rawSat: Run[] };
const results = pages.map((): Series => ({ appRate: [], appBurst: [], rawRate: [], appSat: [], rawSat: [] }));
for (let round = 0; round < ROUNDS; round++) {
  log(`round ${round + 1}/${ROUNDS}`);
  for (const [i, p] of pages.entries()) {
    const appUrl = `http://127.0.0.1:${PORT}${p.path}`;
    const rawUrl = `http://127.0.0.1:${RAW_PORT}/p${i}`;
    const runApp = async () => {
      results[i].appRate.push(await load(app, appUrl, headersOf(p), DURATION, RATE));
      results[i].appBurst.push(await load(app, appUrl, headersOf(p), DURATION, RATE, true));
      results[i].appSat.push(await load(app, appUrl, headersOf(p), DURATION));
    };
    const runRaw = async () => {
      results[i].rawRate.push(await load(raw, rawUrl, {}, DURATION, RATE));
      results[i].rawSat.push(await load(raw, rawUrl, {}, DURATION));
    };
    if (round % 2 === 0) {
      await runApp();
      await runRaw();
    } else {
      await runRaw();
      await runApp();
    }
  }
}

// ---- report ----
const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
const rows: string[][] = [
  ["page", "as", "HTML KB", `p50 ms @${RATE}/s`, `p95 ms @${RATE}/s`, "errors", "raw p95", "p95 bursts", "req/s sat", "raw req/s", "p95 sat", "CPU ms/req", "raw µs/req", "CPU ratio", `ratio @${RATE}/s`],
];
const summary: { page: Page; p95: number; errors: number; ratio: number }[] = [];
for (const [i, p] of pages.entries()) {
  const s = results[i];
  const errors = [...s.appRate, ...s.appBurst, ...s.appSat].reduce((n, r) => n + r.errors, 0);
  const ratio = med(s.appSat, "cpuPerReq") / med(s.rawSat, "cpuPerReq");
  const ratioRate = med(s.appRate, "cpuPerReq") / med(s.rawRate, "cpuPerReq");
  summary.push({ page: p, p95: med(s.appRate, "p95"), errors, ratio });
  rows.push([
    p.label,
    p.as,
    fmt(Buffer.byteLength(bodies[`/p${i}`]) / 1024),
    fmt(med(s.appRate, "p50")),
    fmt(med(s.appRate, "p95")),
    String(errors),
    fmt(med(s.rawRate, "p95")),
    fmt(med(s.appBurst, "p95")),
    fmt(med(s.appSat, "rps"), 0),
    fmt(med(s.rawSat, "rps"), 0),
    fmt(med(s.appSat, "p95")),
    fmt(med(s.appSat, "cpuPerReq"), 2),
    fmt(med(s.rawSat, "cpuPerReq") * 1000, 0),
    `${fmt(ratio)}×`,
    `${fmt(ratioRate)}×`,
  ]);
}
console.log(
  `\nbench:web — ${PGLITE ? "PGlite (embedded)" : "PostgreSQL"}, production build, ${ROUNDS} round(s) × ${DURATION} s per run, medians. @${RATE}/s: paced, one request every ${fmt(1000 / RATE)} ms (${RATE} autocannon connections at 1 req/s, staggered). p95 bursts: autocannon's own overallRate ${RATE} over ${CONNECTIONS} connections (each second's requests sent at its start, ${CONNECTIONS} at a time). Saturation: ${CONNECTIONS} connections. CPU per request at saturation (ratio @${RATE}/s: same at the paced rate).\n`,
);
console.log(table(rows));
console.log(`\nHTTP validators:\n  ${validators.join("\n  ")}`);
const slow = summary.filter((s) => !(s.p95 <= 50) || s.errors > 0);
const needs = summary.find((s) => s.page.label === "/needs");
console.log(
  `\ngoal p95 ≤ 50 ms at ${RATE} req/s with 0 errors: ${slow.length ? `MISSED on ${slow.map((s) => s.page.label).join(", ")}` : "met on every page"}` +
    (needs ? `\ngoal /needs CPU per request ≤ 25× raw: ${needs.ratio <= 25 ? "met" : "MISSED"} (${fmt(needs.ratio)}×)` : ""),
);

// ---- optional CPU profile of one page ----
if (PROFILE) {
  const p = pages.find((x) => x.label === PROFILE);
  if (!p) throw new Error(`--profile: no page ${PROFILE}`);
  const profDir = path.join(workDir, "profiles");
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  // Profile the warm server (the match index and caches built), not its start-up.
  await load(app, `http://127.0.0.1:${PORT}${p.path}`, headersOf(p), 3);
  const file = path.join(profDir, `${p.as}-${p.path.replace(/[^a-z0-9]+/gi, "_")}.cpuprofile`);
  await app.profileStart();
  await load(app, `http://127.0.0.1:${PORT}${p.path}`, headersOf(p), DURATION * 2);
  await app.profileStop(file);
  await app.stop();
  printProfile(file);
} else {
  await app.stop();
}
await raw.stop();

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
function printProfile(file: string) {
  const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^file:\/\//, "").replace(ROOT, "").replace(/.*node_modules\//, "npm:");
    const key = `${f.functionName || "(anonymous)"} ${where}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const area = !f.url ? f.functionName.startsWith("(") ? f.functionName : "(native)" : where.startsWith("npm:") ? where.split("/").slice(0, where.startsWith("npm:@") ? 2 : 1).join("/") : where.startsWith("node:") ? "node core" : where.split("/").slice(0, 3).join("/");
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => [`${((100 * us) / total).toFixed(1)}%`, k]);
  console.log(`\nCPU profile of ${PROFILE} (${file}): self time by area\n`);
  console.log(table([["share", "area"], ...top(byArea, 15)]));
  console.log(`\nTop functions by self time\n`);
  console.log(table([["share", "function"], ...top(byFn, 25)]));
}
