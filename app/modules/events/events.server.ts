import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { EventApplicationStatus } from "../../../db/schema";
import { audit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/needs/schemas";
import { todayInSeoul } from "~/modules/needs/dates";
import { notify } from "~/modules/notifications/notifications.server";
import { seoulLocalToDate } from "./dates";
import { formatStageFocus, parseStageFocus } from "./rounds";
import type { DecideInput, EventInput, RateInput } from "./schemas";
import { createOnce, isUniqueViolation } from "~/utils/submission.server";

/**
 * Pitch events ("나는 바이오벤처다" rounds): operators create a round, verified
 * companies apply with one of their published pitches during the application
 * window, the operator selects the cohort and announces it, verified
 * investors register, and from the start time until the operator closes the
 * round registered investors rate each cohort pitch. Founders see averages and
 * comments, never who rated; investors see their own ratings; the operator
 * sees every pitch's averages.
 */

export type Actor = { userId: string; orgId: string; orgName: string; ip?: string | null };

const ymd = (col: string) => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

const eventColumns = [
  "e.id",
  "e.name",
  "e.name_en",
  "e.description",
  "e.starts_at",
  "e.place",
  "e.online",
  "e.stage_focus",
  "e.cohort_size",
  "e.status",
] as const;

export type EventPhase = { applyState: "not-yet" | "open" | "closed"; ratingOpen: boolean; started: boolean };

/** Where a round stands now: the application window (Korean calendar dates) and whether rating is open. */
export function eventPhase(e: { status: string; starts_at: Date | string; apply_opens_on: string; apply_closes_on: string }, now = new Date()): EventPhase {
  const today = todayInSeoul(now);
  const started = new Date(e.starts_at).getTime() <= now.getTime();
  const applyState = e.status !== "open" || today > e.apply_closes_on ? "closed" : today < e.apply_opens_on ? "not-yet" : "open";
  return { applyState, started, ratingOpen: e.status === "open" && started };
}

// ---- Reading events ----

export async function getEvent(db: DB, id: string) {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom("pitch_events as e")
    .select([...eventColumns, ymd("e.apply_opens_on").as("apply_opens_on"), ymd("e.apply_closes_on").as("apply_closes_on")])
    .where("e.id", "=", id)
    .where("e.status", "<>", "draft")
    .executeTakeFirst();
  if (!row) return null;
  const counts = await db
    .selectFrom("pitch_events as e")
    .select((eb) => [
      eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "<>", "withdrawn").as("applications"),
      eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "=", "selected").as("selected"),
      eb.selectFrom("event_investors as i").select(sql<number>`count(*)::int`.as("n")).whereRef("i.event_id", "=", "e.id").as("investors"),
    ])
    .where("e.id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    ...row,
    stage_focus: parseStageFocus(row.stage_focus),
    applications: Number(counts.applications ?? 0),
    selected: Number(counts.selected ?? 0),
    investors: Number(counts.investors ?? 0),
  };
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

export const PAST_PAGE_SIZE = 10;

/** Upcoming rounds (soonest first, all of them) and one page of past rounds (latest first). */
export async function listEvents(db: DB, page = 1) {
  const base = () =>
    db
      .selectFrom("pitch_events as e")
      .select([
        ...eventColumns,
        ymd("e.apply_opens_on").as("apply_opens_on"),
        ymd("e.apply_closes_on").as("apply_closes_on"),
        (eb) => eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "=", "selected").as("selected"),
      ])
      .where("e.status", "<>", "draft");
  const now = new Date();
  // A round stays "upcoming" until the day after it starts (Seoul), so today's round is at the top.
  const cutoff = new Date(now.getTime() - 24 * 3600_000);
  const [upcoming, past, total] = await Promise.all([
    base().where("e.starts_at", ">=", cutoff).orderBy("e.starts_at", "asc").orderBy("e.id").limit(100).execute(),
    base()
      .where("e.starts_at", "<", cutoff)
      .orderBy("e.starts_at", "desc")
      .orderBy("e.id")
      .limit(PAST_PAGE_SIZE)
      .offset((page - 1) * PAST_PAGE_SIZE)
      .execute(),
    db.selectFrom("pitch_events").select(sql<number>`count(*)::int`.as("n")).where("status", "<>", "draft").where("starts_at", "<", cutoff).executeTakeFirstOrThrow(),
  ]);
  const shape = (r: (typeof upcoming)[number]) => ({ ...r, stage_focus: parseStageFocus(r.stage_focus), selected: Number(r.selected ?? 0), phase: eventPhase(r, now) });
  return {
    upcoming: upcoming.map(shape),
    past: past.map(shape),
    pastPageCount: Math.max(1, Math.ceil(Number(total.n) / PAST_PAGE_SIZE)),
  };
}

