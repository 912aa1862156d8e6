/**
 * `npm run db:backup [-- --out FILE]`: a full backup of the configured database.
 * DATABASE_URL set → pg_dump custom archive (FILE.dump); otherwise the PGlite
 * data directory (PGLITE_DIR, default data/pglite) as a gzipped tarball.
 * Stop the app first when it runs on PGlite (one process per data directory).
 * Default FILE: backups/medibridge-<engine>-<UTC time>.<dump|tar.gz>.
 */
import { argValue, backupPglite, backupPostgres, defaultBackupName } from "./lib/backup";

async function main() {
  const url = process.env.DATABASE_URL;
  const kind = url ? "postgres" : "pglite";
  const out = argValue(process.argv, "--out") ?? defaultBackupName(kind);
  const t0 = performance.now();
  const r = url ? await backupPostgres(url, out) : await backupPglite(process.env.PGLITE_DIR ?? "data/pglite", out);
  console.log(`[db:backup] ${kind} → ${r.file} (${(r.bytes / 1024).toFixed(1)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  console.error(`[db:backup] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
