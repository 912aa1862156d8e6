import { sql, type Kysely } from "kysely";

// Frozen: never import app code here.
// Counting the /pitches list ("N건", every request of the page): published,
// visible pitches of verified companies. Both sides as index-only scans merged
// on the organisation id, instead of reading every pitch and organisation row
// (at scale ≈ 1 ms of database time instead of ≈ 8 ms).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index pitches_published_org_idx on pitches (org_id) where status = 'published' and hidden_at is null`.execute(db);
  await sql`create index organizations_verified_idx on organizations (id) where status = 'verified'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists organizations_verified_idx`.execute(db);
  await sql`drop index if exists pitches_published_org_idx`.execute(db);
}
