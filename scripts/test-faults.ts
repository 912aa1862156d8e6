/**
 * `npm run test:faults`: the app on PostgreSQL under faults, with figures
 * (docs: quality.md, "Reliability under faults"; SECURITY.md).
 *
 * It starts a PRIVATE PostgreSQL cluster (initdb into a temp dir, as the
 * postgres OS user when run as root, on a free port from 55432), so stopping
 * and locking it never disturbs the shared server at :5432. The app runs its
 * production build (scripts/start.ts) against it, seeded with the demo data.
 *
 * Scenarios, each printing its figures, then one table with pass/fail:
 *  a. PostgreSQL restarts under steady write load (messages by HTTP)
 *  b. the app's database backends are terminated again and again
 *  c. a long ACCESS EXCLUSIVE lock on one table (other pages keep answering)
 *  d. pool exhaustion (fast 503, then recovery)
 *  f. Chromium: a form sent while the database is down keeps every value and
 *     saves exactly once after recovery
 *  e. SIGTERM under load, with requests held in flight by a table lock at the
 *     signal (0 failed in-flight requests, exit within 10 s)
 * Exit code 1 when any check fails. `--only a,b` runs a subset.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  freePort,
  login,
  messageWriters,
  pct,
  PrivatePostgres,
  readers,
  request,
  sleep,
  startApp,
  STACK_RE,
  verifyWrites,
  type App,
  type Res,
} from "../faults/lib";
import { formSurvivesOutage } from "../faults/browser";

const CONNECT_TIMEOUT_MS = 3000; // the app's default DB_CONNECT_TIMEOUT_MS
const LOCK_TIMEOUT_MS = 5000; // db/client.ts lock_timeout
const POOL_MAX = 6;
const DB = "mb_faults";

type Row = { scenario: string; figures: string; ok: boolean; problems: string[] };
const results: Row[] = [];

const only = (() => {
  const i = process.argv.indexOf("--only");
  return i === -1 ? null : new Set((process.argv[i + 1] ?? "").split(","));
})();
const want = (s: string) => !only || only.has(s);

function check(problems: string[], cond: boolean, what: string) {
  if (!cond) problems.push(what);
}

function fiveHundreds(rs: Res[]) {
  return rs.filter((r) => r.status >= 500 && r.status !== 503).length;
}
function leaks(rs: Res[]) {
  return rs.filter((r) => r.status >= 400 && STACK_RE.test(r.body)).length;
}
function record(scenario: string, figures: Record<string, string | number>, problems: string[]) {
  const text = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  console.log(`  → ${text}`);
  console.log(problems.length ? `  ✗ ${problems.join("; ")}` : "  ✓ pass");
  results.push({ scenario, figures: text, ok: problems.length === 0, problems });
}

async function main() {
  const t0 = Date.now();
  const pgPort = await freePort(Number(process.env.FAULTS_PG_PORT ?? 55432));
  const appPort = await freePort(Number(process.env.FAULTS_APP_PORT ?? 3116));
  const srv = new PrivatePostgres(pgPort);
  const mailDir = mkdtempSync(path.join(os.tmpdir(), "mb-faults-mail-"));
  let app: App | null = null;
  const cleanup = () => {
    if (app && app.proc.exitCode === null && !app.proc.killed) app.proc.kill("SIGKILL");
    srv.destroy();
    rmSync(mailDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });

  try {
    console.log(`[faults] private PostgreSQL on 127.0.0.1:${pgPort} (${srv.dir})`);
    srv.init();
    srv.start();
    await srv.query("postgres", `create database ${DB}`);
    const appEnv = {
      DATABASE_URL: srv.url(DB),
      DB_POOL_MAX: String(POOL_MAX),
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_ACCOUNT_PER_HOUR: "100000",
      MAIL_DROP_DIR: mailDir,
      SEED_FORCE: "1",
    };
    console.log(`[faults] starting the app on :${appPort} (production build, demo seed)…`);
    app = await startApp(appEnv, appPort);
    const a = app;
    const company = await login(a, "company1@demo.medibridge.kr");
    const list = await request(a, "GET", "/applications", { cookie: company });
    const appId = /\/applications\/([0-9a-f-]{36})/.exec(list.body)?.[1];
    if (!appId) throw new Error("company1 has no application in the demo data");
    const crashes = () => a.exits.length;

    // ------------------------------------------------------------ a. restart
    if (want("a")) {
      console.log("\n[a] PostgreSQL restart under steady write load (4 writers, messages)");
      const w = messageWriters(a, company, appId, "restart", 4);
      await sleep(2500);
      const tStop = Date.now();
      srv.stop("fast");
      const tDown = Date.now();
      await sleep(3000);
      srv.start();
      const tUp = Date.now();
      await sleep(4000);
      const log = await w.stop();
      const v = await verifyWrites(srv, DB, "restart", log);
      const during = log.attempts.filter((r) => r.start >= tDown && r.start < tUp);
      const outageNon503 = during.filter((r) => r.status !== 503).length;
      const outageMax = Math.max(0, ...during.map((r) => r.ms));
      const firstOk = log.attempts.filter((r) => r.status === 302 && r.end > tUp).sort((x, y) => x.end - y.end)[0];
      const recovery = firstOk ? firstOk.end - tUp : Infinity;
      const p: string[] = [];
      check(p, crashes() === 0, "the app process died");
      check(p, v.lost === 0, `${v.lost} acknowledged writes lost`);
      check(p, v.duplicated === 0, `${v.duplicated} writes stored twice`);
      check(p, during.length > 0, "no request reached the app during the outage");
      check(p, outageNon503 === 0, `${outageNon503} outage answers were not 503`);
      check(p, outageMax <= CONNECT_TIMEOUT_MS + 1000, `slowest outage answer ${outageMax} ms > ${CONNECT_TIMEOUT_MS + 1000} ms`);
      check(p, recovery <= 5000, `first success ${recovery} ms after the database was back`);
      check(p, fiveHundreds(log.attempts) === 0, `${fiveHundreds(log.attempts)} answers 5xx other than 503`);
      check(p, leaks(log.attempts) === 0, "a stack trace or SQL in an error body");
      record(
        "a. PostgreSQL restart under write load",
        {
          requests: log.attempts.length,
          acked: v.acked,
          lost: v.lost,
          duplicated: v.duplicated,
          "stop took": `${tDown - tStop}ms`,
          "outage answers": `${during.length} (all 503: ${outageNon503 === 0})`,
          "slowest outage answer": `${outageMax}ms`,
          recovery: `${recovery}ms`,
          crashes: crashes(),
        },
        p,
      );
    }

    // ------------------------------------------------- b. terminate backends
    if (want("b")) {
      console.log("\n[b] pg_terminate_backend of the app's connections every 250 ms for 5 s");
      const w = messageWriters(a, company, appId, "terminate", 3);
      const r = readers(a, company, ["/needs", "/applications", `/applications/${appId}`, "/dashboard"], 2);
      await sleep(1000);
      let killed = 0;
      const admin = new pg.Client({ connectionString: srv.url("postgres") });
      await admin.connect();
      const until = Date.now() + 5000;
      while (Date.now() < until) {
        const res = await admin.query("select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [DB]);
        killed += Number(res.rows[0].n);
        await sleep(250);
      }
      await admin.end();
      const tCalm = Date.now();
      await sleep(2000);
      const log = await w.stop();
      const reads = await r.stop();
      const v = await verifyWrites(srv, DB, "terminate", log);
      const all = [...log.attempts, ...reads];
      const after = all.filter((x) => x.start > tCalm + 500);
      const p: string[] = [];
      check(p, crashes() === 0, "the app process died");
      check(p, killed > 0, "no backend was terminated");
      check(p, v.lost === 0, `${v.lost} acknowledged writes lost`);
      check(p, v.duplicated === 0, `${v.duplicated} writes stored twice`);
      check(p, fiveHundreds(all) === 0, `${fiveHundreds(all)} answers 5xx other than 503`);
      check(p, after.length > 0 && after.every((x) => x.status === 200 || x.status === 302), "requests still failing after the terminations stopped");
      check(p, leaks(all) === 0, "a stack trace or SQL in an error body");
      record(
        "b. backends terminated repeatedly",
        {
          "backends terminated": killed,
          requests: all.length,
          "503s": all.filter((x) => x.status === 503).length,
          "other 5xx": fiveHundreds(all),
          acked: v.acked,
          lost: v.lost,
          duplicated: v.duplicated,
          "ok after": `${after.filter((x) => x.status < 400).length}/${after.length}`,
          crashes: crashes(),
        },
        p,
      );
    }

    // ------------------------------------------------------- c. table lock
    if (want("c")) {
      console.log("\n[c] ACCESS EXCLUSIVE lock on messages for 8 s; other pages keep answering");
      const locker = new pg.Client({ connectionString: srv.url(DB) });
      await locker.connect();
      await locker.query("begin");
      await locker.query("lock table messages in access exclusive mode");
      const tLock = Date.now();
      const other = readers(a, undefined, ["/", "/needs", "/login", "/needs?sort=closing"], 3);
      const locked = readers(a, company, [`/applications/${appId}`], 2);
      await sleep(8000);
      await locker.query("commit");
      await locker.end();
      const tFree = Date.now();
      await sleep(1500);
      const o = await other.stop();
      const l = await locked.stop();
      const during = o.filter((x) => x.start >= tLock && x.end <= tFree);
      const lockedDuring = l.filter((x) => x.start >= tLock && x.start < tFree);
      const lockedAfter = l.filter((x) => x.start > tFree + 200);
      const p: string[] = [];
      check(p, crashes() === 0, "the app process died");
      check(p, during.length > 10, "too few requests to other pages during the lock");
      check(p, during.every((x) => x.status === 200), `${during.filter((x) => x.status !== 200).length} other-page requests failed during the lock`);
      check(p, pct(during.map((x) => x.ms), 95) < 2000, `other pages p95 ${pct(during.map((x) => x.ms), 95)} ms during the lock`);
      check(p, lockedDuring.every((x) => x.status === 200 || x.status === 503), "the locked page answered something other than 200/503");
      check(p, Math.max(0, ...lockedDuring.map((x) => x.ms)) <= LOCK_TIMEOUT_MS + 1500, "a request on the locked table waited longer than lock_timeout + 1.5 s");
      check(p, lockedAfter.length > 0 && lockedAfter.every((x) => x.status === 200), "the locked page did not recover");
      check(p, leaks([...o, ...l]) === 0, "a stack trace or SQL in an error body");
      record(
        "c. long ACCESS EXCLUSIVE lock",
        {
          "other pages": `${during.length} req, ${during.filter((x) => x.status === 200).length} ok, p50 ${pct(during.map((x) => x.ms), 50)}ms, p95 ${pct(during.map((x) => x.ms), 95)}ms`,
          "locked page": `${lockedDuring.length} req, ${lockedDuring.filter((x) => x.status === 503).length}×503, slowest ${Math.max(0, ...lockedDuring.map((x) => x.ms))}ms`,
          "after unlock ok": `${lockedAfter.filter((x) => x.status === 200).length}/${lockedAfter.length}`,
          crashes: crashes(),
        },
        p,
      );
    }

    // -------------------------------------------------- d. pool exhaustion
    if (want("d")) {
      console.log(`\n[d] pool exhaustion: ${POOL_MAX * 3} request loops stuck on a locked table hold all ${POOL_MAX} pool clients`);
      const locker = new pg.Client({ connectionString: srv.url(DB) });
      await locker.connect();
      await locker.query("begin");
      await locker.query("lock table messages in access exclusive mode");
      const hammer = readers(a, company, [`/applications/${appId}`], POOL_MAX * 3, 0);
      await sleep(500);
      const tFull = Date.now();
      const probe = readers(a, undefined, ["/needs", "/"], 2, 100);
      await sleep(6000);
      const h = await hammer.stop();
      await locker.query("commit");
      await locker.end();
      const tFree = Date.now();
      // Recovery: the first /needs answered 200 after the pool was free again.
      let recovery = Infinity;
      for (let i = 0; i < 50; i++) {
        const r = await request(a, "GET", "/needs", { timeoutMs: 10_000 });
        if (r.status === 200) {
          recovery = r.end - tFree;
          break;
        }
        await sleep(100);
      }
      const pr = await probe.stop();
      const exhausted = pr.filter((x) => x.start >= tFull && x.start < tFree);
      const probe503 = exhausted.filter((x) => x.status === 503);
      const slowest503 = Math.max(0, ...probe503.map((x) => x.ms), ...h.filter((x) => x.status === 503).map((x) => x.ms));
      // A 503 after waiting about the connect timeout is a request that found no free pool client.
      const poolWait = [...h, ...pr].filter((x) => x.status === 503 && x.ms >= CONNECT_TIMEOUT_MS - 300 && x.ms <= CONNECT_TIMEOUT_MS + 1000);
      const p: string[] = [];
      check(p, crashes() === 0, "the app process died");
      check(p, poolWait.length > 0, "the pool never ran out (no 503 after a pool wait): the scenario proved nothing");
      check(p, exhausted.every((x) => x.status === 200 || x.status === 503), "a request during exhaustion answered something other than 200/503");
      // A request stuck on the locked table may first wait for a pool client, then for the lock.
      check(p, slowest503 <= CONNECT_TIMEOUT_MS + LOCK_TIMEOUT_MS + 1000, `slowest 503 took ${slowest503} ms`);
      check(p, probe503.every((x) => x.ms <= CONNECT_TIMEOUT_MS + 1000), `a pool-wait 503 took longer than connect timeout + 1 s`);
      check(p, recovery <= 5000, `recovered ${recovery} ms after the pool was free`);
      check(p, fiveHundreds([...h, ...pr]) === 0, `${fiveHundreds([...h, ...pr])} answers 5xx other than 503`);
      record(
        "d. pool exhaustion",
        {
          "stuck requests": h.length,
          "503 after pool wait": poolWait.length,
          "probe during exhaustion": `${exhausted.length} req, ${probe503.length}×503, slowest ${Math.max(0, ...probe503.map((x) => x.ms))}ms`,
          "slowest 503 overall": `${slowest503}ms`,
          recovery: `${recovery}ms`,
          crashes: crashes(),
        },
        p,
      );
    }

    // ----------------------------------------- f. a form through an outage
    if (want("f")) {
      console.log("\n[f] Chromium: a need form sent while PostgreSQL is down, then again after recovery");
      const r = await formSurvivesOutage({
        base: a.base,
        stopDb: () => srv.stop("fast"),
        startDb: async () => {
          srv.start();
          for (let i = 0; i < 50; i++) {
            if ((await request(a, "GET", "/healthz")).status === 200) return;
            await sleep(200);
          }
        },
        countByTitle: async (title) => Number((await srv.query<{ n: number }>(DB, "select count(*)::int as n from needs where title = $1", [title]))[0].n),
      });
      const p: string[] = [];
      check(p, crashes() === 0, "the app process died");
      check(p, r.outageStatus === 503, `the submit during the outage answered ${r.outageStatus}`);
      check(p, r.messageShown, "no 'could not save, your input is kept' message during the outage");
      check(p, r.changedFields.length === 0, `values lost after the failed submit: ${r.changedFields.join(", ")}`);
      check(p, r.redirectedToNeed, "after recovery the submit did not land on the new need");
      check(p, r.resendSameNeed, "resending the same form did not land on the same need");
      check(p, r.rows === 1, `${r.rows} needs stored for one form (want 1)`);
      record(
        "f. form through a DB outage (Chromium)",
        { fields: r.fieldCount, "outage answer": r.outageStatus, "values kept": `${r.fieldCount - r.changedFields.length}/${r.fieldCount}`, "resend → same need": String(r.resendSameNeed), "rows stored": r.rows, crashes: crashes() },
        p,
      );
    }

    // ------------------------------------------------ e. SIGTERM under load
    if (want("e")) {
      console.log("\n[e] SIGTERM under load (2 writers, 4 readers; messages locked from 500 ms before the signal to 300 ms after)");
      const w = messageWriters(a, company, appId, "sigterm", 2);
      const r = readers(a, company, ["/needs", "/applications", `/applications/${appId}`, "/dashboard"], 4, 10);
      await sleep(2000);
      // Requests answer in a few ms, so a signal at a random moment often
      // finds none in flight. Hold the messages table for a moment: the
      // writers' requests (and the application page's reads) are in flight
      // at the signal, and must still finish once the lock goes.
      const locker = new pg.Client({ connectionString: srv.url(DB) });
      await locker.connect();
      await locker.query("begin");
      await locker.query("lock table messages in access exclusive mode");
      await sleep(500);
      const tSig = Date.now();
      a.proc.kill("SIGTERM");
      await sleep(300);
      await locker.query("commit");
      await locker.end();
      const exit = await new Promise<{ code: number | null; ms: number }>((resolve) => {
        const t = setTimeout(() => resolve({ code: null, ms: Infinity }), 15_000);
        a.proc.once("exit", (code) => {
          clearTimeout(t);
          resolve({ code, ms: Date.now() - tSig });
        });
      });
      const log = await w.stop();
      const reads = await r.stop();
      const all = [...log.attempts, ...reads];
      // In flight: sent at least 50 ms before the signal (the server had accepted it).
      const inflight = all.filter((x) => x.start <= tSig - 50 && x.end >= tSig);
      const failed = inflight.filter((x) => x.status === 0 || x.status >= 500);
      const v = await verifyWrites(srv, DB, "sigterm", log);
      const p: string[] = [];
      check(p, exit.code === 0, `exit code ${exit.code}`);
      check(p, exit.ms <= 10_000, `exit took ${exit.ms} ms`);
      check(p, inflight.length > 0, "no request was in flight at the signal: the scenario proved nothing");
      check(p, failed.length === 0, `${failed.length} in-flight requests failed (${failed.map((x) => x.error ?? x.status).join(", ")})`);
      check(p, v.lost === 0 && v.duplicated === 0, `lost ${v.lost}, duplicated ${v.duplicated}`);
      check(p, a.exits.length === 1, "the app exited more than once?");
      record(
        "e. SIGTERM under load",
        { "in flight at signal": inflight.length, "in-flight failed": failed.length, "exit code": String(exit.code), "exit after": `${exit.ms}ms`, acked: v.acked, lost: v.lost, duplicated: v.duplicated },
        p,
      );
      app = null;
    }
  } catch (err) {
    console.error(`\n[faults] aborted: ${err instanceof Error ? err.stack : String(err)}`);
    if (app) console.error(app.output.slice(-40).join("\n"));
    results.push({ scenario: "setup", figures: "", ok: false, problems: [err instanceof Error ? err.message : String(err)] });
  } finally {
    cleanup();
  }

  console.log(`\n\x1b[1m━━ test:faults summary (${((Date.now() - t0) / 1000).toFixed(0)} s)\x1b[0m`);
  const w0 = Math.max(...results.map((r) => r.scenario.length));
  for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.scenario.padEnd(w0)}  ${r.figures}${r.ok ? "" : `\n      ✗ ${r.problems.join("; ")}`}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed || !results.length ? 1 : 0);
}

main();
