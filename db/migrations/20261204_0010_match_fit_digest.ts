import type { Kysely } from "kysely";

// Frozen: never import app code here.
// A digest of each match fit's content (score and parts as the app wrote them):
// a restarted app reads the digests instead of rewriting every fit (at scale,
// half a million rows), and writes only the fits whose content moved.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("match_fits").addColumn("digest", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("match_fits").dropColumn("digest").execute();
}
