import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { OrgViewer } from "~/modules/auth/viewer";
import type { OrgKind, TestbedRequestStatus } from "../../../db/schema";
import { groupTerms, type TermsByKind } from "../../../db/queries/terms";
import { containsAny } from "../../../db/queries/text-search";
import { refreshCompany, refreshCompanyPitches } from "~/modules/matching/service.server";
import { todayInSeoul } from "~/modules/needs/dates";
import { searchTokens } from "~/modules/needs/search";
import { notifyOrg } from "~/modules/notifications/notifications.server";
import type { TaxonomyKind } from "~/modules/taxonomy/vocabulary";
import type { DeclineReason, OfferInput, OfferListQuery, OfferStatus, OfferStatusIntent, RequestInput, RequestIntent } from "./schemas";
import { createOnce, isUniqueViolation } from "~/utils/submission.server";
import { offerSearchText } from "./search-text";

/**
 * Testbeds (가늠터): hospital offers, company requests and their course
 * requested → approved → in-progress → completed (or declined / withdrawn).
 * Completion writes a verified track-record entry for the company. Every read
 * names its columns; every write checks the organisation in the same query.
 */

type Actor = { userId: string; orgId: string };
export type Viewer = OrgViewer | null;

export const OFFER_PAGE_SIZE = 12;
export const REQUEST_PAGE_SIZE = 20;

const ymd = (col: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;
/** PostgreSQL text cannot hold NUL characters: drop them rather than fail with a 500. */
const clean = (s: string) => s.replace(/\u0000/g, "");

const TERM_FIELDS = [
  ["clinicalAreas", "clinical_area"],
  ["techFields", "tech_field"],
  ["growthStages", "growth_stage"],
] as const satisfies readonly (readonly [keyof OfferInput, TaxonomyKind])[];

function termRows(input: OfferInput) {
  return TERM_FIELDS.flatMap(([field, kind]) => (input[field] as string[]).map((code) => ({ kind, code })));
}

/** Stores an offer's vocabulary terms (after a create, or after an update removed the old ones). */
async function insertOfferTerms(db: DB, offerId: string, input: OfferInput) {
  const terms = termRows(input);
  if (terms.length) await db.insertInto("testbed_offer_terms").values(terms.map((t) => ({ ...t, offer_id: offerId }))).execute();
}

/** How many of an offer's (`t`) requests are in one status, as a column. */
const requestCount = (status: TestbedRequestStatus) => sql<number>`(select count(*)::int from testbed_requests r where r.offer_id = t.id and r.status = ${status})`;

/** The columns the form may write, named one by one (no mass assignment). */
function offerColumns(raw: OfferInput) {
  const o = {
    title: clean(raw.title),
    department: clean(raw.department),
    description: clean(raw.description),
    equipment: clean(raw.equipment),
    costSupport: clean(raw.costSupport),
  };
  return {
    title: o.title,
    department: o.department,
    description: o.description,
    equipment: o.equipment,
    cost_support: o.costSupport,
    capacity: raw.capacity ?? null,
    period_start: raw.periodStart ?? null,
    period_end: raw.periodEnd ?? null,
    irb_status: raw.irbStatus,
    search_text: offerSearchText(o, termRows(raw)),
  };
}

export async function termsOfOffers(db: DB, ids: string[]): Promise<Map<string, TermsByKind>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom("testbed_offer_terms").select(["offer_id", "kind", "code"]).where("offer_id", "in", ids).orderBy("kind").orderBy("code").execute();
  return groupTerms(rows, (r) => r.offer_id);
}

// ---------------------------------------------------------------- offers

