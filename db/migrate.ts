import { Migrator, type MigrationResultSet } from "kysely/migration";
import type { DB } from "./client";
import { migrations } from "./migrations/index";

function migrator(db: DB) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

function check(result: MigrationResultSet) {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${String(result.error)}`);
  }
  return result.results ?? [];
}

export async function migrateToLatest(db: DB) {
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: DB) {
  return check(await migrator(db).migrateDown());
}
