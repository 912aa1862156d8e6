import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// "나는 바이오벤처다": pitches (with a deck PDF from `attachments`), investor
// bookmarks and views, meeting requests with up to three slots, each investor
// organisation's deal pipeline with private notes, and pitch events (rounds)
// with applications, a selected cohort, registered investors and ratings.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pitches")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','published','archived')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("one_liner", "text", (c) => c.notNull())
    .addColumn("problem", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("solution", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("market", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("traction", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("team", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ask_krw", "bigint", (c) => c.check(sql`ask_krw >= 0`))
    // Funding round code (see app/modules/pitches): pre-seed, seed, pre-a, series-a, series-b, series-c.
    .addColumn("round", "text")
    .addColumn("trl", "integer", (c) => c.check(sql`trl between 1 and 9`))
    .addColumn("deck_attachment_id", "uuid", (c) => c.references("attachments.id").onDelete("set null"))
    // Words investors may search: title, one-liner, vocabulary labels, company name.
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("hidden_by", "uuid", (c) => c.references("users.id"))
    .addColumn("published_at", "timestamptz")
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("pitches_org_idx").on("pitches").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("pitches_status_published_idx").on("pitches").columns(["status", "published_at"]).execute();
  await sql`create index pitches_search_trgm_idx on pitches using gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("pitch_terms")
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pitch_terms_pk", ["pitch_id", "kind", "code"])
    .execute();
  await db.schema.createIndex("pitch_terms_code_idx").on("pitch_terms").columns(["kind", "code"]).execute();

  await db.schema
    .createTable("pitch_bookmarks")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("pitch_bookmarks_pk", ["user_id", "pitch_id"])
    .execute();
  await db.schema.createIndex("pitch_bookmarks_pitch_idx").on("pitch_bookmarks").column("pitch_id").execute();

  // One row per investor organisation per pitch per day: "pitch views" for the founder.
  await db.schema
    .createTable("pitch_views")
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("day", "date", (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn("first_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("pitch_views_pk", ["pitch_id", "org_id", "day"])
    .execute();

  await db.schema
    .createTable("meeting_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("company_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("investor_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("requested_by", "uuid", (c) => c.references("users.id"))
    .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("slot_1", "timestamptz", (c) => c.notNull())
    .addColumn("slot_2", "timestamptz")
    .addColumn("slot_3", "timestamptz")
    .addColumn("duration_minutes", "integer", (c) => c.notNull().defaultTo(60).check(sql`duration_minutes between 15 and 480`))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','accepted','declined','cancelled')`))
    .addColumn("accepted_slot", "integer", (c) => c.check(sql`accepted_slot between 1 and 3`))
    .addColumn("decline_reason", "text")
    .addColumn("decline_note", "text")
    .addColumn("responded_by", "uuid", (c) => c.references("users.id"))
    .addColumn("responded_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("meeting_requests_company_idx").on("meeting_requests").columns(["company_org_id", "status"]).execute();
  await db.schema.createIndex("meeting_requests_investor_idx").on("meeting_requests").columns(["investor_org_id", "status"]).execute();
  // One open request per investor organisation per pitch: double submits store one row.
  await sql`create unique index meeting_requests_one_pending on meeting_requests (pitch_id, investor_org_id) where status = 'pending'`.execute(db);

  await db.schema
    .createTable("deals")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("investor_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("company_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) =>
      c.notNull().defaultTo("watching").check(sql`stage in ('watching','meeting','due-diligence','committed','invested','passed')`),
    )
    .addColumn("committed_krw", "bigint", (c) => c.check(sql`committed_krw >= 0`))
    .addColumn("invested_krw", "bigint", (c) => c.check(sql`invested_krw >= 0`))
    .addColumn("invested_on", "date")
    .addColumn("pass_reason", "text")
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("deals_once", ["investor_org_id", "pitch_id"])
    .execute();
  await db.schema.createIndex("deals_company_idx").on("deals").column("company_org_id").execute();
  await db.schema.createIndex("deals_pitch_idx").on("deals").column("pitch_id").execute();

  // Stage history: the pipeline's audit trail and the operator's funnel figures.
  await db.schema
    .createTable("deal_stage_changes")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("deal_id", "uuid", (c) => c.notNull().references("deals.id").onDelete("cascade"))
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("changed_by", "uuid", (c) => c.references("users.id"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("deal_stage_changes_deal_idx").on("deal_stage_changes").columns(["deal_id", "at"]).execute();

  // Private to the investor organisation: never shown to the company.
  await db.schema
    .createTable("deal_notes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("deal_id", "uuid", (c) => c.notNull().references("deals.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("deal_notes_deal_idx").on("deal_notes").columns(["deal_id", "created_at"]).execute();

  await db.schema
    .createTable("pitch_events")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("online", "boolean", (c) => c.notNull().defaultTo(false))
    // Funding round codes the round is for (same codes as pitches.round); empty = any.
    .addColumn("stage_focus", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("apply_opens_on", "date", (c) => c.notNull())
    .addColumn("apply_closes_on", "date", (c) => c.notNull())
    .addColumn("cohort_size", "integer", (c) => c.check(sql`cohort_size between 1 and 100`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('draft','open','closed')`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("pitch_events_starts_idx").on("pitch_events").column("starts_at").execute();

  await db.schema
    .createTable("event_applications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("company_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("applied_by", "uuid", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("applied").check(sql`status in ('applied','selected','not-selected','withdrawn')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("decided_at", "timestamptz")
    .addUniqueConstraint("event_applications_once", ["event_id", "company_org_id"])
    .execute();
  await db.schema.createIndex("event_applications_pitch_idx").on("event_applications").column("pitch_id").execute();

  await db.schema
    .createTable("event_investors")
    .addColumn("event_id", "uuid", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("registered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_investors_pk", ["event_id", "user_id"])
    .execute();

  // The founder sees averages and comments, never who rated.
  await db.schema
    .createTable("event_ratings")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("pitch_events.id").onDelete("cascade"))
    .addColumn("pitch_id", "uuid", (c) => c.notNull().references("pitches.id").onDelete("cascade"))
    .addColumn("rater_user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("rater_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("team", "integer", (c) => c.notNull().check(sql`team between 1 and 5`))
    .addColumn("technology", "integer", (c) => c.notNull().check(sql`technology between 1 and 5`))
    .addColumn("market", "integer", (c) => c.notNull().check(sql`market between 1 and 5`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("event_ratings_once", ["event_id", "pitch_id", "rater_user_id"])
    .execute();
  await db.schema.createIndex("event_ratings_pitch_idx").on("event_ratings").columns(["pitch_id", "event_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "event_ratings",
    "event_investors",
    "event_applications",
    "pitch_events",
    "deal_notes",
    "deal_stage_changes",
    "deals",
    "meeting_requests",
    "pitch_views",
    "pitch_bookmarks",
    "pitch_terms",
    "pitches",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