/** With the form's idempotency token a resent form returns the offer it already created. */
export async function createOffer(db: DB, actor: Actor, input: OfferInput, opts: { publish: boolean; submissionId?: string | null }): Promise<string> {
  const submissionId = opts.submissionId ?? null;
  const existing = async () =>
    submissionId ? await db.selectFrom("testbed_offers").select("id").where("org_id", "=", actor.orgId).where("submission_id", "=", submissionId).executeTakeFirst() : undefined;
  const created = createOnce(submissionId, existing, () =>
    db.transaction().execute(async (trx) => {
      const now = new Date();
      const row = await trx
        .insertInto("testbed_offers")
        .values({
          ...offerColumns(input),
          org_id: actor.orgId,
          author_id: actor.userId,
          status: opts.publish ? "open" : "draft",
          published_at: opts.publish ? now : null,
          submission_id: submissionId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertOfferTerms(trx, row.id, input);
      return row.id;
    }),
  );
  return (await created).id;
}

/** false when the offer is not this organisation's (→ 404). */
export async function updateOffer(db: DB, actor: Actor, offerId: string, input: OfferInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("testbed_offers")
      .set({ ...offerColumns(input), updated_at: new Date() })
      .where("id", "=", offerId)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx.deleteFrom("testbed_offer_terms").where("offer_id", "=", offerId).execute();
    await insertOfferTerms(trx, offerId, input);
    return true;
  });
}

const OFFER_TRANSITIONS: Record<OfferStatusIntent, { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open"], to: "closed" },
  reopen: { from: ["closed"], to: "open" },
};

/** null: not this organisation's offer (→ 404); false: not allowed from the current status. */
export async function changeOfferStatus(db: DB, actor: Actor, offerId: string, intent: OfferStatusIntent): Promise<boolean | null> {
  return db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom("testbed_offers").select(["status", "published_at"]).where("id", "=", offerId).where("org_id", "=", actor.orgId).forUpdate().executeTakeFirst();
    if (!cur) return null;
    const tr = OFFER_TRANSITIONS[intent];
    if (!tr.from.includes(cur.status)) return false;
    const now = new Date();
    await trx
      .updateTable("testbed_offers")
      .set({ status: tr.to, updated_at: now, published_at: tr.to === "open" ? (cur.published_at ?? now) : cur.published_at })
      .where("id", "=", offerId)
      .execute();
    return true;
  });
}

type VisibleOffer = { org_id: string; status: OfferStatus; hidden_at: Date | null; org_status: string };

/** Drafts: owner only. Hidden: owner and operators. An unverified hospital's offer: owner and operators. */
export function canSeeOffer(offer: VisibleOffer, viewer: Viewer): boolean {
  const own = viewer?.orgId === offer.org_id;
  if (own) return true;
  if (offer.status === "draft") return false;
  if (offer.hidden_at || offer.org_status !== "verified") return viewer?.orgKind === "operator";
  return true;
}

/** Public list: open, not hidden, of a verified hospital; filters, Korean partial-word search, pages. */
export async function listOpenOffers(db: DB, f: Partial<OfferListQuery>, pageSize = OFFER_PAGE_SIZE) {
  let base = db
    .selectFrom("testbed_offers as t")
    .innerJoin("organizations as o", "o.id", "t.org_id")
    .where("t.status", "=", "open")
    .where("t.hidden_at", "is", null)
    .where("o.status", "=", "verified");
  const term = (kind: string, code: string | undefined) => {
    if (!code) return;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom("testbed_offer_terms as x").select(sql`1`.as("one")).whereRef("x.offer_id", "=", "t.id").where("x.kind", "=", kind).where("x.code", "=", code)),
    );
  };
  term("clinical_area", f.area);
  term("tech_field", f.field);
  term("growth_stage", f.stage);
  if (f.irb) base = base.where("t.irb_status", "=", f.irb);
  for (const group of searchTokens(f.q)) {
    // Same rules as /needs: AND across tokens, OR across a token's variants,
    // wildcards literal; 1–2 character words use the gram index (migration 0007).
    base = base.where(containsAny("t.search_text", group));
  }
  const { n: total } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const page = Math.max(1, f.page ?? 1);
  const rows = await base
    .select([
      "t.id",
      "t.title",
      "t.department",
      sql<string>`left(t.description, 240)`.as("description"),
      "t.capacity",
      ymd("t.period_start").as("period_start"),
      ymd("t.period_end").as("period_end"),
      "t.irb_status",
      "t.published_at",
      "o.name as org_name",
      "o.name_en as org_name_en",
      "o.slug as org_slug",
      requestCount("completed").as("completed"),
    ])
    .orderBy(sql`t.published_at desc nulls last`)
    .orderBy("t.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const terms = await termsOfOffers(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
    rows: rows.map((r) => ({ ...r, completed: Number(r.completed ?? 0), terms: terms.get(r.id) ?? {} })),
  };
}

