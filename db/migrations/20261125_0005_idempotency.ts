import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// Idempotent form submits for create actions without a natural key: the form
// carries a random submission id (rendered by the loader); the unique index
// turns a double click, a retry after a timeout or a resend after a database
// outage into "the row that already exists". Scoped by organisation (needs) or
// by thread (messages) so one party's ids can never collide with another's.
// Applications need none: one per company and need (applications_once).
// Invitations: at most one pending (not accepted) invitation per organisation
// and e-mail, so two owners clicking "invite" at once send one invitation.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("needs").addColumn("submission_id", "uuid").execute();
  await sql`create unique index needs_submission_once on needs (org_id, submission_id) where submission_id is not null`.execute(db);
  await db.schema.alterTable("messages").addColumn("submission_id", "uuid").execute();
  await sql`create unique index messages_submission_once on messages (application_id, submission_id) where submission_id is not null`.execute(db);
  // Older duplicates (none in practice) would block the index: keep the newest pending one.
  await sql`delete from invitations i using invitations j
            where i.accepted_at is null and j.accepted_at is null and i.org_id = j.org_id and i.email = j.email
              and (i.created_at, i.id) < (j.created_at, j.id)`.execute(db);
  await sql`create unique index invitations_one_pending on invitations (org_id, email) where accepted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists invitations_one_pending`.execute(db);
  await sql`drop index if exists messages_submission_once`.execute(db);
  await db.schema.alterTable("messages").dropColumn("submission_id").execute();
  await sql`drop index if exists needs_submission_once`.execute(db);
  await db.schema.alterTable("needs").dropColumn("submission_id").execute();
}
