import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// Always-on R&D: program calls, clinical needs (public summary + confidential
// details behind a versioned NDA), applications with review states, message
// threads, attachments (stored outside public/), in-app notifications.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("program_calls")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("eligibility", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("budget_krw", "bigint")
    .addColumn("starts_on", "date")
    .addColumn("ends_on", "date")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open','closed')`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("needs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','open','closed','matched')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("trl_min", "integer", (c) => c.check(sql`trl_min between 1 and 9`))
    .addColumn("trl_max", "integer", (c) => c.check(sql`trl_max between 1 and 9`))
    .addColumn("budget_min_krw", "bigint")
    .addColumn("budget_max_krw", "bigint")
    .addColumn("duration_months", "integer")
    .addColumn("deadline", "date")
    .addColumn("program_call_id", "uuid", (c) => c.references("program_calls.id").onDelete("set null"))
    .addColumn("adoption_payer", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("adoption_route", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("adoption_reimbursement", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("nda_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("nda_text", "text", (c) => c.notNull().defaultTo(""))
    // Public words only (title, summary, vocabulary labels): what search may match.
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("published_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("needs_org_idx").on("needs").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("needs_status_published_idx").on("needs").columns(["status", "published_at"]).execute();
  await db.schema.createIndex("needs_deadline_idx").on("needs").columns(["status", "deadline"]).execute();
  await db.schema.createIndex("needs_call_idx").on("needs").column("program_call_id").execute();
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index needs_search_trgm_idx on needs using gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("need_terms")
    .addColumn("need_id", "uuid", (c) => c.notNull().references("needs.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("need_terms_pk", ["need_id", "kind", "code"])
    .execute();
  await db.schema.createIndex("need_terms_code_idx").on("need_terms").columns(["kind", "code"]).execute();

  await db.schema
    .createTable("nda_acceptances")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("need_id", "uuid", (c) => c.notNull().references("needs.id").onDelete("cascade"))
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("nda_version", "integer", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("nda_acceptances_once", ["need_id", "org_id", "nda_version"])
    .execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("need_id", "uuid", (c) => c.notNull().references("needs.id").onDelete("cascade"))
    .addColumn("company_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("submitted_by", "uuid", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("submitted").check(sql`status in ('submitted','shortlisted','accepted','declined','withdrawn')`),
    )
    .addColumn("approach", "text", (c) => c.notNull())
    .addColumn("team", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("trl", "integer", (c) => c.check(sql`trl between 1 and 9`))
    .addColumn("budget_krw", "bigint")
    .addColumn("timeline", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decline_reason", "text")
    .addColumn("decline_note", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("first_response_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // One application per company per need: the database decides races and double submits.
    .addUniqueConstraint("applications_once", ["need_id", "company_org_id"])
    .execute();
  await db.schema.createIndex("applications_company_idx").on("applications").columns(["company_org_id", "created_at"]).execute();
  await db.schema.createIndex("applications_need_idx").on("applications").columns(["need_id", "status"]).execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id"))
    .addColumn("author_org_id", "uuid", (c) => c.notNull().references("organizations.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("hidden_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("messages_application_idx").on("messages").columns(["application_id", "created_at"]).execute();

  await db.schema
    .createTable("attachments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("owner_org_id", "uuid", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("uploaded_by", "uuid", (c) => c.references("users.id"))
    .addColumn("application_id", "uuid", (c) => c.references("applications.id").onDelete("cascade"))
    .addColumn("message_id", "uuid", (c) => c.references("messages.id").onDelete("cascade"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("content_type", "text", (c) => c.notNull().defaultTo("application/pdf"))
    .addColumn("size_bytes", "bigint", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("attachments_application_idx").on("attachments").column("application_id").execute();
  await db.schema.createIndex("attachments_message_idx").on("attachments").column("message_id").execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("link", "text", (c) => c.notNull().defaultTo("/"))
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "read_at", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["notifications", "attachments", "messages", "applications", "nda_acceptances", "need_terms", "needs", "program_calls"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
