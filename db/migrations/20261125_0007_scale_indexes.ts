import { type Kysely, sql } from "kysely";

// Frozen: never import app code here.
// Indexes for tens of thousands of needs, companies, pitches and testbed offers.
//
// Short search words: a trigram index cannot serve ILIKE '%폐암%' (a 2-character
// pattern has no complete trigram), and two-syllable Korean words are the most
// common queries. `text_grams(text)` is every 1- and 2-character substring of
// the lower-cased text; a word occurs in the text only if all its grams are
// among the text's grams, so `search_grams @> array[grams of the word]` is an
// exact prefilter, served by a GIN index and estimated well by the planner
// (it cannot estimate ILIKE '%…%'); the ILIKE that follows stays the judge
// (same results, just indexed). The grams are a STORED generated column: the
// database keeps them in step with search_text on every write, and a query
// that filters on them never recomputes them.

/** What the anonymous pages (/, /needs, /needs/:id) are made of. */
const PUBLIC_PAGE_TABLES = ["organizations", "users", "needs", "need_terms", "program_calls"];

export async function up(db: Kysely<any>): Promise<void> {
  // plpgsql over string_to_array: linear in the text's length (substr() on
  // UTF-8 text is not, which made a plain SQL version 60× slower). Grams that
  // span a space are kept: no search word contains one. IMMUTABLE: lower() and
  // string_to_array() are.
  await sql`
    create or replace function text_grams(t text) returns text[]
    language plpgsql immutable strict parallel safe as $$
    declare
      c text[] := string_to_array(lower(t), null);
      grams text[] := c;
    begin
      for i in 1 .. coalesce(cardinality(c), 0) - 1 loop
        grams := grams || (c[i] || c[i + 1]);
      end loop;
      return grams;
    end
    $$`.execute(db);

  for (const table of ["needs", "pitches", "testbed_offers"]) {
    await sql`alter table ${sql.id(table)} add column search_grams text[] generated always as (text_grams(search_text)) stored`.execute(db);
    await sql`create index ${sql.id(`${table}_search_grams_idx`)} on ${sql.id(table)} using gin (search_grams)`.execute(db);
  }

  // Anonymous page cache (scripts/lib/http-cache.ts): one counter, bumped in
  // the same transaction as any write to what the public pages show, so a
  // cached render is used only while the data it was made from is unchanged
  // (across every server process: the counter lives in the database).
  await sql`create table page_generation (id integer primary key check (id = 1), n bigint not null default 0)`.execute(db);
  await sql`insert into page_generation (id, n) values (1, 0)`.execute(db);
  await sql`
    create or replace function bump_page_generation() returns trigger language plpgsql as $$
    begin
      update page_generation set n = n + 1 where id = 1;
      return null;
    end
    $$`.execute(db);
  for (const table of PUBLIC_PAGE_TABLES) {
    await sql`create trigger ${sql.id(`${table}_page_generation`)} after insert or update or delete or truncate on ${sql.id(table)} for each statement execute function bump_page_generation()`.execute(db);
  }

  // Public needs list: open and not hidden, newest first (the page walks this
  // index and stops after one page) or closing first.
  await sql`create index needs_open_newest_idx on needs (published_at desc nulls last, created_at desc, id) where status = 'open' and hidden_at is null`.execute(db);
  await sql`create index needs_open_closing_idx on needs (deadline asc nulls last, published_at desc, id) where status = 'open' and hidden_at is null`.execute(db);
  // Counting the open list ("N건"): an index-only scan instead of reading every row.
  await sql`create index needs_open_org_deadline_idx on needs (org_id, deadline) where status = 'open' and hidden_at is null`.execute(db);
  // A hospital's own needs, last edited first (dashboard).
  await db.schema.createIndex("needs_org_updated_idx").on("needs").columns(["org_id", "updated_at"]).execute();
  // A company's applications, last changed first (dashboard).
  await db.schema.createIndex("applications_company_updated_idx").on("applications").columns(["company_org_id", "updated_at"]).execute();
  // Landing counts and the verification queue: verified organisations by kind.
  await db.schema.createIndex("organizations_kind_status_idx").on("organizations").columns(["kind", "status"]).execute();
  // Published pitches and open testbed offers, newest first.
  await sql`create index pitches_published_newest_idx on pitches (published_at desc nulls last, id) where status = 'published' and hidden_at is null`.execute(db);
  await sql`create index testbed_offers_open_newest_idx on testbed_offers (published_at desc nulls last, id) where status = 'open' and hidden_at is null`.execute(db);
  // Foreign keys looked up from the parent side (cascades and "who applied with this pitch").
  await db.schema.createIndex("pitches_deck_idx").on("pitches").column("deck_attachment_id").execute();
  await db.schema.createIndex("testbed_requests_offer_idx").on("testbed_requests").columns(["offer_id", "status"]).execute();
  await db.schema.createIndex("meeting_requests_pitch_idx").on("meeting_requests").columns(["pitch_id", "status"]).execute();
  await db.schema.createIndex("event_applications_event_idx").on("event_applications").columns(["event_id", "status"]).execute();
  await db.schema.createIndex("pitch_bookmarks_org_idx").on("pitch_bookmarks").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("nda_acceptances_org_idx").on("nda_acceptances").column("org_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "nda_acceptances_org_idx",
    "pitch_bookmarks_org_idx",
    "event_applications_event_idx",
    "meeting_requests_pitch_idx",
    "testbed_requests_offer_idx",
    "pitches_deck_idx",
    "testbed_offers_open_newest_idx",
    "pitches_published_newest_idx",
    "organizations_kind_status_idx",
    "applications_company_updated_idx",
    "needs_org_updated_idx",
    "needs_open_org_deadline_idx",
    "needs_open_closing_idx",
    "needs_open_newest_idx",
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  for (const table of ["needs", "pitches", "testbed_offers"]) {
    await db.schema.alterTable(table).dropColumn("search_grams").execute();
  }
  await sql`drop function if exists text_grams(text)`.execute(db);
  for (const table of PUBLIC_PAGE_TABLES) await sql`drop trigger if exists ${sql.id(`${table}_page_generation`)} on ${sql.id(table)}`.execute(db);
  await sql`drop function if exists bump_page_generation()`.execute(db);
  await sql`drop table if exists page_generation`.execute(db);
}
