import { configFromEnv, openDb, type DB, type DbHandle } from "../../db/client";
import { getEnv } from "./env.server";

/**
 * One database handle per process. The start script opens it (to migrate and
 * seed) and publishes it on globalThis so the server bundle reuses the same
 * PGlite instance instead of opening the data dir a second time.
 */
const KEY = "__medibridgeDb" as const;
type Holder = { [KEY]?: Promise<DbHandle> };

export function setDbHandle(handle: DbHandle) {
  (globalThis as Holder)[KEY] = Promise.resolve(handle);
}

export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as Holder;
  g[KEY] ??= openDb(configFromEnv(getEnv()));
  return g[KEY];
}

export async function getDb(): Promise<DB> {
  return (await getDbHandle()).db;
}