// ---- Operator: create, edit, close ----

function eventValues(input: EventInput) {
  return {
    name: input.name,
    name_en: input.nameEn || null,
    description: input.description,
    starts_at: seoulLocalToDate(input.startsAt)!,
    online: input.online,
    place: input.place,
    stage_focus: formatStageFocus(input.stageFocus),
    apply_opens_on: input.applyOpensOn,
    apply_closes_on: input.applyClosesOn,
    cohort_size: input.cohortSize ?? null,
  };
}

/** With the form's idempotency token a resent form returns the round it already created (no second row, no second audit entry). */
export async function createEvent(db: DB, actor: Actor, input: EventInput, submissionId: string | null = null): Promise<string> {
  const existing = async () => (submissionId ? await db.selectFrom("pitch_events").select("id").where("submission_id", "=", submissionId).executeTakeFirst() : undefined);
  const created = await createOnce(submissionId, existing, () =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("pitch_events")
        .values({ ...eventValues(input), status: "open", created_by: actor.userId, submission_id: submissionId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, { event: "event.created", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "pitch_event", targetId: row.id, detail: { name: input.name }, ip: actor.ip });
      return row.id;
    }),
  );
  return created.id;
}

export async function updateEvent(db: DB, actor: Actor, id: string, input: EventInput): Promise<boolean> {
  if (!isUuid(id)) return false;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("pitch_events")
      .set({ ...eventValues(input), updated_at: new Date() })
      .where("id", "=", id)
      .where("status", "<>", "draft")
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, { event: "event.updated", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "pitch_event", targetId: id, ip: actor.ip });
    return true;
  });
}

/** Close a round (ratings become final) or reopen it. Returns false when there is no such round or nothing changes. */
export async function setEventStatus(db: DB, actor: Actor, id: string, status: "open" | "closed"): Promise<boolean> {
  if (!isUuid(id)) return false;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("pitch_events")
      .set({ status, updated_at: new Date() })
      .where("id", "=", id)
      .where("status", "=", status === "closed" ? "open" : "closed")
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, { event: status === "closed" ? "event.closed" : "event.reopened", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "pitch_event", targetId: id, ip: actor.ip });
    return true;
  });
}

// ---- Companies: apply with a pitch ----

/** The company's published pitches it can apply with (not hidden by moderation). */
export async function ownPublishedPitches(db: DB, orgId: string) {
  return db
    .selectFrom("pitches")
    .select(["id", "title", "one_liner", "round"])
    .where("org_id", "=", orgId)
    .where("status", "=", "published")
    .where("hidden_at", "is", null)
    .orderBy("published_at", "desc")
    .orderBy("id")
    .limit(50)
    .execute();
}

export async function ownApplication(db: DB, eventId: string, orgId: string) {
  return (
    (await db
      .selectFrom("event_applications as a")
      .innerJoin("pitches as p", "p.id", "a.pitch_id")
      .select(["a.id", "a.status", "a.created_at", "a.pitch_id", "p.title as pitch_title", "p.one_liner as pitch_one_liner"])
      .where("a.event_id", "=", eventId)
      .where("a.company_org_id", "=", orgId)
      .executeTakeFirst()) ?? null
  );
}

export type ApplyResult = { ok: true; created: boolean } | { ok: false; reason: "window" | "pitch" };