/** A hospital's own offers, every status, with their open request counts. */
export async function listOrgOffers(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("testbed_offers as t")
    .select([
      "t.id",
      "t.title",
      "t.status",
      "t.hidden_at",
      "t.updated_at",
      requestCount("requested").as("waiting"),
    ])
    .where("t.org_id", "=", orgId)
    .orderBy("t.updated_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, hidden: r.hidden_at !== null, updated_at: r.updated_at, waiting: Number(r.waiting ?? 0) }));
}

/** Everything public about an offer, or null. Callers check canSeeOffer. */
export async function getOffer(db: DB, id: string) {
  const row = await db
    .selectFrom("testbed_offers as t")
    .innerJoin("organizations as o", "o.id", "t.org_id")
    .select([
      "t.id",
      "t.org_id",
      "t.status",
      "t.title",
      "t.department",
      "t.description",
      "t.equipment",
      "t.capacity",
      ymd("t.period_start").as("period_start"),
      ymd("t.period_end").as("period_end"),
      "t.irb_status",
      "t.cost_support",
      "t.hidden_at",
      "t.published_at",
      "t.updated_at",
      "o.name as org_name",
      "o.name_en as org_name_en",
      "o.slug as org_slug",
      "o.status as org_status",
      requestCount("completed").as("completed"),
    ])
    .where("t.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const terms = (await termsOfOffers(db, [id])).get(id) ?? {};
  return { ...row, completed: Number(row.completed ?? 0), terms };
}

// ---------------------------------------------------------------- requests

export type CreateRequestResult = { ok: true; id: string } | { ok: false; problem: "duplicate"; id: string | null } | { ok: false; problem: "not-open" };

/** The company's live request for an offer (not declined or withdrawn), if any. */
export async function liveRequestOf(db: DB, offerId: string, companyOrgId: string) {
  return (
    (await db
      .selectFrom("testbed_requests")
      .select(["id", "status"])
      .where("offer_id", "=", offerId)
      .where("company_org_id", "=", companyOrgId)
      .where("status", "not in", ["declined", "withdrawn"])
      .executeTakeFirst()) ?? null
  );
}

/**
 * A verified company asks for a slot. One live request per company and offer:
 * the partial unique index decides double submits (the second gets "duplicate").
 */
export async function createRequest(db: DB, actor: Actor, offerId: string, input: RequestInput): Promise<CreateRequestResult> {
  const offer = await db
    .selectFrom("testbed_offers as t")
    .innerJoin("organizations as o", "o.id", "t.org_id")
    .select(["t.id", "t.org_id", "t.title", "t.status", "t.hidden_at", "o.status as org_status"])
    .where("t.id", "=", offerId)
    .executeTakeFirst();
  if (!offer || offer.status !== "open" || offer.hidden_at || offer.org_status !== "verified" || offer.org_id === actor.orgId) return { ok: false, problem: "not-open" };
  let id: string;
  try {
    const row = await db
      .insertInto("testbed_requests")
      .values({
        offer_id: offerId,
        hospital_org_id: offer.org_id,
        company_org_id: actor.orgId,
        requested_by: actor.userId,
        plan: clean(input.plan),
        preferred_start: input.preferredStart ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = row.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const live = await liveRequestOf(db, offerId, actor.orgId);
    return { ok: false, problem: "duplicate", id: live?.id ?? null };
  }
  const company = await db.selectFrom("organizations").select("name").where("id", "=", actor.orgId).executeTakeFirst();
  await notifyOrg(db, offer.org_id, "testbed.request.new", { company: company?.name ?? "", offer: offer.title }, `/testbeds/requests/${id}`);
  return { ok: true, id };
}

/** A request as one of its two organisations sees it; null (→ 404) for anyone else. */
export async function getRequestForOrg(db: DB, id: string, orgId: string) {
  const row = await db
    .selectFrom("testbed_requests as r")
    .innerJoin("testbed_offers as t", "t.id", "r.offer_id")
    .innerJoin("organizations as h", "h.id", "r.hospital_org_id")
    .innerJoin("organizations as c", "c.id", "r.company_org_id")
    .leftJoin("users as u", "u.id", "r.requested_by")
    .leftJoin("users as cu", "cu.id", "r.confirmed_by")
    .select([
      "r.id",
      "r.offer_id",
      "r.hospital_org_id",
      "r.company_org_id",
      "r.plan",
      ymd("r.preferred_start").as("preferred_start"),
      "r.status",
      "r.decline_reason",
      "r.decline_note",
      "r.outcome",
      "r.created_at",
      "r.decided_at",
      "r.started_at",
      "r.completed_at",
      "t.title as offer_title",
      "t.department as offer_department",
      "t.irb_status as offer_irb_status",
      "h.name as hospital_name",
      "h.name_en as hospital_name_en",
      "h.slug as hospital_slug",
      "c.name as company_name",
      "c.name_en as company_name_en",
      "c.slug as company_slug",
      "u.name as requested_by_name",
      "cu.name as confirmed_by_name",
    ])
    .where("r.id", "=", id)
    .where((eb) => eb.or([eb("r.hospital_org_id", "=", orgId), eb("r.company_org_id", "=", orgId)]))
    .executeTakeFirst();
  return row ?? null;
}

const LIVE: TestbedRequestStatus[] = ["requested", "approved", "in-progress"];
const DONE: TestbedRequestStatus[] = ["completed", "declined", "withdrawn"];

/** Requests of one organisation, as hospital (received) or company (sent). */
export async function listRequestsForOrg(db: DB, org: { id: string; kind: OrgKind }, opts: { tab: "active" | "done" | "all"; page: number }) {
  const side = org.kind === "hospital" ? "r.hospital_org_id" : "r.company_org_id";
  let base = db
    .selectFrom("testbed_requests as r")
    .innerJoin("testbed_offers as t", "t.id", "r.offer_id")
    .innerJoin("organizations as h", "h.id", "r.hospital_org_id")
    .innerJoin("organizations as c", "c.id", "r.company_org_id")
    .where(side, "=", org.id);
  if (opts.tab === "active") base = base.where("r.status", "in", LIVE);
  if (opts.tab === "done") base = base.where("r.status", "in", DONE);
  const { n: total } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const page = Math.max(1, opts.page);
  const rows = await base
    .select([
      "r.id",
      "r.status",
      "r.created_at",
      "r.updated_at",
      ymd("r.preferred_start").as("preferred_start"),
      "t.id as offer_id",
      "t.title as offer_title",
      "h.name as hospital_name",
      "h.name_en as hospital_name_en",
      "c.name as company_name",
      "c.name_en as company_name_en",
    ])
    .orderBy("r.updated_at", "desc")
    .orderBy("r.id")
    .limit(REQUEST_PAGE_SIZE)
    .offset((page - 1) * REQUEST_PAGE_SIZE)
    .execute();
  return { total: Number(total), page, pageCount: Math.max(1, Math.ceil(Number(total) / REQUEST_PAGE_SIZE)), rows };
}

type Transition = { side: "hospital" | "company"; from: TestbedRequestStatus[]; to: TestbedRequestStatus };
export const REQUEST_TRANSITIONS: Record<RequestIntent, Transition> = {
  approve: { side: "hospital", from: ["requested"], to: "approved" },
  decline: { side: "hospital", from: ["requested", "approved"], to: "declined" },
  start: { side: "hospital", from: ["approved"], to: "in-progress" },
  complete: { side: "hospital", from: ["in-progress"], to: "completed" },
  withdraw: { side: "company", from: ["requested", "approved"], to: "withdrawn" },
};

/** What this side may do now (for the buttons); the module checks again on submit. */
export function availableIntents(status: TestbedRequestStatus, side: "hospital" | "company"): RequestIntent[] {
  return (Object.keys(REQUEST_TRANSITIONS) as RequestIntent[]).filter((k) => REQUEST_TRANSITIONS[k].side === side && REQUEST_TRANSITIONS[k].from.includes(status));
}

export type TransitionPayload = { decline?: { reason: DeclineReason; note: string }; outcome?: string };

/**
 * Moves a request along. null: not one of the request's organisations, or not
 * this side's action (→ 404); false: not allowed from the current status
 * (nothing changes). Completion writes the verified track-record entry in the
 * same transaction; both sides are told.
 */
export async function transitionRequest(db: DB, actor: Actor, requestId: string, intent: RequestIntent, payload: TransitionPayload = {}): Promise<boolean | null> {
  const tr = REQUEST_TRANSITIONS[intent];
  const result = await db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom("testbed_requests as r")
      .innerJoin("testbed_offers as t", "t.id", "r.offer_id")
      .select(["r.id", "r.status", "r.hospital_org_id", "r.company_org_id", "t.title as offer_title"])
      .where("r.id", "=", requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!cur) return null;
    const sideOrg = tr.side === "hospital" ? cur.hospital_org_id : cur.company_org_id;
    if (sideOrg !== actor.orgId) return null;
    if (!tr.from.includes(cur.status)) return false;
    const now = new Date();
    await trx
      .updateTable("testbed_requests")
      .set({
        status: tr.to,
        updated_at: now,
        ...(intent === "approve" || intent === "decline" ? { decided_at: now } : {}),
        ...(intent === "decline" ? { decline_reason: payload.decline?.reason ?? "other", decline_note: clean(payload.decline?.note ?? "") || null } : {}),
        ...(intent === "start" ? { started_at: now } : {}),
        ...(intent === "complete" ? { completed_at: now, outcome: clean(payload.outcome ?? ""), confirmed_by: actor.userId } : {}),
      })
      .where("id", "=", requestId)
      .execute();
    if (intent === "complete") {
      await trx
        .insertInto("track_records")
        .values({
          org_id: cur.company_org_id,
          kind: "testbed",
          testbed_request_id: cur.id,
          hospital_org_id: cur.hospital_org_id,
          title: cur.offer_title,
          outcome: clean(payload.outcome ?? ""),
          completed_on: todayInSeoul(now),
          verified_at: now,
        })
        .execute();
    }
    return cur;
  });
  if (!result) return result;
  const other = tr.side === "hospital" ? result.company_org_id : result.hospital_org_id;
  const names = await db.selectFrom("organizations").select(["id", "name"]).where("id", "in", [result.hospital_org_id, result.company_org_id]).execute();
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "";
  await notifyOrg(
    db,
    other,
    "testbed.request.status",
    { status: tr.to, offer: result.offer_title, hospital: nameOf(result.hospital_org_id), company: nameOf(result.company_org_id) },
    `/testbeds/requests/${requestId}`,
    actor.userId,
  );
  if (intent === "complete") {
    // The new track-record entry counts in matching and in the company's pitch signals.
    await refreshCompany(db, result.company_org_id);
    await refreshCompanyPitches(db, result.company_org_id);
  }
  return true;
}

// ---------------------------------------------------------------- track record

/** Verified track-record entries of a company, newest first (public on its profile). */
export async function listTrackRecords(db: DB, orgId: string) {
  return db
    .selectFrom("track_records as tr")
    .leftJoin("organizations as h", "h.id", "tr.hospital_org_id")
    .select(["tr.id", "tr.kind", "tr.title", "tr.outcome", ymd("tr.completed_on").as("completed_on"), "tr.verified_at", "h.name as hospital_name", "h.name_en as hospital_name_en", "h.slug as hospital_slug"])
    .where("tr.org_id", "=", orgId)
    .where("tr.verified_at", "is not", null)
    .orderBy("tr.completed_on", "desc")
    .orderBy("tr.id")
    .limit(50)
    .execute();
}
