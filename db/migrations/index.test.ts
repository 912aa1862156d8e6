import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { expect, it, afterEach } from "vitest";
import { migrateDown, migrateToLatest } from "../migrate";
import { freshDb, withEachDb } from "../test-helpers";
import { migrations } from "./index";

const dir = fileURLToPath(new URL(".", import.meta.url));

it("registers every migration file in the static index", () => {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && f !== "index.ts" && !/\.test\.(ts|js)$/.test(f))
    .map((f) => f.replace(/\.(ts|js)$/, ""))
    .sort();
  const missing = files.filter((f) => !(f in migrations));
  expect(missing, `files missing from db/migrations/index.ts: ${missing.join(", ")}`).toEqual([]);
  const stale = Object.keys(migrations).filter((k) => !files.includes(k));
  expect(stale, `index entries without a file: ${stale.join(", ")}`).toEqual([]);
});

it("names migrations so they sort in the order they were written", () => {
  const names = Object.keys(migrations);
  for (const n of names) expect(n).toMatch(/^\d{8}_\d{4}_[a-z0-9_]+$/);
  expect(new Set(names).size).toBe(names.length);
});

async function userTables(db: Parameters<typeof migrateToLatest>[0]) {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

withEachDb("migrations", (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("migrate up, down to zero, and up again", async () => {
    const h = await freshDb(engine, { migrate: false });
    close = h.close;
    const count = Object.keys(migrations).length;

    const up1 = await migrateToLatest(h.db);
    expect(up1.map((r) => r.status)).toEqual(Array(count).fill("Success"));
    const tables = await userTables(h.db);
    expect(tables.length).toBeGreaterThan(0);

    for (let i = 0; i < count; i++) {
      const down = await migrateDown(h.db);
      expect(down).toHaveLength(1);
      expect(down[0].status).toBe("Success");
    }
    expect(await userTables(h.db)).toEqual([]);

    const up2 = await migrateToLatest(h.db);
    expect(up2).toHaveLength(count);
    expect(await userTables(h.db)).toEqual(tables);

    // Already at the latest version: nothing to do.
    expect(await migrateToLatest(h.db)).toEqual([]);
  });
});