/**
 * One application per company per round: the unique constraint settles double
 * submits (the second one changes nothing). A withdrawn application can be
 * renewed with another pitch while the window is open.
 */
export async function applyToEvent(db: DB, actor: Actor, event: EventRow, pitchId: string): Promise<ApplyResult> {
  if (eventPhase(event).applyState !== "open") return { ok: false, reason: "window" };
  const pitch = await db
    .selectFrom("pitches")
    .select(["id", "title"])
    .where("id", "=", pitchId)
    .where("org_id", "=", actor.orgId)
    .where("status", "=", "published")
    .where("hidden_at", "is", null)
    .executeTakeFirst();
  if (!pitch) return { ok: false, reason: "pitch" };
  try {
    await db.insertInto("event_applications").values({ event_id: event.id, pitch_id: pitch.id, company_org_id: actor.orgId, applied_by: actor.userId }).execute();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const renewed = await db
      .updateTable("event_applications")
      .set({ status: "applied", pitch_id: pitch.id, applied_by: actor.userId, created_at: new Date(), decided_at: null })
      .where("event_id", "=", event.id)
      .where("company_org_id", "=", actor.orgId)
      .where("status", "=", "withdrawn")
      .returning("id")
      .executeTakeFirst();
    return { ok: true, created: Boolean(renewed) };
  }
  return { ok: true, created: true };
}

/** A company withdraws while the window is open and before the operator decided. */
export async function withdrawApplication(db: DB, actor: Actor, event: EventRow): Promise<boolean> {
  if (eventPhase(event).applyState !== "open") return false;
  const row = await db
    .updateTable("event_applications")
    .set({ status: "withdrawn" })
    .where("event_id", "=", event.id)
    .where("company_org_id", "=", actor.orgId)
    .where("status", "=", "applied")
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

// ---- Operator: applications and the cohort ----

export async function listApplications(db: DB, eventId: string) {
  return db
    .selectFrom("event_applications as a")
    .innerJoin("pitches as p", "p.id", "a.pitch_id")
    .innerJoin("organizations as o", "o.id", "a.company_org_id")
    .select(["a.id", "a.status", "a.created_at", "a.decided_at", "a.pitch_id", "p.title as pitch_title", "p.one_liner as pitch_one_liner", "p.round as pitch_round", "o.name as company_name", "o.name_en as company_name_en", "o.slug as company_slug"])
    .where("a.event_id", "=", eventId)
    .where("a.status", "<>", "withdrawn")
    .orderBy("a.created_at")
    .orderBy("a.id")
    .limit(500)
    .execute();
}

export type DecideResult = { ok: true } | { ok: false; reason: "notFound" | "full" };

/**
 * Selected / not selected (or back to undecided). The cohort never grows past
 * the round's cohort size: the round's row is locked while counting.
 */
export async function decideApplication(db: DB, actor: Actor, eventId: string, input: DecideInput): Promise<DecideResult> {
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom("pitch_events").select(["id", "cohort_size"]).where("id", "=", eventId).where("status", "<>", "draft").forUpdate().executeTakeFirst();
    if (!event) return { ok: false, reason: "notFound" } as const;
    const app = await trx.selectFrom("event_applications").select(["id", "status"]).where("id", "=", input.applicationId).where("event_id", "=", eventId).executeTakeFirst();
    if (!app || app.status === "withdrawn") return { ok: false, reason: "notFound" } as const;
    if (app.status === input.decision) return { ok: true } as const;
    if (input.decision === "selected" && event.cohort_size != null) {
      const { n } = await trx
        .selectFrom("event_applications")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("event_id", "=", eventId)
        .where("status", "=", "selected")
        .executeTakeFirstOrThrow();
      if (Number(n) >= event.cohort_size) return { ok: false, reason: "full" } as const;
    }
    await trx
      .updateTable("event_applications")
      .set({ status: input.decision as EventApplicationStatus, decided_at: input.decision === "applied" ? null : new Date() })
      .where("id", "=", app.id)
      .execute();
    await audit(trx, {
      event: "event.application.decided",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "event_application",
      targetId: app.id,
      detail: { eventId, from: app.status, to: input.decision },
      ip: actor.ip,
    });
    return { ok: true } as const;
  });
}

