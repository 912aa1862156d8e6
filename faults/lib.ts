/**
 * Helpers for `npm run test:faults`: a private PostgreSQL cluster (never the
 * shared server at :5432), the app as a child process, a tiny HTTP client that
 * measures every request, and load loops.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// ---------------------------------------------------------------- PostgreSQL

function pgBinDir(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("no initdb under /usr/lib/postgresql/*/bin");
  return path.join(root, versions[0], "bin");
}

const isRoot = process.getuid?.() === 0;

/** Run a PostgreSQL server binary, as the postgres OS user when we are root (initdb refuses root). */
function asPostgres(bin: string, args: string[], opts: { allowFail?: boolean } = {}): string {
  const full = path.join(pgBinDir(), bin);
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  try {
    return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    if (opts.allowFail) return "";
    const e = err as { stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.stderr || e.message}`);
  }
}

export async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
  for (let p = preferred; p < preferred + 200; p++) if (await tryPort(p)) return p;
  throw new Error(`no free port from ${preferred}`);
}

export class PrivatePostgres {
  readonly dir: string;
  readonly dataDir: string;
  readonly logFile: string;
  constructor(readonly port: number) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), "mb-faults-pg-"));
    chmodSync(this.dir, 0o777);
    this.dataDir = path.join(this.dir, "data");
    this.logFile = path.join(this.dir, "server.log");
  }

  get adminUrl() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  url(db: string) {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  init() {
    writeFileSync(this.logFile, "");
    chmodSync(this.logFile, 0o666);
    asPostgres("initdb", ["-D", this.dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  }

  start() {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    asPostgres("pg_ctl", ["-D", this.dataDir, "-l", this.logFile, "-o", opts, "-w", "-t", "30", "start"]);
  }

  /** fast: roll back and disconnect every session (a normal restart); immediate: a crash. */
  stop(mode: "fast" | "immediate" = "fast") {
    asPostgres("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "-t", "30", "stop"], { allowFail: true });
  }

  destroy() {
    this.stop("immediate");
    rmSync(this.dir, { recursive: true, force: true });
  }

  async query<T extends pg.QueryResultRow = pg.QueryResultRow>(db: string, text: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: this.url(db), connectionTimeoutMillis: 3000 });
    await c.connect();
    try {
      return (await c.query<T>(text, params)).rows;
    } finally {
      await c.end();
    }
  }

  async ready(db = "postgres"): Promise<boolean> {
    try {
      await this.query(db, "select 1");
      return true;
    } catch {
      return false;
    }
  }
}

// ------------------------------------------------------------------- the app

export type App = {
  proc: ChildProcess;
  port: number;
  base: string;
  /** Exits seen (a crash unless we asked for it). */
  exits: { code: number | null; signal: string | null; at: number }[];
  output: string[];
};

export async function startApp(env: Record<string, string | undefined>, port: number): Promise<App> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" };
  // As scripts/e2e-server.ts: NODE_ENV unset (start.ts builds production and seeds demo data).
  delete childEnv.NODE_ENV;
  delete childEnv.PGLITE_DIR;
  delete childEnv.PUBLIC_URL;
  delete childEnv.SECURE_COOKIES;
  delete childEnv.SMTP_URL;
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: childEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const app: App = { proc, port, base: `http://127.0.0.1:${port}`, exits: [], output: [] };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) app.output.push(line);
    if (app.output.length > 2000) app.output.splice(0, app.output.length - 2000);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  proc.on("exit", (code, signal) => app.exits.push({ code, signal, at: Date.now() }));
  const t0 = Date.now();
  while (Date.now() - t0 < 240_000) {
    if (app.exits.length) throw new Error(`app exited while starting:\n${app.output.slice(-30).join("\n")}`);
    const r = await request(app, "GET", "/healthz", { timeoutMs: 2000 });
    if (r.status === 200) return app;
    await sleep(500);
  }
  throw new Error(`app did not answer /healthz in 240 s:\n${app.output.slice(-30).join("\n")}`);
}

// ------------------------------------------------------------------ HTTP

export type Res = { status: number; ms: number; body: string; location: string | null; setCookie: string[]; error: string | null; start: number; end: number };

export function request(
  app: { base: string },
  method: "GET" | "POST",
  urlPath: string,
  opts: { cookie?: string; form?: Record<string, string | string[]>; timeoutMs?: number; keepAlive?: boolean } = {},
): Promise<Res> {
  const url = new URL(urlPath, app.base);
  let body: string | undefined;
  const headers: Record<string, string> = { Accept: "text/html" };
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (method === "POST") {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.form ?? {})) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
    body = p.toString();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
    headers.Origin = app.base; // the app's CSRF check wants a same-origin Origin
  }
  const start = Date.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<Res, "ms" | "start" | "end">) => {
      if (done) return;
      done = true;
      const end = Date.now();
      resolve({ ...r, ms: end - start, start, end });
    };
    const req = http.request(url, { method, headers, agent: opts.keepAlive ? undefined : false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        finish({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          location: (res.headers.location as string | undefined) ?? null,
          setCookie: (res.headers["set-cookie"] as string[] | undefined) ?? [],
          error: null,
        }),
      );
      res.on("error", (e) => finish({ status: 0, body: "", location: null, setCookie: [], error: e.message }));
    });
    req.setTimeout(opts.timeoutMs ?? 20_000, () => req.destroy(new Error("client timeout")));
    req.on("error", (e) => finish({ status: 0, body: "", location: null, setCookie: [], error: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (body) req.write(body);
    req.end();
  });
}

