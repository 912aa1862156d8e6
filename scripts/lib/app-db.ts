import { configFromEnv, openDb, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { getEnv } from "../../app/utils/env.server";

/** Open the configured database and bring it to the latest migration. */
export async function openAppDb(): Promise<DbHandle> {
  const env = getEnv();
  const handle = await openDb(configFromEnv(env));
  const done = await migrateToLatest(handle.db);
  for (const r of done) console.log(`[migrate] ${r.migrationName}: ${r.status}`);
  return handle;
}
