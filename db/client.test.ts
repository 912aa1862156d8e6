import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ping, configFromEnv, type DB } from "./client";
import { freshDb, withEachDb } from "./test-helpers";

it("configFromEnv picks PostgreSQL when DATABASE_URL is set, else PGlite under data/", () => {
  expect(configFromEnv({})).toEqual({ kind: "pglite", dataDir: "data/pglite" });
  expect(configFromEnv({ PGLITE_DIR: "data/x" })).toEqual({ kind: "pglite", dataDir: "data/x" });
  expect(configFromEnv({ DATABASE_URL: "postgres://u@h/db" })).toMatchObject({ kind: "postgres", url: "postgres://u@h/db" });
});

withEachDb("db client", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
  });
  afterAll(async () => {
    await close?.();
  });

  it("answers ping", async () => {
    expect(await ping(db)).toBe(true);
  });

  it("returns count(*) as a JS number", async () => {
    const row = await db.selectFrom("organizations").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
    expect(typeof row.n).toBe("number");
    const raw = await sql<{ n: unknown }>`select count(*) as n from generate_series(1, 3)`.execute(db);
    expect(raw.rows[0].n).toBe(3);
  });

  it("returns bigint columns as JS numbers", async () => {
    await db
      .insertInto("organizations")
      .values({ slug: "bigint-test", kind: "investor", name: "테스트", ticket_min_krw: 500_000_000, ticket_max_krw: 3_000_000_000, status: "verified" })
      .execute();
    const row = await db.selectFrom("organizations").select(["ticket_min_krw", "ticket_max_krw"]).where("slug", "=", "bigint-test").executeTakeFirstOrThrow();
    expect(row.ticket_min_krw).toBe(500_000_000);
    expect(row.ticket_max_krw).toBe(3_000_000_000);
    const raw = await sql<{ v: unknown }>`select 9007199254740::bigint as v`.execute(db);
    expect(raw.rows[0].v).toBe(9007199254740);
  });
});

it("ping reports false for a database that cannot be reached", async () => {
  const { openDb } = await import("./client");
  const h = await openDb({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none", connectTimeoutMs: 500 });
  try {
    expect(await ping(h.db)).toBe(false);
  } finally {
    await h.close();
  }
});
