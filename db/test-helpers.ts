/**
 * Data-layer test helpers. Every data test runs on PGlite in memory, and on
 * PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each test file
 * gets its own PostgreSQL database so files running in parallel never share
 * rows; it is dropped when the file finishes.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe } from "vitest";
import { openDb, type DB, type DbConfig, type DbHandle } from "./client";
import { migrateToLatest } from "./migrate";

export type TestEngine = {
  /** "pglite" or "postgres": used in test names. */
  name: DbHandle["kind"];
  /** Opens a connection to a database of its own (a fresh PGlite, or this file's PostgreSQL database). */
  config: () => Promise<DbConfig>;
};

let pgDatabase: Promise<string> | null = null;
let pgDatabaseName: string | null = null;

function adminClient(url: string) {
  return new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
}

/** One throw-away PostgreSQL database per test file, created lazily and dropped in afterAll. */
function filePostgresUrl(baseUrl: string): Promise<string> {
  if (!pgDatabase) {
    pgDatabase = (async () => {
      const name = `mb_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
      const admin = adminClient(baseUrl);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      pgDatabaseName = name;
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    })();
  }
  return pgDatabase;
}

async function dropFileDatabase(baseUrl: string) {
  if (!pgDatabaseName) return;
  const name = pgDatabaseName;
  pgDatabaseName = null;
  pgDatabase = null;
  const admin = adminClient(baseUrl);
  await admin.connect();
  try {
    // WITH (FORCE) ends connections a failed test may have left open (PostgreSQL 13+).
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * The engines to run data-layer tests on. Call at module level of a test file
 * (it registers an afterAll that drops the file's PostgreSQL database).
 */
export function testDatabases(): TestEngine[] {
  const engines: TestEngine[] = [{ name: "pglite", config: async () => ({ kind: "pglite", dataDir: null }) }];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    // Registered at every call (the drop is idempotent), so the database is
    // dropped even when this is called inside a describe block.
    afterAll(() => dropFileDatabase(base));
    engines.push({
      name: "postgres",
      config: async () => ({ kind: "postgres", url: await filePostgresUrl(base), poolMax: 4 }),
    });
  }
  return engines;
}

/**
 * Opens the engine's database and migrates it to the latest version. On
 * PostgreSQL the file's database is shared by the tests in that file, so the
 * schema is wiped first: each call starts from an empty, fully migrated
 * database. Hold one handle at a time per file (a second freshDb on
 * PostgreSQL wipes the first one's tables); close it in afterEach/afterAll.
 */
export async function freshDb(engine: TestEngine, opts: { migrate?: boolean } = {}): Promise<{ db: DB; close: () => Promise<void> }> {
  const handle = await openDb(await engine.config());
  if (handle.kind === "postgres") await resetPostgresSchema(handle.db);
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  return { db: handle.db, close: handle.close };
}

async function resetPostgresSchema(db: DB) {
  const { sql } = await import("kysely");
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/**
 * `describe` once per engine: `withEachDb("users", (engine) => { it(...) })`.
 * Test names read "users (pglite)" / "users (postgres)".
 */
export function withEachDb(describeName: string, fn: (engine: TestEngine) => void) {
  const engines = testDatabases();
  describe.each(engines.map((e) => ({ engine: e, name: e.name })))(`${describeName} ($name)`, ({ engine }) => fn(engine));
}

/** A seeded organisation (by slug) and its owner's user id: the actor most data tests act as. */
export async function seedOwner(db: DB, slug: string): Promise<{ id: string; name: string; userId: string }> {
  const r = await db
    .selectFrom("organizations as o")
    .innerJoin("memberships as m", "m.org_id", "o.id")
    .select(["o.id", "o.name", "m.user_id"])
    .where("o.slug", "=", slug)
    .where("m.role", "=", "owner")
    .executeTakeFirstOrThrow();
  return { id: r.id, name: r.name, userId: r.user_id };
}
