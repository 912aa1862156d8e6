import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, PGliteDialect, PostgresDialect, sql, type KyselyConfig } from "kysely";
import pg from "pg";
import { budgetedPool } from "./pool-budget";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export type DbConfig =
  | { kind: "pglite"; dataDir: string | null /* null = in-memory */ }
  | {
      kind: "postgres";
      url: string;
      poolMax?: number;
      connectTimeoutMs?: number;
      statementTimeoutMs?: number;
    };

export type DbHandle = { db: DB; kind: DbConfig["kind"]; close: () => Promise<void> };

/** One executed query, for observers (query-count tests, EXPLAIN and benchmark scripts). */
export type QueryEvent = { sql: string; parameters: readonly unknown[]; ms: number; failed: boolean };
/** `onQuery` is off unless a caller passes it: no cost on the normal path. */
export type OpenOptions = { onQuery?: (e: QueryEvent) => void };

function kyselyLog(onQuery: OpenOptions["onQuery"]): KyselyConfig["log"] {
  if (!onQuery) return undefined;
  return (e) => onQuery({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis, failed: e.level === "error" });
}

// pg returns int8/numeric as strings; PGlite returns numbers. Map int8 (count(*))
// to a JS number once, here, so both engines give the same row shapes.
pg.types.setTypeParser(20, (v: string) => Number.parseInt(v, 10));

/**
 * The only place a database is opened. PGlite: one process per data dir (two
 * openers lose data silently), the same extensions every time, parent dirs
 * created first. PostgreSQL: a pool that survives server restarts.
 */
export async function openDb(config: DbConfig, opts: OpenOptions = {}): Promise<DbHandle> {
  if (config.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    if (config.dataDir) mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
    const pglite = await PGlite.create({
      dataDir: config.dataDir ?? undefined,
      extensions: { pg_trgm },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: kyselyLog(opts.onQuery) });
    let closed = false;
    return {
      db,
      kind: "pglite",
      close: async () => {
        if (closed) return;
        closed = true;
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }

  const connectTimeoutMs = config.connectTimeoutMs ?? 3000;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs ?? 10_000,
    // A request waiting on a table lock (a migration, a long maintenance
    // statement) gives up after 5 s (→ 503) instead of holding a pool client.
    lock_timeout: Math.min(5000, config.statementTimeoutMs ?? 10_000),
    query_timeout: (config.statementTimeoutMs ?? 10_000) + 2000,
  });
  // An idle client that loses its server emits 'error' on the pool; without a
  // listener Node would crash the process when PostgreSQL restarts.
  pool.on("error", (err) => {
    console.error(`[db] idle client error: ${err.message}`);
  });
  pool.on("connect", (client) => {
    client.on("error", (err) => {
      console.error(`[db] client error: ${err.message}`);
    });
  });
  // A request's pool waits share one connect timeout (pool-budget.ts).
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: budgetedPool(pool, connectTimeoutMs) }), log: kyselyLog(opts.onQuery) });
  let closed = false;
  return {
    db,
    kind: "postgres",
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

export function configFromEnv(env: { DATABASE_URL?: string; PGLITE_DIR?: string; DB_POOL_MAX?: number; DB_CONNECT_TIMEOUT_MS?: number; DB_STATEMENT_TIMEOUT_MS?: number }): DbConfig {
  if (env.DATABASE_URL) {
    return {
      kind: "postgres",
      url: env.DATABASE_URL,
      poolMax: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    };
  }
  return { kind: "pglite", dataDir: env.PGLITE_DIR ?? "data/pglite" };
}

export async function ping(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
