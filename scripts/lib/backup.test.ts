/**
 * Restore drill: back up a seeded database, restore it into a fresh one and
 * compare every table's row count and a checksum of its ordered rows. PGlite
 * always; PostgreSQL too when TEST_DATABASE_URL is set (two throw-away databases).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type DB } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/seed";
import { backupPglite, backupPostgres, detectKind, restorePglite, restorePostgres } from "./backup";

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Row count and md5 of the rows in a stable order, for every table in public. */
export async function fingerprint(db: DB): Promise<Fingerprint> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Fingerprint = {};
  for (const { table_name } of tables) {
    const { rows } = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as h
      from ${sql.table(table_name)} t`.execute(db);
    out[table_name] = { rows: Number(rows[0].n), md5: rows[0].h };
  }
  return out;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "mb-backup-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function seeded(db: DB) {
  await migrateToLatest(db);
  await seedDemo(db);
}

function expectSame(a: Fingerprint, b: Fingerprint) {
  expect(Object.keys(b)).toEqual(Object.keys(a));
  const total = Object.values(a).reduce((s, t) => s + t.rows, 0);
  expect(total, "the seeded database has rows to compare").toBeGreaterThan(50);
  for (const [table, fp] of Object.entries(a)) expect(b[table], table).toEqual(fp);
}

describe("backup and restore (pglite)", () => {
  it("restores a data directory into a fresh one with identical tables, counts and checksums", async () => {
    const src = path.join(tmp, "src");
    const h = await openDb({ kind: "pglite", dataDir: src });
    await seeded(h.db);
    const before = await fingerprint(h.db);
    await h.close();

    const file = path.join(tmp, "pglite.tar.gz");
    await backupPglite(src, file);
    expect(detectKind(file)).toBe("pglite");

    const dst = path.join(tmp, "dst");
    await restorePglite(file, dst);
    const r = await openDb({ kind: "pglite", dataDir: dst });
    try {
      expectSame(before, await fingerprint(r.db));
      // The restored database works: the app can write to it.
      await sql`insert into taxonomy_terms (kind, code, label_ko, label_en) values ('tech_field', ${`restore-${randomBytes(3).toString("hex")}`}, '복구', 'restore')`.execute(r.db);
    } finally {
      await r.close();
    }
    // A non-empty target is never overwritten without --force.
    await expect(restorePglite(file, dst)).rejects.toThrow(/not empty/);
  }, 120_000);
});

const base = process.env.TEST_DATABASE_URL;
describe.skipIf(!base)("backup and restore (postgres)", () => {
  const names: string[] = [];
  const urlFor = (name: string) => {
    const u = new URL(base!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  async function admin(q: string) {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  }
  async function createDb() {
    const name = `mb_restore_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await admin(`CREATE DATABASE "${name}"`);
    names.push(name);
    return urlFor(name);
  }
  afterAll(async () => {
    for (const n of names) await admin(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  });

  it("pg_dump → pg_restore into a throw-away database gives identical tables, counts and checksums", async () => {
    const srcUrl = await createDb();
    const h = await openDb({ kind: "postgres", url: srcUrl, poolMax: 2 });
    let before: Fingerprint;
    try {
      await seeded(h.db);
      before = await fingerprint(h.db);
    } finally {
      await h.close();
    }
    const file = path.join(tmp, "pg.dump");
    await backupPostgres(srcUrl, file);
    expect(detectKind(file)).toBe("postgres");

    const dstUrl = await createDb();
    await restorePostgres(file, dstUrl);
    // Restoring again over the restored database (--clean --if-exists) is safe.
    await restorePostgres(file, dstUrl);
    const r = await openDb({ kind: "postgres", url: dstUrl, poolMax: 2 });
    try {
      expectSame(before, await fingerprint(r.db));
    } finally {
      await r.close();
    }
  }, 120_000);
});
