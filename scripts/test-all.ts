/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find:
 * typecheck → lint → unit/integration (vitest) → build → browser (Playwright).
 * Stops at the first failing stage. Each stage streams its own output; at the
 * end a table shows every stage's time and counts, then one line
 * `N passed, N failed` with the test totals of vitest and Playwright.
 *
 * `npm test -- --skip typecheck,lint` or `--only vitest,playwright` narrow the
 * run (for local iteration; CI runs everything).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type Counts = { passed: number; failed: number; skipped: number };
type Stage = {
  name: string;
  bin: string;
  args: string[];
  env?: Record<string, string | undefined>;
  /** Reads the stage's JSON report, when it writes one. */
  counts?: () => Counts | null;
};
type Result = { name: string; status: "passed" | "failed" | "skipped"; ms: number; counts: Counts | null; exit?: string };

const reports = mkdtempSync(path.join(os.tmpdir(), "medibridge-test-"));
const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");

function readJson(file: string): unknown {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
}

const stages: Stage[] = [
  { name: "typecheck", bin: "tsc", args: ["--noEmit"] },
  { name: "lint", bin: "eslint", args: ["--max-warnings", "0", "."] },
  {
    name: "vitest",
    bin: "vitest",
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    counts: () => {
      const r = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
      if (!r || typeof r.numPassedTests !== "number") return null;
      return { passed: r.numPassedTests, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
    },
  },
  // The server runs React's production build: build with NODE_ENV=production
  // whatever the caller's shell says.
  { name: "build", bin: "remix", args: ["build"], env: { NODE_ENV: "production" } },
  {
    name: "playwright",
    bin: "playwright",
    args: ["test"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    counts: () => {
      const r = readJson(playwrightJson) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }; errors?: unknown[] } | null;
      if (!r?.stats) return null;
      const s = r.stats;
      return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
    },
  },
];

function listArg(flag: string): string[] | null {
  const i = process.argv.indexOf(flag);
  if (i === -1) return null;
  const names = (process.argv[i + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !stages.some((s) => s.name === n));
  if (unknown.length || !names.length) {
    console.error(`${flag} takes stage names: ${stages.map((s) => s.name).join(",")}`);
    process.exit(2);
  }
  return names;
}
const only = listArg("--only");
const skip = listArg("--skip") ?? [];
const selected = (name: string) => (only ? only.includes(name) : true) && !skip.includes(name);

let current: ReturnType<typeof spawn> | null = null;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    // Let the running stage (and Playwright's web server) shut down first.
    if (current && current.exitCode === null) current.kill(sig);
    else process.exit(130);
  });
}

function run(stage: Stage): Promise<{ ok: boolean; exit: string }> {
  const bin = path.resolve("node_modules/.bin", stage.bin);
  return new Promise((resolve) => {
    const child = spawn(bin, stage.args, { stdio: "inherit", env: { ...process.env, ...stage.env } });
    current = child;
    child.on("error", (err) => resolve({ ok: false, exit: err.message }));
    child.on("exit", (code, signal) => {
      current = null;
      resolve({ ok: code === 0, exit: signal ? `signal ${signal}` : `exit ${code}` });
    });
  });
}

const fmtMs = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m ${((ms % 60_000) / 1000).toFixed(1)}s` : `${(ms / 1000).toFixed(1)}s`);
const bar = (title: string) => console.log(`\n\x1b[1m━━ ${title} ${"━".repeat(Math.max(0, 60 - title.length))}\x1b[0m`);

async function main() {
  const started = performance.now();
  const results: Result[] = [];
  let failed = false;
  for (const stage of stages) {
    if (failed || !selected(stage.name)) {
      results.push({ name: stage.name, status: "skipped", ms: 0, counts: null });
      continue;
    }
    bar(`${stage.name}: ${stage.bin} ${stage.args.filter((a) => !a.startsWith("--outputFile")).join(" ")}`);
    const t0 = performance.now();
    const { ok, exit } = await run(stage);
    const counts = stage.counts?.() ?? null;
    // A test stage that reports failures must fail even if the runner exited 0, and vice versa.
    const stageOk = ok && !(counts && counts.failed > 0);
    results.push({ name: stage.name, status: stageOk ? "passed" : "failed", ms: performance.now() - t0, counts, exit: stageOk ? undefined : exit });
    if (!stageOk) failed = true;
  }
  const wall = performance.now() - started;
  rmSync(reports, { recursive: true, force: true });

  bar("summary");
  const rows = [
    ["stage", "result", "time", "passed", "failed", "skipped"],
    ...results.map((r) => [
      r.name,
      r.status === "failed" && r.exit ? `FAILED (${r.exit})` : r.status === "failed" ? "FAILED" : r.status,
      r.status === "skipped" ? "-" : fmtMs(r.ms),
      r.counts ? String(r.counts.passed) : "-",
      r.counts ? String(r.counts.failed) : "-",
      r.counts ? String(r.counts.skipped) : "-",
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, j) => (j >= 3 ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log(`total wall time: ${fmtMs(wall)}`);

  let passed = 0;
  let failedTests = 0;
  for (const r of results) {
    if (r.counts) {
      passed += r.counts.passed;
      failedTests += r.counts.failed;
    } else if (r.status === "failed" && (r.name === "vitest" || r.name === "playwright")) {
      // The runner died before it could count (crash, config error): count it
      // as one failure so the summary line never reads as a clean run.
      failedTests += 1;
    }
  }
  const failedStage = results.find((r) => r.status === "failed");
  if (failedStage) {
    const later = results.slice(results.indexOf(failedStage) + 1).filter((r) => r.status === "skipped").map((r) => r.name);
    console.log(`failed at stage "${failedStage.name}"${later.length ? `; not run: ${later.join(", ")}` : ""}.`);
  }
  console.log(`${passed} passed, ${failedTests} failed`);
  process.exit(failedStage ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