/** When the operator last announced this round's cohort (from the audit log), or null. */
export async function lastAnnouncedAt(db: DB, eventId: string): Promise<Date | null> {
  const r = await db
    .selectFrom("audit_log")
    .select(sql<Date | null>`max(at)`.as("at"))
    .where("event", "=", "event.cohort.announced")
    .where("target_type", "=", "pitch_event")
    .where("target_id", "=", eventId)
    .executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

/**
 * Tell every company whose application was decided since the last
 * announcement (selected or not) — in-app and by e-mail. Announcing twice
 * sends nothing new. Returns how many companies were told.
 */
export async function announceCohort(db: DB, actor: Actor, event: EventRow): Promise<number> {
  const since = await lastAnnouncedAt(db, event.id);
  let q = db
    .selectFrom("event_applications")
    .select(["company_org_id", "status"])
    .where("event_id", "=", event.id)
    .where("status", "in", ["selected", "not-selected"]);
  if (since) q = q.where("decided_at", ">", since);
  const decided = await q.execute();
  for (const a of decided) {
    await notify(db, {
      orgId: a.company_org_id,
      kind: a.status === "selected" ? "event.selected" : "event.not-selected",
      params: { event: event.name },
      link: `/events/${event.id}`,
    });
  }
  await audit(db, { event: "event.cohort.announced", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "pitch_event", targetId: event.id, detail: { notified: decided.length }, ip: actor.ip });
  return decided.length;
}

/** The selected pitches: titles and one-liners (for registered investors, the operator and the cohort). */
export async function listCohort(db: DB, eventId: string) {
  return db
    .selectFrom("event_applications as a")
    .innerJoin("pitches as p", "p.id", "a.pitch_id")
    .innerJoin("organizations as o", "o.id", "a.company_org_id")
    .select(["a.pitch_id", "a.company_org_id", "p.title as pitch_title", "p.one_liner as pitch_one_liner", "o.name as company_name", "o.name_en as company_name_en", "o.slug as company_slug"])
    .where("a.event_id", "=", eventId)
    .where("a.status", "=", "selected")
    .orderBy("o.name")
    .execute();
}

/** For visitors: only which companies were selected, nothing of their pitches. */
export async function listCohortCompanies(db: DB, eventId: string) {
  return db
    .selectFrom("event_applications as a")
    .innerJoin("organizations as o", "o.id", "a.company_org_id")
    .select(["o.name", "o.name_en", "o.slug"])
    .where("a.event_id", "=", eventId)
    .where("a.status", "=", "selected")
    .orderBy("o.name")
    .execute();
}

// ---- Investors: register and rate ----

export async function isRegistered(db: DB, eventId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom("event_investors").select("user_id").where("event_id", "=", eventId).where("user_id", "=", userId).executeTakeFirst();
  return Boolean(r);
}

/** Idempotent: registering twice keeps one row. Closed rounds take no new investors. */
export async function registerInvestor(db: DB, actor: Actor, event: EventRow): Promise<boolean> {
  if (event.status !== "open") return false;
  await db
    .insertInto("event_investors")
    .values({ event_id: event.id, user_id: actor.userId, org_id: actor.orgId })
    .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
    .execute();
  return true;
}

/** An investor who has not rated yet may cancel the registration. */
export async function unregisterInvestor(db: DB, actor: Actor, event: EventRow): Promise<boolean> {
  if (event.status !== "open") return false;
  const rated = await db.selectFrom("event_ratings").select("id").where("event_id", "=", event.id).where("rater_user_id", "=", actor.userId).executeTakeFirst();
  if (rated) return false;
  const r = await db.deleteFrom("event_investors").where("event_id", "=", event.id).where("user_id", "=", actor.userId).returning("user_id").executeTakeFirst();
  return Boolean(r);
}

export type RateResult = { ok: true } | { ok: false; reason: "notRegistered" | "closed" | "notCohort" };

/** One rating per investor per pitch per round, editable until the round is closed. */
export async function ratePitch(db: DB, actor: Actor, event: EventRow, input: RateInput, now = new Date()): Promise<RateResult> {
  if (!(await isRegistered(db, event.id, actor.userId))) return { ok: false, reason: "notRegistered" };
  if (!eventPhase(event, now).ratingOpen) return { ok: false, reason: "closed" };
  const inCohort = await db
    .selectFrom("event_applications")
    .select("id")
    .where("event_id", "=", event.id)
    .where("pitch_id", "=", input.pitchId)
    .where("status", "=", "selected")
    .executeTakeFirst();
  if (!inCohort) return { ok: false, reason: "notCohort" };
  const values = { team: input.team, technology: input.technology, market: input.market, comment: input.comment };
  await db
    .insertInto("event_ratings")
    .values({ event_id: event.id, pitch_id: input.pitchId, rater_user_id: actor.userId, rater_org_id: actor.orgId, ...values })
    .onConflict((oc) => oc.columns(["event_id", "pitch_id", "rater_user_id"]).doUpdateSet({ ...values, updated_at: now }))
    .execute();
  return { ok: true };
}

/** The investor's own ratings in a round, by pitch. */
export async function ownRatings(db: DB, eventId: string, userId: string) {
  return db
    .selectFrom("event_ratings as r")
    .innerJoin("pitches as p", "p.id", "r.pitch_id")
    .select(["r.pitch_id", "r.team", "r.technology", "r.market", "r.comment", "r.updated_at", "p.title as pitch_title"])
    .where("r.event_id", "=", eventId)
    .where("r.rater_user_id", "=", userId)
    .orderBy("p.title")
    .execute();
}

// ---- Results ----

export type Averages = { team: number; technology: number; market: number; overall: number; count: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

function toAverages(r: { team: unknown; technology: unknown; market: unknown; count: unknown }): Averages {
  const team = Number(r.team ?? 0);
  const technology = Number(r.technology ?? 0);
  const market = Number(r.market ?? 0);
  const count = Number(r.count ?? 0);
  return { team: round2(team), technology: round2(technology), market: round2(market), overall: round2(count ? (team + technology + market) / 3 : 0), count };
}

const avgColumns = [
  sql<number>`avg(team)::float8`.as("team"),
  sql<number>`avg(technology)::float8`.as("technology"),
  sql<number>`avg(market)::float8`.as("market"),
  sql<number>`count(*)::int`.as("count"),
] as const;

/**
 * For the founder: averages and the comments of one pitch in one round.
 * Deliberately no rater, organisation or time per comment (times could
 * reveal who wrote what); comments are shuffled by a stable hash, not by time.
 */
export async function pitchResults(db: DB, eventId: string, pitchId: string) {
  const [avg, comments] = await Promise.all([
    db.selectFrom("event_ratings").select([...avgColumns]).where("event_id", "=", eventId).where("pitch_id", "=", pitchId).executeTakeFirstOrThrow(),
    db
      .selectFrom("event_ratings")
      .select(["comment"])
      .where("event_id", "=", eventId)
      .where("pitch_id", "=", pitchId)
      .where("comment", "<>", "")
      .orderBy(sql`md5(id::text)`)
      .execute(),
  ]);
  return { averages: toAverages(avg), comments: comments.map((c) => c.comment) };
}

/** For the operator: every cohort pitch with its averages (pitches without ratings included). */
export async function eventResultsTable(db: DB, eventId: string) {
  const [cohort, avgs] = await Promise.all([
    listCohort(db, eventId),
    db.selectFrom("event_ratings").select(["pitch_id", ...avgColumns]).where("event_id", "=", eventId).groupBy("pitch_id").execute(),
  ]);
  const byPitch = new Map(avgs.map((a) => [a.pitch_id, toAverages(a)]));
  return cohort
    .map((c) => ({ ...c, averages: byPitch.get(c.pitch_id) ?? toAverages({ team: 0, technology: 0, market: 0, count: 0 }) }))
    .sort((a, b) => b.averages.overall - a.averages.overall || a.company_name.localeCompare(b.company_name, "ko"));
}

/**
 * For matching (the pitch ↔ investor score's `eventRating` input): each
 * pitch's mean rating over all rounds, 1–5 (mean of team, technology and
 * market), with the number of ratings. Pitches never rated are absent.
 */
export async function meanRatings(db: DB, pitchIds: string[]): Promise<Map<string, { mean: number; count: number }>> {
  const ids = pitchIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("event_ratings")
    .select(["pitch_id", sql<number>`avg((team + technology + market) / 3.0)::float8`.as("mean"), sql<number>`count(*)::int`.as("count")])
    .where("pitch_id", "in", ids)
    .groupBy("pitch_id")
    .execute();
  return new Map(rows.map((r) => [r.pitch_id, { mean: round2(Number(r.mean)), count: Number(r.count) }]));
}

// ---- Dashboards ----

/** A company's applications to rounds, with its results once rating has opened. */
export async function companyEventSummary(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("event_applications as a")
    .innerJoin("pitch_events as e", "e.id", "a.event_id")
    .innerJoin("pitches as p", "p.id", "a.pitch_id")
    .select([
      "a.status",
      "a.pitch_id",
      "p.title as pitch_title",
      "e.id as event_id",
      "e.name",
      "e.name_en",
      "e.starts_at",
      "e.status as event_status",
      ymd("e.apply_opens_on").as("apply_opens_on"),
      ymd("e.apply_closes_on").as("apply_closes_on"),
    ])
    .where("a.company_org_id", "=", orgId)
    .where("a.status", "<>", "withdrawn")
    .where("e.status", "<>", "draft")
    .orderBy("e.starts_at", "desc")
    .limit(10)
    .execute();
  const out = [];
  for (const r of rows) {
    const phase = eventPhase({ status: r.event_status, starts_at: r.starts_at, apply_opens_on: r.apply_opens_on, apply_closes_on: r.apply_closes_on });
    const results = r.status === "selected" && phase.started ? (await pitchResults(db, r.event_id, r.pitch_id)).averages : null;
    out.push({ eventId: r.event_id, name: r.name, nameEn: r.name_en, startsAt: r.starts_at, status: r.status, pitchTitle: r.pitch_title, results });
  }
  return out;
}

/** Operator: upcoming rounds with application counts. */
export async function operatorUpcomingEvents(db: DB) {
  const cutoff = new Date(Date.now() - 24 * 3600_000);
  const rows = await db
    .selectFrom("pitch_events as e")
    .select([
      "e.id",
      "e.name",
      "e.name_en",
      "e.starts_at",
      "e.status",
      ymd("e.apply_closes_on").as("apply_closes_on"),
      (eb) => eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "<>", "withdrawn").as("applications"),
      (eb) => eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "=", "selected").as("selected"),
    ])
    .where("e.status", "=", "open")
    .where("e.starts_at", ">=", cutoff)
    .orderBy("e.starts_at")
    .limit(10)
    .execute();
  return rows.map((r) => ({ ...r, applications: Number(r.applications ?? 0), selected: Number(r.selected ?? 0) }));
}

/** Investor: rounds the user registered for, upcoming first. */
export async function investorRegisteredEvents(db: DB, userId: string) {
  const rows = await db
    .selectFrom("event_investors as i")
    .innerJoin("pitch_events as e", "e.id", "i.event_id")
    .select([
      "e.id",
      "e.name",
      "e.name_en",
      "e.starts_at",
      "e.status",
      (eb) => eb.selectFrom("event_ratings as r").select(sql<number>`count(*)::int`.as("n")).whereRef("r.event_id", "=", "e.id").where("r.rater_user_id", "=", userId).as("rated"),
      (eb) => eb.selectFrom("event_applications as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "=", "selected").as("cohort"),
    ])
    .where("i.user_id", "=", userId)
    .where("e.status", "<>", "draft")
    .orderBy("e.starts_at", "desc")
    .limit(10)
    .execute();
  return rows.map((r) => ({ ...r, rated: Number(r.rated ?? 0), cohort: Number(r.cohort ?? 0) }));
}
