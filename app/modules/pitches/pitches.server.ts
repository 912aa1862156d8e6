import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { OrgViewer } from "~/modules/auth/viewer";
import type { PitchStatus } from "../../../db/schema";
import { termsFromJson, termsJson } from "../../../db/queries/terms";
import { containsAny } from "../../../db/queries/text-search";
import { audit } from "~/modules/audit/audit.server";
import { refreshPitch } from "~/modules/matching/service.server";
import { searchTokens } from "~/modules/needs/search";
import { discardFiles, type StoredFile } from "~/modules/uploads/uploads.server";
import { isUniqueViolation } from "~/utils/submission.server";
import type { PitchInput, PitchListQuery, PitchStatusIntent } from "./schemas";
import { buildPitchSearchText } from "./search-text";
import { signalCondition, signalsForCompanies, type ValidationSignals } from "./signals.server";

/**
 * Pitches ("나는 바이오벤처다"): a verified company's funding pitch. Who may
 * read one is decided here (canSeePitch) and nowhere else:
 * - drafts: the owning company only;
 * - hidden by an operator: the owner and operators;
 * - otherwise: the owner, operators, and verified investors (published or archived).
 * Everyone else gets 404. The list, search and recommendations show only
 * published, non-hidden pitches of verified companies.
 */

export const PAGE_SIZE = 12;

export type PitchActor = { userId: string; orgId: string; orgStatus: string };
export type PitchViewer = OrgViewer | null;

const TERM_FIELDS = [
  ["techFields", "tech_field"],
  ["clinicalAreas", "clinical_area"],
] as const;

function termRows(input: PitchInput) {
  return TERM_FIELDS.flatMap(([field, kind]) => input[field].map((code) => ({ kind, code })));
}

const clean = (s: string) => s.replace(/\u0000/g, "");
const num = (v: number | string | null) => (v === null ? null : Number(v));

async function orgNames(db: DB, orgId: string) {
  return db.selectFrom("organizations").select(["name", "name_en"]).where("id", "=", orgId).executeTakeFirstOrThrow();
}

/** The columns a form may write, built one by one (no mass assignment). */
function columns(input: PitchInput, org: { name: string; name_en: string | null }) {
  const title = clean(input.title);
  const oneLiner = clean(input.oneLiner);
  return {
    title,
    one_liner: oneLiner,
    problem: clean(input.problem),
    solution: clean(input.solution),
    market: clean(input.market),
    traction: clean(input.traction),
    team: clean(input.team),
    ask_krw: input.askKrw,
    round: input.round,
    trl: input.trl ?? null,
    search_text: buildPitchSearchText({ title, oneLiner, round: input.round, terms: termRows(input), companyName: org.name, companyNameEn: org.name_en }),
  };
}

export type SavePitchResult = { ok: true; id: string } | { ok: false; field: string; message: string };

const UNVERIFIED: SavePitchResult = { ok: false, field: "", message: "pitches:validation.unverified" };

