/**
 * Shared set-up for the benchmark scripts: a production build copied to a
 * snapshot directory (other people's rebuilds of build/ cannot change it under
 * a running benchmark), a database seeded at scale, demo sign-ins as session
 * rows, and the Remix asset manifest.
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDb, type DbConfig, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { hasScaleData, seedScale } from "../../db/seed/scale/seed-scale";
import { seedIfEmpty } from "../../db/seed/seed";

export const ROOT = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The manifest file the server build points at (public/build/manifest-XXXX.js). */
function manifestOf(buildDir: string): string | null {
  const index = path.join(buildDir, "build/index.js");
  if (!existsSync(index)) return null;
  const m = /\/build\/(manifest-[A-Za-z0-9]+\.js)/.exec(readFileSync(index, "utf8"));
  return m ? m[1] : null;
}

/**
 * A production build, copied to `dest` with node_modules linked in. Rebuilds
 * when the build is missing, a development build, or older than the sources.
 */
export function snapshotBuild(dest: string, opts: { build: boolean; log: (s: string) => void }): string {
  const index = path.join(ROOT, "build/index.js");
  const sources = Math.max(newestMtime(path.join(ROOT, "app")), newestMtime(path.join(ROOT, "db")), statSync(path.join(ROOT, "remix.config.js")).mtimeMs);
  const production = existsSync(index) && /\bmode = "production"/.test(readFileSync(index, "utf8"));
  if (opts.build && !(production && statSync(index).mtimeMs >= sources)) {
    opts.log("building (production)…");
    execSync("npx remix build", { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  }
  for (let attempt = 0; ; attempt++) {
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    cpSync(path.join(ROOT, "build"), path.join(dest, "build"), { recursive: true });
    cpSync(path.join(ROOT, "public"), path.join(dest, "public"), { recursive: true });
    const manifest = manifestOf(dest);
    // Someone else's build may have been half-way: the copy must be consistent.
    if (manifest && existsSync(path.join(dest, "public/build", manifest))) break;
    if (attempt >= 5) throw new Error("build/ and public/build/ do not match (a build running elsewhere?); run `npm run build` and retry");
    execSync("sleep 3");
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dest, "node_modules"), "dir");
  return dest;
}

export type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[]; hasLoader: boolean }>;
};

export function readManifest(buildRoot: string): Manifest {
  const file = manifestOf(buildRoot);
  if (!file) throw new Error("no Remix manifest in the build");
  const text = readFileSync(path.join(buildRoot, "public/build", file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

/** Create the PostgreSQL database when missing (or drop and create it with `fresh`). */
export async function ensurePgDatabase(url: string, fresh: boolean) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name: ${name}`);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists "${name}" with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Migrate, demo seed, scale seed (once). Returns the seconds the scale seed took, or null when it was there already. */
export async function prepareDatabase(config: DbConfig, factor: number, log: (s: string) => void): Promise<{ seedSeconds: number | null }> {
  const handle: DbHandle = await openDb(config);
  try {
    await migrateToLatest(handle.db);
    await seedIfEmpty(handle.db, { log: () => {} });
    if (await hasScaleData(handle.db)) return { seedSeconds: null };
    log(`seeding at scale (factor ${factor})…`);
    const t = performance.now();
    await seedScale(handle.db, { factor, log });
    return { seedSeconds: (performance.now() - t) / 1000 };
  } finally {
    await handle.close();
  }
}

/** Session rows for demo users (as a sign-in would make), valid for hours: no extension write during the run. */
export async function demoSessions(config: DbConfig, emails: Record<string, string>): Promise<Record<string, string>> {
  const handle = await openDb(config);
  try {
    const out: Record<string, string> = {};
    for (const [role, email] of Object.entries(emails)) {
      const u = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      const id = randomBytes(20).toString("hex");
      await handle.db
        .insertInto("sessions")
        .values({ id, user_id: u.id, expires_at: new Date(Date.now() + 11 * 3600_000), created_at: new Date() })
        .execute();
      out[role] = id;
    }
    return out;
  } finally {
    await handle.close();
  }
}

export type ServerProc = {
  child: ChildProcess;
  cpuMicros: () => Promise<number>;
  /** Start the server's CPU profiler (node:inspector), now. */
  profileStart: () => Promise<void>;
  /** Stop it and write the .cpuprofile to `file`. */
  profileStop: (file: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** Start scripts/lib/bench-server.ts (app or raw) in `cwd`; resolves when it listens. */
export function startServer(kind: "app" | "raw", port: number, cwd: string, vars: Record<string, string>, extra: { rawFile?: string; nodeArgs?: string[] } = {}): Promise<ServerProc> {
  const script = path.join(ROOT, "scripts/lib/bench-server.ts");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_REQUESTS: "0", ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === "") delete env[k];
  const args = [...(extra.nodeArgs ?? []), ...(kind === "app" ? (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean) : []), "--import", "tsx", script, kind, String(port), ...(extra.rawFile ? [extra.rawFile] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiters: ((m: { cpu: NodeJS.CpuUsage }) => void)[] = [];
  const once: { key: string; done: () => void }[] = [];
  return new Promise((resolve, reject) => {
    // The app loads the match indexes and settles their stored fits before it says ready (minutes at scale).
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 20 * 60_000);
    child.on("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
    child.on("message", (m: { ready?: boolean; cpu?: NodeJS.CpuUsage; profiling?: boolean; profiled?: string }) => {
      if (m.ready) {
        clearTimeout(timer);
        resolve({
          child,
          cpuMicros: () =>
            new Promise((res) => {
              waiters.push((r) => res(r.cpu.user + r.cpu.system));
              child.send("cpu");
            }),
          profileStart: () =>
            new Promise((res) => {
              once.push({ key: "profiling", done: () => res() });
              child.send("profile-start");
            }),
          profileStop: (file: string) =>
            new Promise((res) => {
              once.push({ key: "profiled", done: () => res() });
              child.send({ profileStopTo: file });
            }),
          stop: () =>
            new Promise((res) => {
              if (child.exitCode !== null) return res();
              child.removeAllListeners("exit");
              child.once("exit", () => res());
              child.send("stop");
              setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
            }),
        });
      }
      if (m.cpu) waiters.shift()?.(m as { cpu: NodeJS.CpuUsage });
      const i = once.findIndex((w) => w.key in m);
      if (i !== -1) once.splice(i, 1)[0].done();
    });
  });
}
