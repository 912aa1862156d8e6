import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// Match fits kept in the database (issue #6): for every need its top 50
// companies and for every company its top 50 needs (likewise pitches ↔
// investors), written by the app's matching service when its in-memory index
// loads and rewritten incrementally when a need, profile, pitch or thesis
// changes. `parts` holds everything a page shows (each part's points, maximum,
// gate and reason in Korean and English, and the "what would raise the fit"
// suggestions in both languages), built from public text only.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("match_fits")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('need-company', 'pitch-investor')`))
    // need or pitch
    .addColumn("left_id", "uuid", (c) => c.notNull())
    // company or investor organisation
    .addColumn("right_id", "uuid", (c) => c.notNull())
    // the shown 0–100 score (one decimal)
    .addColumn("score", "double precision", (c) => c.notNull())
    .addColumn("parts", "jsonb", (c) => c.notNull())
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("match_fits_pkey", ["kind", "left_id", "right_id"])
    .execute();
  await sql`create index match_fits_left_idx on match_fits (kind, left_id, score desc, right_id)`.execute(db);
  await sql`create index match_fits_right_idx on match_fits (kind, right_id, score desc, left_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("match_fits").ifExists().execute();
}