export async function login(app: { base: string }, email: string, password = "medibridge-demo"): Promise<string> {
  const r = await request(app, "POST", "/login", { form: { email, password } });
  const cookie = r.setCookie.map((c) => c.split(";")[0]).find((c) => /session=/.test(c) && !/session=;|session=$/.test(c));
  if (r.status !== 302 || !cookie) throw new Error(`sign-in as ${email}: ${r.status} ${r.error ?? ""}`);
  return cookie;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------- write load

export type WriteLog = {
  /** body → submissionId of every write the app acknowledged (302). */
  acked: Map<string, string>;
  attempts: Res[];
};

/**
 * Writers that each send messages on an application thread, one after the
 * other, until `stop()`; a failed send (503, reset, timeout) is retried with
 * the SAME body and submissionId, as a person pressing "send" again would.
 */
export function messageWriters(app: { base: string }, cookie: string, applicationId: string, tag: string, writers: number) {
  const log: WriteLog = { acked: new Map(), attempts: [] };
  let stopping = false;
  let seq = 0;
  const loops = Array.from({ length: writers }, async (_, w) => {
    while (!stopping) {
      const body = `fault-${tag}-${w}-${seq++}-${randomUUID().slice(0, 8)}`;
      const submissionId = randomUUID();
      for (;;) {
        const r = await request(app, "POST", `/applications/${applicationId}`, { cookie, form: { intent: "message", body, submissionId }, timeoutMs: 15_000 });
        log.attempts.push(r);
        if (r.status === 302) {
          log.acked.set(body, submissionId);
          break;
        }
        if (stopping) break; // unacknowledged: not counted
        await sleep(150);
      }
      await sleep(20);
    }
  });
  return {
    log,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return log;
    },
  };
}

/** Acknowledged writes missing from the database, and bodies stored more than once. */
export async function verifyWrites(pgsrv: PrivatePostgres, db: string, tag: string, log: WriteLog) {
  const rows = await pgsrv.query<{ body: string; n: number }>(db, "select body, count(*)::int as n from messages where body like $1 group by body", [`fault-${tag}-%`]);
  const stored = new Map(rows.map((r) => [r.body, Number(r.n)]));
  let lost = 0;
  for (const body of log.acked.keys()) if (!stored.has(body)) lost++;
  const duplicated = rows.filter((r) => Number(r.n) > 1).length;
  return { acked: log.acked.size, stored: rows.length, lost, duplicated };
}

/** Steady GETs of a few pages until stop(); returns every response. */
export function readers(app: { base: string }, cookie: string | undefined, paths: string[], concurrency: number, pauseMs = 50) {
  const out: (Res & { path: string })[] = [];
  let stopping = false;
  const loops = Array.from({ length: concurrency }, async (_, i) => {
    let n = i;
    while (!stopping) {
      const p = paths[n++ % paths.length];
      out.push({ ...(await request(app, "GET", p, { cookie, timeoutMs: 15_000 })), path: p });
      await sleep(pauseMs);
    }
  });
  return {
    out,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return out;
    },
  };
}

export function pct(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const STACK_RE = /at .+\.(js|ts|tsx):\d+:\d+|node_modules\/|SELECT .+ FROM/i;