async function insertDeck(trx: DB, actor: PitchActor, deck: StoredFile): Promise<string> {
  const row = await trx
    .insertInto("attachments")
    .values({
      owner_org_id: actor.orgId,
      uploaded_by: actor.userId,
      filename: deck.filename,
      storage_key: deck.storageKey,
      content_type: "application/pdf",
      size_bytes: deck.sizeBytes,
      sha256: deck.sha256,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new pitch (draft, or published at once when the company is verified). */
export async function createPitch(
  db: DB,
  actor: PitchActor,
  input: PitchInput,
  deck: StoredFile | null,
  opts: { publish: boolean; submissionId?: string | null },
): Promise<SavePitchResult> {
  if (opts.publish && actor.orgStatus !== "verified") {
    if (deck) await discardFiles([deck]);
    return UNVERIFIED;
  }
  // With the form's idempotency token a resent form lands on the pitch it already created.
  const submissionId = opts.submissionId ?? null;
  const existing = async () =>
    submissionId ? await db.selectFrom("pitches").select("id").where("org_id", "=", actor.orgId).where("submission_id", "=", submissionId).executeTakeFirst() : undefined;
  const before = await existing();
  if (before) {
    if (deck) await discardFiles([deck]);
    return { ok: true, id: before.id };
  }
  const org = await orgNames(db, actor.orgId);
  let saved: SavePitchResult;
  try {
    saved = await db.transaction().execute(async (trx) => {
      const deckId = deck ? await insertDeck(trx, actor, deck) : null;
      const now = new Date();
      const row = await trx
        .insertInto("pitches")
        .values({
          ...columns(input, org),
          org_id: actor.orgId,
          author_id: actor.userId,
          status: opts.publish ? "published" : "draft",
          published_at: opts.publish ? now : null,
          deck_attachment_id: deckId,
          submission_id: submissionId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const terms = termRows(input);
      if (terms.length) await trx.insertInto("pitch_terms").values(terms.map((t) => ({ ...t, pitch_id: row.id }))).execute();
      return { ok: true as const, id: row.id };
    });
  } catch (err) {
    if (deck) await discardFiles([deck]);
    const race = submissionId && isUniqueViolation(err) ? await existing() : undefined;
    if (race) return { ok: true, id: race.id };
    throw err;
  }
  await refreshPitch(db, saved.id);
  return saved;
}

/** Saves the form on the organisation's own pitch; a new deck replaces the old one. null: not theirs (→ 404). */
export async function updatePitch(db: DB, actor: PitchActor, pitchId: string, input: PitchInput, deck: StoredFile | null): Promise<SavePitchResult | null> {
  const org = await orgNames(db, actor.orgId);
  let replaced: { storage_key: string } | null = null;
  let saved: SavePitchResult | null;
  try {
    saved = await db.transaction().execute(async (trx) => {
      const cur = await trx.selectFrom("pitches").select(["id", "deck_attachment_id"]).where("id", "=", pitchId).where("org_id", "=", actor.orgId).forUpdate().executeTakeFirst();
      if (!cur) return null;
      let deckId = cur.deck_attachment_id;
      if (deck) {
        deckId = await insertDeck(trx, actor, deck);
        if (cur.deck_attachment_id) {
          replaced =
            (await trx.deleteFrom("attachments").where("id", "=", cur.deck_attachment_id).where("owner_org_id", "=", actor.orgId).returning("storage_key").executeTakeFirst()) ?? null;
        }
      }
      await trx
        .updateTable("pitches")
        .set({ ...columns(input, org), deck_attachment_id: deckId, updated_at: new Date() })
        .where("id", "=", pitchId)
        .where("org_id", "=", actor.orgId)
        .execute();
      await trx.deleteFrom("pitch_terms").where("pitch_id", "=", pitchId).execute();
      const terms = termRows(input);
      if (terms.length) await trx.insertInto("pitch_terms").values(terms.map((t) => ({ ...t, pitch_id: pitchId }))).execute();
      return { ok: true as const, id: pitchId };
    });
  } catch (err) {
    if (deck) await discardFiles([deck]);
    throw err;
  }
  if (!saved && deck) await discardFiles([deck]);
  const old = replaced as { storage_key: string } | null;
  if (old) await discardFiles([{ storageKey: old.storage_key } as StoredFile]);
  if (saved?.ok) await refreshPitch(db, pitchId);
  return saved;
}

const TRANSITIONS: Record<PitchStatusIntent, { from: PitchStatus[]; to: PitchStatus }> = {
  publish: { from: ["draft", "archived"], to: "published" },
  archive: { from: ["published"], to: "archived" },
};

/** null: not this organisation's pitch (→ 404); "bad": not allowed from the current status. */
export async function changePitchStatus(db: DB, actor: PitchActor, pitchId: string, intent: PitchStatusIntent): Promise<"ok" | "bad" | "unverified" | null> {
  const r = await db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom("pitches").select(["status", "published_at"]).where("id", "=", pitchId).where("org_id", "=", actor.orgId).forUpdate().executeTakeFirst();
    if (!cur) return null;
    const tr = TRANSITIONS[intent];
    if (!tr.from.includes(cur.status)) return "bad" as const;
    if (tr.to === "published" && actor.orgStatus !== "verified") return "unverified" as const;
    const now = new Date();
    await trx
      .updateTable("pitches")
      .set({
        status: tr.to,
        updated_at: now,
        published_at: tr.to === "published" ? (cur.published_at ?? now) : cur.published_at,
        archived_at: tr.to === "archived" ? now : null,
      })
      .where("id", "=", pitchId)
      .execute();
    return "ok" as const;
  });
  if (r === "ok") await refreshPitch(db, pitchId);
  return r;
}

type Visible = { org_id: string; status: PitchStatus; hidden_at: Date | null };

/** The one place that decides who may read a pitch and its deck. */
export function canSeePitch(p: Visible, viewer: PitchViewer): boolean {
  if (!viewer) return false;
  if (viewer.orgId === p.org_id) return true;
  if (p.status === "draft") return false;
  if (viewer.orgKind === "operator") return true;
  if (p.hidden_at) return false;
  return viewer.orgKind === "investor" && viewer.orgStatus === "verified";
}

/** Who may browse /pitches: verified investors and operators (companies see their own list). */
export function canBrowse(viewer: NonNullable<PitchViewer>): boolean {
  return viewer.orgKind === "operator" || (viewer.orgKind === "investor" && viewer.orgStatus === "verified");
}

/**
 * Published pitches of verified companies, filtered, searched, sorted and paged.
 * Hidden ones are left out, except for operators (`includeHidden`, moderation).
 */
export async function listPitches(db: DB, f: Partial<PitchListQuery>, opts: { rank?: Map<string, number>; includeHidden?: boolean; pageSize?: number } = {}) {
  const { rank, pageSize = PAGE_SIZE } = opts;
  let base = db
    .selectFrom("pitches as p")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .where("p.status", "=", "published")
    .where("o.status", "=", "verified");
  if (!opts.includeHidden) base = base.where("p.hidden_at", "is", null);
  const term = (kind: string, code: string | undefined) => {
    if (!code) return;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom("pitch_terms as t").select(sql`1`.as("one")).whereRef("t.pitch_id", "=", "p.id").where("t.kind", "=", kind).where("t.code", "=", code)),
    );
  };
  term("tech_field", f.field);
  term("clinical_area", f.area);
  if (f.round) base = base.where("p.round", "=", f.round);
  if (f.askMin !== undefined) base = base.where("p.ask_krw", ">=", f.askMin);
  if (f.askMax !== undefined) base = base.where("p.ask_krw", "<=", f.askMax);
  if (f.signal) base = base.where(signalCondition(f.signal, "p.org_id"));
  if (f.stage) base = base.where("o.growth_stage", "=", f.stage);
  for (const group of searchTokens(f.q)) {
    // AND across tokens, OR across a token's variants; any length works ("폐암"), wildcards are
    // literal; the search_grams GIN index prefilters, the ILIKE decides (see text-search.ts).
    base = base.where(containsAny("p.search_text", group));
  }
  const counted = () => base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const page = Math.max(1, f.page ?? 1);
  let pageIds: string[] | null = null;
  if (f.sort === "match" && rank) {
    const ids = (await base.select(["p.id", "p.published_at"]).execute()).map((r) => r.id);
    ids.sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0) || (a < b ? -1 : 1));
    pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
  }
  let q = base.select([
    "p.id",
    "p.title",
    "p.one_liner",
    "p.ask_krw",
    "p.round",
    "p.trl",
    "p.published_at",
    "p.hidden_at",
    "p.org_id",
    "o.name as org_name",
    "o.name_en as org_name_en",
    termsJson("pitch_terms", "pitch_id", "p.id").as("term_pairs"),
  ]);
  q =
    f.sort === "ask-low"
      ? q.orderBy(sql`p.ask_krw asc nulls last`)
      : f.sort === "ask-high"
        ? q.orderBy(sql`p.ask_krw desc nulls last`)
        : q;
  q = q.orderBy(sql`p.published_at desc nulls last`).orderBy("p.id");
  // The count and the page side by side (each on its own pool connection); the page's terms come with its rows.
  let rows;
  let total: number;
  if (pageIds) {
    const order = new Map(pageIds.map((id, i) => [id, i]));
    const [c, found] = await Promise.all([counted(), pageIds.length ? q.where("p.id", "in", pageIds).execute() : Promise.resolve([])]);
    total = Number(c.n);
    rows = found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  } else {
    const [c, found] = await Promise.all([counted(), q.limit(pageSize).offset((page - 1) * pageSize).execute()]);
    total = Number(c.n);
    rows = found;
  }
  const signals = await signalsForCompanies(db, [...new Set(rows.map((r) => r.org_id))]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map(({ org_id, hidden_at, term_pairs, ...r }) => ({ ...r, hidden: hidden_at !== null, ask_krw: num(r.ask_krw), terms: termsFromJson(term_pairs), signals: signals.get(org_id)! })),
  };
}

