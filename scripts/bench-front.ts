/**
 * `npm run bench:front`: what the browser gets for the main pages of a
 * production build.
 *
 * 1. JavaScript per page: the entry, the root and the page's route modules and
 *    every chunk they import, from the Remix manifest (what <Scripts/> loads),
 *    summed raw and gzipped (as the server sends them); CSS alongside.
 * 2. Lighthouse (performance, accessibility, best practices), median of 3 runs
 *    per page, Debian's Chromium headless. Default: Lighthouse's own default
 *    (mobile emulation, simulated slow 4G); `--desktop` for the desktop preset.
 *
 *   npm run bench:front [-- --runs 3 --desktop --pglite --no-build --no-lighthouse --reports DIR]
 *
 * Each run's line says how much High-priority JavaScript had finished loading
 * before Chromium's first paint on this machine: Lighthouse's simulated FCP/LCP
 * count such scripts as render-blocking (it cannot tell that module scripts are
 * not), so a run where the bundles beat the paint scores ~2.4 s instead of ~1.2 s.
 * `--reports DIR` keeps every run's Lighthouse JSON report.
 *
 * The server is the production build on the bench database (as bench:web:
 * BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/mb_bench seeded at
 * scale; --pglite for data/bench-pglite). Port 3108 (--port).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { DbConfig } from "../db/client";
import { DEMO_NEED_IDS } from "../db/seed/demo-need-ids";
import { fmt, median, table } from "./lib/bench-stats";
import { ROOT, ensurePgDatabase, prepareDatabase, readManifest, snapshotBuild, startServer, type Manifest } from "./lib/bench-setup";

function opt(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const RUNS = Number(opt("runs", "3"));
const PORT = Number(opt("port", "3108"));
const PGLITE = flag("pglite");
const REPORTS = opt("reports", "");
const CHROME = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const log = (s: string) => console.log(`[bench:front] ${s}`);

const appDir = snapshotBuild(path.join(ROOT, "data/bench/front-app"), { build: !flag("no-build"), log });
const manifest = readManifest(appDir);

const PAGES: { label: string; path: string; route: string }[] = [
  { label: "/", path: "/", route: "routes/_index" },
  { label: "/needs", path: "/needs", route: "routes/needs._index" },
  { label: "/needs/:id", path: `/needs/${DEMO_NEED_IDS.hanbitLungCt}`, route: "routes/needs.$id._index" },
  { label: "/pitches", path: "/pitches", route: "routes/pitches._index" },
  { label: "/dashboard", path: "/dashboard", route: "routes/dashboard" },
];

// ---- 1. JavaScript per page ----
function chain(m: Manifest, id: string): string[] {
  const out: string[] = [];
  for (let r = m.routes[id]; r; r = r.parentId ? m.routes[r.parentId] : (undefined as never)) out.unshift(r.id);
  return out;
}
const sizeCache = new Map<string, { raw: number; gz: number }>();
function size(url: string) {
  let s = sizeCache.get(url);
  if (!s) {
    const buf = readFileSync(path.join(appDir, "public", url));
    s = { raw: buf.length, gz: gzipSync(buf).length };
    sizeCache.set(url, s);
  }
  return s;
}
const cssFiles = (() => {
  // The stylesheet(s) root links (hashed under /build/_assets).
  const index = readFileSync(path.join(appDir, "build/index.js"), "utf8");
  return [...new Set([...index.matchAll(/"\/build\/_assets\/[^"]+\.css"/g)].map((m) => m[0].slice(1, -1)))];
})();
const jsRows: string[][] = [["page", "scripts", "JS KB", "JS KB gzip", "CSS KB gzip", "goal ≤ 150 KB gz"]];
for (const p of PAGES) {
  if (!manifest.routes[p.route]) continue;
  const urls = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of chain(manifest, p.route)) {
    const r = manifest.routes[id];
    urls.add(r.module);
    for (const i of r.imports ?? []) urls.add(i);
  }
  const js = [...urls].map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  const css = cssFiles.map(size).reduce((a, b) => a + b.gz, 0);
  jsRows.push([p.label, String(urls.size), fmt(js.raw / 1024), fmt(js.gz / 1024), fmt(css / 1024), js.gz <= 150 * 1024 ? "met" : "MISSED"]);
}
console.log("\nJavaScript per page (production build, from the Remix manifest)\n");
console.log(table(jsRows));

// ---- 2. Lighthouse ----
if (!flag("no-lighthouse")) {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mb_bench";
  const pgliteDir = path.join(ROOT, "data/bench-pglite");
  const config: DbConfig = PGLITE ? { kind: "pglite", dataDir: pgliteDir } : { kind: "postgres", url: pgUrl };
  if (!PGLITE) await ensurePgDatabase(pgUrl, false);
  await prepareDatabase(config, Number(opt("factor", "1")), log);
  const app = await startServer("app", PORT, appDir, PGLITE ? { DATABASE_URL: "", PGLITE_DIR: pgliteDir } : { DATABASE_URL: pgUrl });
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const lhPages = PAGES.slice(0, 3);
  const scores = new Map<string, { perf: number[]; a11y: number[]; bp: number[]; fcp: number[]; lcp: number[]; tbt: number[]; cls: number[] }>();
  if (REPORTS) mkdirSync(REPORTS, { recursive: true });
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const p of lhPages) {
        log(`lighthouse ${p.label} (run ${run + 1}/${RUNS})`);
        const result = await lighthouse(
          `http://127.0.0.1:${PORT}${p.path}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"] },
          flag("desktop") ? { extends: "lighthouse:default", settings: { formFactor: "desktop", screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } } : undefined,
        );
        if (!result) throw new Error("lighthouse returned nothing");
        if (result.lhr.runtimeError) {
          // A failed run (e.g. NO_NAVSTART) scores 0: left out of the medians, not counted as a result.
          log(`  ${p.label}: Lighthouse error ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message} (run left out)`);
          continue;
        }
        const c = result.lhr.categories;
        const a = result.lhr.audits;
        if (REPORTS) writeFileSync(path.join(REPORTS, `${p.label.replace(/[^a-z]+/g, "_").replace(/^_|_$/g, "") || "home"}-run${run + 1}.json`), result.report as string);
        const s = scores.get(p.label) ?? { perf: [], a11y: [], bp: [], fcp: [], lcp: [], tbt: [], cls: [] };
        s.perf.push(100 * (c.performance?.score ?? 0));
        s.a11y.push(100 * (c.accessibility?.score ?? 0));
        s.bp.push(100 * (c["best-practices"]?.score ?? 0));
        s.fcp.push(a["first-contentful-paint"]?.numericValue ?? Number.NaN);
        s.lcp.push(a["largest-contentful-paint"]?.numericValue ?? Number.NaN);
        s.tbt.push(a["total-blocking-time"]?.numericValue ?? Number.NaN);
        s.cls.push(a["cumulative-layout-shift"]?.numericValue ?? Number.NaN);
        scores.set(p.label, s);
        {
          // What decides the simulated FCP here: High-priority scripts done before the observed paint.
          const observedFcp = (a.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)?.items?.[0]?.observedFirstContentfulPaint ?? Number.NaN;
          const requests = ((a["network-requests"]?.details as { items?: { resourceType?: string; priority?: string; networkEndTime?: number; transferSize?: number }[] } | undefined)?.items ?? []).filter((r) => r.resourceType === "Script" && r.priority === "High");
          const early = requests.filter((r) => (r.networkEndTime ?? Infinity) <= observedFcp);
          const kb = early.reduce((t, r) => t + (r.transferSize ?? 0), 0) / 1024;
          log(`  ${p.label}: performance ${fmt(100 * (c.performance?.score ?? 0), 0)}, FCP ${fmt(s.fcp.at(-1)!, 0)} ms simulated; ${early.length}/${requests.length} High-priority scripts (${fmt(kb, 0)} KB) loaded before the observed first paint (${fmt(observedFcp, 0)} ms)`);
        }
        if (run === 0) {
          const failed = Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary").map((x) => x.id);
          if (failed.length) log(`  ${p.label}: failing audits: ${failed.join(", ")}`);
        }
      }
    }
  } finally {
    await chrome.kill();
    await app.stop();
  }
  const rows = [["page", "performance", "runs", "accessibility", "best practices", "FCP ms", "LCP ms", "TBT ms", "CLS"]];
  for (const [label, s] of scores) {
    rows.push([label, fmt(median(s.perf), 0), s.perf.map((x) => fmt(x, 0)).join(" "), fmt(median(s.a11y), 0), fmt(median(s.bp), 0), fmt(median(s.fcp), 0), fmt(median(s.lcp), 0), fmt(median(s.tbt), 0), fmt(median(s.cls), 3)]);
  }
  console.log(`\nLighthouse ${flag("desktop") ? "desktop preset" : "default (mobile, simulated slow 4G)"}, median of ${RUNS}, ${CHROME} headless; goals: performance ≥ 95, accessibility 100\n`);
  console.log(table(rows));
}
