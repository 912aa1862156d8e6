/**
 * `npm run test:security`: every security suite, then one table of figures
 * (SECURITY.md, "What is tested"):
 *   vitest (in-process, no server): fuzzed actions, double submits, sessions
 *   Playwright (E2E_PORT, default 3100): authorization matrix, canary crawl,
 *   CSRF / headers / SQL parameters / uploads, XSS + CSP crawl in Chromium.
 * The same files also run inside `npm test` (its vitest and Playwright stages);
 * this driver runs only them and collects their figures.
 * Exit code 1 when a suite fails or a figure misses its goal.
 * `--only vitest` or `--only playwright` runs one half.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const figuresDir = mkdtempSync(path.join(os.tmpdir(), "mb-security-"));
const vitestJson = path.join(figuresDir, "vitest-report.json");
const playwrightJson = path.join(figuresDir, "playwright-report.json");
const only = (() => {
  const i = process.argv.indexOf("--only");
  return i === -1 ? null : process.argv[i + 1];
})();

function run(bin: string, args: string[], env: Record<string, string>): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin", bin), args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      out += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", tee(process.stdout));
    child.stderr.on("data", tee(process.stderr));
    child.on("exit", (code) => resolve({ ok: code === 0, out }));
    child.on("error", (err) => resolve({ ok: false, out: err.message }));
  });
}

function json(file: string): Record<string, number> {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, number>) : {};
  } catch {
    return {};
  }
}

const num = (re: RegExp, text: string): number | null => {
  const m = re.exec(text);
  return m ? Number(m[1]) : null;
};

type Row = { figure: string; value: string; goal: string; ok: boolean };

async function main() {
  const t0 = Date.now();
  const env = { SECURITY_FIGURES_DIR: figuresDir };
  const suites: { name: string; ok: boolean }[] = [];
  let vitestOut = "";
  let pwOut = "";

  if (only !== "playwright") {
    console.log("\n\x1b[1m━━ security: vitest (fuzzed actions, double submits, sessions)\x1b[0m");
    const r = await run("vitest", ["run", "scripts/security/", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], env);
    suites.push({ name: "vitest security suites", ok: r.ok });
    vitestOut = r.out;
  }
  if (only !== "vitest") {
    console.log("\n\x1b[1m━━ security: Playwright (matrix, canary crawl, CSRF/headers/SQL/uploads, XSS/CSP)\x1b[0m");
    const r = await run(
      "playwright",
      ["test", "e2e/security/authz-matrix.spec.ts", "e2e/security/canary-crawl.spec.ts", "e2e/security/csrf-headers.spec.ts", "e2e/security/xss.spec.ts"],
      { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    );
    suites.push({ name: "Playwright security specs", ok: r.ok });
    pwOut = r.out;
  }

  const fuzz = json(path.join(figuresDir, "fuzz.json"));
  const req = json(path.join(figuresDir, "request-attacks.json"));
  const xss = json(path.join(figuresDir, "xss-csp.json"));
  const rows: Row[] = [];
  const add = (figure: string, value: number | null | undefined, goal: string, ok: (v: number) => boolean) =>
    rows.push({ figure, value: value === null || value === undefined || Number.isNaN(value) ? "not run" : String(value), goal, ok: value !== null && value !== undefined && !Number.isNaN(value) && ok(value) });

  if (only !== "vitest") {
    add("authorization matrix: cells checked", num(/(\d+) cells checked/, pwOut), "> 0", (v) => v > 0);
    add("authorization matrix: mismatches", num(/(\d+) mismatches/, pwOut), "0", (v) => v === 0);
    add("authorization matrix: unmapped routes", num(/(\d+) unmapped routes/, pwOut), "0", (v) => v === 0);
    add("canary crawl: pages crawled", num(/canary crawl: (\d+) pages crawled/, pwOut), "> 0", (v) => v > 0);
    add("canary crawl: downloads", num(/canary crawl: \d+ pages crawled, (\d+) downloads/, pwOut), "> 0", (v) => v > 0);
    add("canary crawl: hits", num(/canary crawl: .*?(\d+) hits/, pwOut), "0", (v) => v === 0);
    add("CSRF: cross-site POSTs sent", req.csrfCells, "> 0", (v) => v > 0);
    add("CSRF: not refused", req.csrfMismatches, "0", (v) => v === 0);
    add("headers: HTML responses checked", req.htmlResponses, "> 40", (v) => v > 40);
    add("headers: problems", req.headerProblems, "0", (v) => v === 0);
    add("SQL metacharacters: requests", req.sqlParamRequests, "> 50", (v) => v > 50);
    add("SQL metacharacters: problems", req.sqlParamProblems, "0", (v) => v === 0);
    add("upload attacks tried", req.uploadAttacks, "> 0", (v) => v > 0);
    add("XSS: text fields planted", xss.xssFields, "> 15", (v) => v > 15);
    add("XSS: pages crawled in Chromium", xss.xssPages, "> 0", (v) => v > 0);
    add("XSS: payload executions", xss.xssHits, "0", (v) => v === 0);
    add("CSP violations over the crawl", xss.cspViolations, "0", (v) => v === 0);
  }
  if (only !== "playwright") {
    add("fuzz: actions", fuzz.routes, "> 0", (v) => v > 0);
    add("fuzz: bodies", fuzz.bodies, "≥ 200 per action", (v) => v >= 200 * (fuzz.routes ?? 1));
    add("fuzz: answers ≥ 500", fuzz.fiveXX, "0", (v) => v === 0);
    add("fuzz: stack traces", fuzz.stackTraces, "0", (v) => v === 0);
    add("fuzz: invalid rows stored", fuzz.invalidRows, "0", (v) => v === 0);
    const vr = json(vitestJson) as unknown as { testResults?: { name: string; assertionResults: { title: string; status: string }[] }[] };
    const tests = (vr.testResults ?? []).flatMap((f) => f.assertionResults.map((a) => ({ file: path.basename(f.name), ...a })));
    const ds = tests.filter((t) => t.file === "double-submit.test.ts");
    const ss = tests.filter((t) => t.file === "sessions.test.ts");
    add("double submits: create actions × engines passing", ds.filter((t) => t.status === "passed").length, `all (${ds.length})`, (v) => v === ds.length && v > 0);
    add("session rules passing", ss.filter((t) => t.status === "passed").length, `all (${ss.length})`, (v) => v === ss.length && v > 0);
    if (!tests.length && vitestOut) rows.push({ figure: "vitest report", value: "missing", goal: "present", ok: false });
  }

  const w = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length), 5), Math.max(...rows.map((r) => r.goal.length), 4)];
  console.log(`\n\x1b[1m━━ test:security figures (${Math.round((Date.now() - t0) / 1000)} s)\x1b[0m`);
  console.log(`${"figure".padEnd(w[0])}  ${"value".padStart(w[1])}  ${"goal".padEnd(w[2])}  result`);
  console.log(`${"-".repeat(w[0])}  ${"-".repeat(w[1])}  ${"-".repeat(w[2])}  ------`);
  for (const r of rows) console.log(`${r.figure.padEnd(w[0])}  ${r.value.padStart(w[1])}  ${r.goal.padEnd(w[2])}  ${r.ok ? "ok" : "FAIL"}`);
  for (const s of suites) console.log(`${s.ok ? "passed" : "FAILED"}: ${s.name}`);
  const failed = suites.some((s) => !s.ok) || rows.some((r) => !r.ok);
  if (readdirSync(figuresDir).length) rmSync(figuresDir, { recursive: true, force: true });
  console.log(failed ? "test:security FAILED" : "test:security passed");
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
