import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// More idempotent create forms (see 20261125_0005_idempotency.ts): the create
// form carries a random submission id rendered by its loader; the partial
// unique index turns a double click, a retry or a resend after an outage into
// "the row that already exists". Scoped by the creating organisation (pitches,
// testbed offers) or by the deal (notes); events and programme calls are
// created by platform operators only, so the id alone is the scope.
// Every other create action already has a natural key (applications_once,
// meeting_requests_one_pending, event_applications_once, event_ratings_once,
// event_investors_pk, testbed_requests_one_live, deals_once, pitch_bookmarks
// primary key, nda_acceptances, org_certifications_once, users email).

const TABLES: { table: string; index: string; scope: string[] }[] = [
  { table: "pitches", index: "pitches_submission_once", scope: ["org_id"] },
  { table: "pitch_events", index: "pitch_events_submission_once", scope: [] },
  { table: "testbed_offers", index: "testbed_offers_submission_once", scope: ["org_id"] },
  { table: "program_calls", index: "program_calls_submission_once", scope: [] },
  { table: "deal_notes", index: "deal_notes_submission_once", scope: ["deal_id"] },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.alterTable(t.table).addColumn("submission_id", "uuid").execute();
    const cols = [...t.scope, "submission_id"].map((c) => sql.ref(c));
    await sql`create unique index ${sql.ref(t.index)} on ${sql.table(t.table)} (${sql.join(cols)}) where submission_id is not null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [...TABLES].reverse()) {
    await sql`drop index if exists ${sql.ref(t.index)}`.execute(db);
    await db.schema.alterTable(t.table).dropColumn("submission_id").execute();
  }
}
