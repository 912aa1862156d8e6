/**
 * Backup and restore for both engines (`npm run db:backup`, `npm run db:restore`).
 *
 * PostgreSQL: `pg_dump -Fc` (custom format, compressed) and `pg_restore
 * --clean --if-exists --no-owner` into the target database.
 * PGlite: the whole data directory as a gzipped tarball (PGlite's
 * `dumpDataDir("gzip")`), restored with `loadDataDir` into a fresh directory;
 * the directory being replaced is kept next to it as `<dir>.before-restore-<time>`.
 * The app must not be running on a PGlite directory being dumped or restored
 * (PGlite is single-process: two openers lose data).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type BackupKind = "postgres" | "pglite";

/** A pg_dump custom archive starts with "PGDMP"; a gzip stream with 1f 8b. */
export function detectKind(file: string): BackupKind {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  throw new Error(`${file}: neither a pg_dump custom archive nor a PGlite data-directory tarball`);
}

function ensureParent(file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

export async function backupPostgres(url: string, out: string): Promise<{ file: string; bytes: number }> {
  ensureParent(out);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${url}`], { maxBuffer: 64 * 1024 * 1024 });
  return { file: out, bytes: statSync(out).size };
}

export async function restorePostgres(file: string, url: string): Promise<void> {
  if (detectKind(file) !== "postgres") throw new Error(`${file} is a PGlite backup; restore it with PGLITE_DIR, not DATABASE_URL`);
  // --single-transaction: a failed restore leaves the target as it was.
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function openPglite(dataDir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return PGlite.create({ dataDir, extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

function isPgliteDir(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

export async function backupPglite(dataDir: string, out: string): Promise<{ file: string; bytes: number }> {
  if (!isPgliteDir(dataDir)) throw new Error(`${dataDir} is not a PGlite data directory`);
  const pg = await openPglite(dataDir);
  try {
    const blob = await pg.dumpDataDir("gzip");
    ensureParent(out);
    writeFileSync(out, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await pg.close();
  }
  return { file: out, bytes: statSync(out).size };
}

/**
 * Restores into `dataDir`. An existing, non-empty directory is only replaced
 * with `force` (it is renamed aside, never deleted). Returns that aside path.
 */
export async function restorePglite(file: string, dataDir: string, opts: { force?: boolean } = {}): Promise<{ previous: string | null }> {
  if (detectKind(file) !== "pglite") throw new Error(`${file} is a pg_dump archive; restore it with DATABASE_URL`);
  let previous: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!opts.force) throw new Error(`${dataDir} is not empty: pass --force to replace it (it is kept as ${dataDir}.before-restore-…)`);
    previous = `${dataDir.replace(/\/+$/, "")}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dataDir, previous);
  }
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const blob = new Blob([readFileSync(file)], { type: "application/x-gzip" });
  const pg = await openPglite(dataDir, blob);
  try {
    await pg.query("select 1");
  } finally {
    await pg.close();
  }
  return { previous };
}

export function defaultBackupName(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return path.join("backups", `medibridge-${kind}-${stamp}.${kind === "postgres" ? "dump" : "tar.gz"}`);
}

export function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i !== -1) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
}