/** Everything about one pitch (the route decides who may see it with canSeePitch). */
export async function getPitch(db: DB, id: string) {
  const row = await db
    .selectFrom("pitches as p")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .leftJoin("attachments as a", "a.id", "p.deck_attachment_id")
    .select([
      "p.id",
      "p.org_id",
      "p.status",
      "p.title",
      "p.one_liner",
      "p.problem",
      "p.solution",
      "p.market",
      "p.traction",
      "p.team",
      "p.ask_krw",
      "p.round",
      "p.trl",
      "p.hidden_at",
      "p.published_at",
      "p.archived_at",
      "p.updated_at",
      "o.name as org_name",
      "o.name_en as org_name_en",
      "o.slug as org_slug",
      "a.id as deck_id",
      "a.filename as deck_filename",
      "a.size_bytes as deck_size",
      termsJson("pitch_terms", "pitch_id", "p.id").as("term_pairs"),
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const signals = (await signalsForCompanies(db, [row.org_id])).get(row.org_id)!;
  const { term_pairs, ...rest } = row;
  return { ...rest, ask_krw: num(row.ask_krw), deck_size: row.deck_size === null ? null : Number(row.deck_size), terms: termsFromJson(term_pairs), signals };
}

/** The edit form's values: only for the owning organisation. */
export async function getPitchForEdit(db: DB, id: string, orgId: string) {
  const p = await getPitch(db, id);
  return p && p.org_id === orgId ? p : null;
}

/** The deck of a pitch the viewer may see (null → 404). */
export async function getDeck(db: DB, pitchId: string, viewer: PitchViewer) {
  const p = await db
    .selectFrom("pitches as p")
    .innerJoin("attachments as a", "a.id", "p.deck_attachment_id")
    .select(["p.id", "p.org_id", "p.status", "p.hidden_at", "a.id as attachment_id", "a.filename", "a.storage_key"])
    .where("p.id", "=", pitchId)
    .executeTakeFirst();
  if (!p || !canSeePitch(p, viewer)) return null;
  return { pitchId: p.id, attachmentId: p.attachment_id, filename: p.filename, storageKey: p.storage_key, own: viewer?.orgId === p.org_id };
}

export async function auditDeckDownload(db: DB, viewer: NonNullable<PitchViewer>, deck: { pitchId: string; attachmentId: string }, ip: string | null) {
  await audit(db, {
    event: "pitch.deck.download",
    actorUserId: viewer.userId,
    actorOrgId: viewer.orgId,
    targetType: "pitch",
    targetId: deck.pitchId,
    detail: { attachmentId: deck.attachmentId },
    ip,
  });
}

// ---- Investors: bookmarks and views ----

export async function isBookmarked(db: DB, userId: string, pitchId: string): Promise<boolean> {
  const r = await db.selectFrom("pitch_bookmarks").select("pitch_id").where("user_id", "=", userId).where("pitch_id", "=", pitchId).executeTakeFirst();
  return Boolean(r);
}

/** Bookmarks are per person (not per organisation). Idempotent both ways. */
export async function setBookmark(db: DB, viewer: { userId: string; orgId: string }, pitchId: string, on: boolean): Promise<void> {
  if (on) {
    await db
      .insertInto("pitch_bookmarks")
      .values({ user_id: viewer.userId, org_id: viewer.orgId, pitch_id: pitchId })
      .onConflict((oc) => oc.columns(["user_id", "pitch_id"]).doNothing())
      .execute();
  } else {
    await db.deleteFrom("pitch_bookmarks").where("user_id", "=", viewer.userId).where("pitch_id", "=", pitchId).execute();
  }
}

/** The person's bookmarks that they may still see (published or archived, not hidden). */
export async function listBookmarks(db: DB, userId: string, limit = 20) {
  const rows = await db
    .selectFrom("pitch_bookmarks as b")
    .innerJoin("pitches as p", "p.id", "b.pitch_id")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .select(["p.id", "p.title", "p.one_liner", "p.status", "p.round", "p.ask_krw", "o.name as org_name", "o.name_en as org_name_en", "b.created_at"])
    .where("b.user_id", "=", userId)
    .where("p.status", "in", ["published", "archived"])
    .where("p.hidden_at", "is", null)
    .orderBy("b.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, ask_krw: num(r.ask_krw) }));
}

/** One view per investor organisation per pitch per day. */
export async function recordView(db: DB, pitchId: string, orgId: string): Promise<void> {
  await db
    .insertInto("pitch_views")
    .values({ pitch_id: pitchId, org_id: orgId })
    .onConflict((oc) => oc.columns(["pitch_id", "org_id", "day"]).doNothing())
    .execute();
}

/** Views (investor organisation-days) and distinct investor organisations. */
export async function viewStats(db: DB, pitchId: string) {
  const r = await db
    .selectFrom("pitch_views")
    .select([sql<number>`count(*)::int`.as("views"), sql<number>`count(distinct org_id)::int`.as("investors")])
    .where("pitch_id", "=", pitchId)
    .executeTakeFirstOrThrow();
  return { views: Number(r.views), investors: Number(r.investors) };
}

/** The company's own pitches (all statuses) with their view figures. */
export async function listOwnPitches(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("pitches as p")
    .select([
      "p.id",
      "p.title",
      "p.status",
      "p.round",
      "p.ask_krw",
      "p.hidden_at",
      "p.updated_at",
      "p.published_at",
      (eb) => eb.selectFrom("pitch_views as v").select(sql<number>`count(*)::int`.as("c")).whereRef("v.pitch_id", "=", "p.id").as("views"),
      (eb) => eb.selectFrom("pitch_views as v").select(sql<number>`count(distinct v.org_id)::int`.as("c")).whereRef("v.pitch_id", "=", "p.id").as("investors"),
    ])
    .where("p.org_id", "=", orgId)
    .orderBy("p.updated_at", "desc")
    .limit(100)
    .execute();
  return rows.map(({ hidden_at, ...r }) => ({ ...r, ask_krw: num(r.ask_krw), views: Number(r.views ?? 0), investors: Number(r.investors ?? 0), hidden: hidden_at !== null }));
}

/** For the public profile: only that the company is raising, and in which rounds. */
export async function raisingRounds(db: DB, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("pitches")
    .select("round")
    .distinct()
    .where("org_id", "=", orgId)
    .where("status", "=", "published")
    .where("hidden_at", "is", null)
    .execute();
  return rows.map((r) => r.round ?? "").sort();
}

export type { ValidationSignals };
