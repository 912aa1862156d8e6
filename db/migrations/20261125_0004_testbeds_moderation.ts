import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// Testbeds (가늠터): hospital offers, company requests through to a completed,
// hospital-confirmed outcome; verified track-record entries; certification
// readiness per company (evidence PDF in `attachments`, operator verification).
// Moderation: who hid a need or message, and why.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("testbed_offers")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','open','closed')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("equipment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity between 1 and 1000`))
    .addColumn("period_start", "date")
    .addColumn("period_end", "date")
    // not-required, required, in-review, approved
    .addColumn("irb_status", "text", (c) => c.notNull().defaultTo("not-required"))
    .addColumn("cost_support", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("hidden_by", "uuid", (c) => c.references("users.id"))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("testbed_offers_org_idx").on("testbed_offers").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("testbed_offers_status_idx").on("testbed_offers").columns(["status", "published_at"]).execute();
  await sql`create index testbed_offers_search_trgm_idx on testbed_offers using gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("testbed_offer_terms")
    .addColumn("offer_id", "uuid", (c) => c.notNull().references("testbed_offers.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("testbed_offer_terms_pk", ["offer_id", "kind", "code"])
    .execute();
  await db.schema.createIndex("testbed_offer_terms_code_idx").on("testbed_offer_terms").columns(["kind", "code"]).execute();

  await db.schema
    .createTable("testbed_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("offer_id", "uuid", (c) => c.notNull().references("testbed_offers.id").onDelete("cascade"))
    .addColumn("hospital_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("company_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("requested_by", "uuid", (c) => c.references("users.id"))
    .addColumn("plan", "text", (c) => c.notNull())
    .addColumn("preferred_start", "date")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("requested").check(sql`status in ('requested','approved','declined','in-progress','completed','withdrawn')`),
    )
    .addColumn("decline_reason", "text")
    .addColumn("decline_note", "text")
    .addColumn("outcome", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("started_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .addColumn("confirmed_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("testbed_requests_company_idx").on("testbed_requests").columns(["company_org_id", "status"]).execute();
  await db.schema.createIndex("testbed_requests_hospital_idx").on("testbed_requests").columns(["hospital_org_id", "status"]).execute();
  // One live request per company per offer (a declined or withdrawn one may be followed by a new one).
  await sql`create unique index testbed_requests_one_live on testbed_requests (offer_id, company_org_id) where status not in ('declined','withdrawn')`.execute(db);

  // Verified track record: written when a hospital confirms a completed testbed.
  await db.schema
    .createTable("track_records")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("testbed"))
    .addColumn("testbed_request_id", "uuid", (c) => c.unique().references("testbed_requests.id").onDelete("cascade"))
    .addColumn("hospital_org_id", "uuid", (c) => c.references("organizations.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("completed_on", "date", (c) => c.notNull())
    .addColumn("verified_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("track_records_org_idx").on("track_records").columns(["org_id", "completed_on"]).execute();

  await db.schema
    .createTable("org_certifications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('planned','in-progress','obtained')`))
    .addColumn("status_on", "date")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_attachment_id", "uuid", (c) => c.references("attachments.id").onDelete("set null"))
    .addColumn("verified_at", "timestamptz")
    .addColumn("verified_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("org_certifications_once", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("org_certifications_verify_idx").on("org_certifications").columns(["status", "verified_at"]).execute();

  for (const t of ["needs", "messages"]) {
    await db.schema.alterTable(t).addColumn("hidden_reason", "text").execute();
    await db.schema.alterTable(t).addColumn("hidden_by", "uuid", (c) => c.references("users.id")).execute();
  }
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_org_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_actor_idx").ifExists().execute();
  for (const t of ["needs", "messages"]) {
    await db.schema.alterTable(t).dropColumn("hidden_by").execute();
    await db.schema.alterTable(t).dropColumn("hidden_reason").execute();
  }
  for (const t of ["org_certifications", "track_records", "testbed_requests", "testbed_offer_terms", "testbed_offers"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
