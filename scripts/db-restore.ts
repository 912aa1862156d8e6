/**
 * `npm run db:restore -- FILE [--force]`: restore a backup made by db:backup.
 * A pg_dump archive goes into DATABASE_URL (pg_restore --clean --if-exists, in
 * one transaction); a PGlite tarball into PGLITE_DIR (default data/pglite),
 * which must be empty unless --force (the old directory is then kept aside as
 * <dir>.before-restore-<time>, never deleted). Stop the app first.
 */
import { detectKind, restorePglite, restorePostgres } from "./lib/backup";

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) throw new Error("usage: npm run db:restore -- FILE [--force]");
  const kind = detectKind(file);
  const t0 = performance.now();
  if (kind === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("a pg_dump archive needs DATABASE_URL (the database to restore into)");
    await restorePostgres(file, url);
    console.log(`[db:restore] ${file} → PostgreSQL ${new URL(url).pathname.slice(1)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } else {
    if (process.env.DATABASE_URL) throw new Error("a PGlite tarball restores into PGLITE_DIR: unset DATABASE_URL");
    const dir = process.env.PGLITE_DIR ?? "data/pglite";
    const { previous } = await restorePglite(file, dir, { force: process.argv.includes("--force") });
    console.log(`[db:restore] ${file} → PGlite ${dir}${previous ? ` (previous data kept in ${previous})` : ""} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

main().catch((err) => {
  console.error(`[db:restore] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
