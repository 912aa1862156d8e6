import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { MeetingStatus } from "../../../db/schema";
import { notify } from "~/modules/notifications/notifications.server";
import { enterMeetingStage } from "./pipeline.server";

export { getMeetablePitch } from "./pipeline.server";
import { UUID_RE, type MeetingRequestInput, type MeetingRespondInput } from "./schemas";

/**
 * Meeting requests from a verified investor organisation to the company behind
 * a published pitch: up to three proposed times; the company accepts one or
 * declines with a reason; the investor may cancel while it is pending. Only
 * the two organisations ever see a request.
 */

export type Actor = { userId: string; orgId: string; orgName: string };
export type MeetingSide = "company" | "investor";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === "23505" || /duplicate key value violates unique constraint/i.test(e?.message ?? "");
}

export async function findPendingRequestId(db: DB, pitchId: string, investorOrgId: string): Promise<string | null> {
  const r = await db
    .selectFrom("meeting_requests")
    .select("id")
    .where("pitch_id", "=", pitchId)
    .where("investor_org_id", "=", investorOrgId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * One pending request per investor organisation per pitch: the partial unique
 * index decides double submits and races; the loser gets the existing id.
 * The deal enters the pipeline at "meeting" in the same transaction. The
 * company's members are notified once.
 */
export async function createMeetingRequest(
  db: DB,
  actor: Actor,
  pitch: { id: string; title: string; org_id: string },
  input: MeetingRequestInput,
): Promise<{ id: string; created: boolean }> {
  const [s1, s2, s3] = input.slots;
  if (!s1) throw new Error("a meeting request needs at least one slot (schema)");
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("meeting_requests")
        .values({
          pitch_id: pitch.id,
          company_org_id: pitch.org_id,
          investor_org_id: actor.orgId,
          requested_by: actor.userId,
          message: input.message,
          slot_1: s1,
          slot_2: s2 ?? null,
          slot_3: s3 ?? null,
          duration_minutes: input.durationMinutes,
          location: input.location,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await enterMeetingStage(trx, actor, pitch);
      return row.id;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await findPendingRequestId(db, pitch.id, actor.orgId);
    if (!existing) throw err;
    return { id: existing, created: false };
  }
  await notify(db, {
    orgId: pitch.org_id,
    kind: "meeting.requested",
    params: { investor: actor.orgName, pitch: pitch.title },
    link: `/meetings/${id}`,
  });
  return { id, created: true };
}

const startExpr = sql<Date | null>`case mr.accepted_slot when 1 then mr.slot_1 when 2 then mr.slot_2 when 3 then mr.slot_3 end`;

/** The request when the viewer's organisation is one of its two sides; null (→ 404) for everyone else. */
export async function getMeetingForViewer(db: DB, id: string, viewerOrgId: string) {
  if (!UUID_RE.test(id)) return null;
  const m = await db
    .selectFrom("meeting_requests as mr")
    .innerJoin("pitches as p", "p.id", "mr.pitch_id")
    .innerJoin("organizations as c", "c.id", "mr.company_org_id")
    .innerJoin("organizations as i", "i.id", "mr.investor_org_id")
    .leftJoin("users as u", "u.id", "mr.requested_by")
    .select([
      "mr.id",
      "mr.status",
      "mr.message",
      "mr.slot_1",
      "mr.slot_2",
      "mr.slot_3",
      "mr.duration_minutes",
      "mr.location",
      "mr.accepted_slot",
      "mr.decline_reason",
      "mr.decline_note",
      "mr.responded_at",
      "mr.created_at",
      "mr.company_org_id",
      "mr.investor_org_id",
      "p.id as pitch_id",
      "p.title as pitch_title",
      "c.name as company_name", "c.name_en as company_name_en",
      "c.slug as company_slug",
      "i.name as investor_name", "i.name_en as investor_name_en",
      "i.slug as investor_slug",
      "u.name as requested_by_name",
      startExpr.as("start_at"),
    ])
    .where("mr.id", "=", id)
    .executeTakeFirst();
  if (!m) return null;
  const side: MeetingSide | null = m.company_org_id === viewerOrgId ? "company" : m.investor_org_id === viewerOrgId ? "investor" : null;
  if (!side) return null;
  return { ...m, side };
}

export function slotsOf(m: { slot_1: Date; slot_2: Date | null; slot_3: Date | null }): { n: 1 | 2 | 3; at: Date }[] {
  const out: { n: 1 | 2 | 3; at: Date }[] = [{ n: 1, at: m.slot_1 }];
  if (m.slot_2) out.push({ n: 2, at: m.slot_2 });
  if (m.slot_3) out.push({ n: 3, at: m.slot_3 });
  return out;
}

export type RespondResult =
  | { ok: true; status: MeetingStatus }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "transition"; from: MeetingStatus }
  | { ok: false; reason: "slot" };

/**
 * Company: accept one proposed (future) time, or decline with a reason.
 * Investor: cancel while pending. Conditional on the request still being
 * pending, so two people answering at once cannot both win. The other side is notified.
 */
export async function respondToMeeting(db: DB, actor: Actor, id: string, input: MeetingRespondInput, now = new Date()): Promise<RespondResult> {
  const m = await getMeetingForViewer(db, id, actor.orgId);
  const side: MeetingSide = input.intent === "cancel" ? "investor" : "company";
  if (!m || m.side !== side) return { ok: false, reason: "notFound" };
  if (m.status !== "pending") return { ok: false, reason: "transition", from: m.status };
  let set: Record<string, unknown>;
  let to: MeetingStatus;
  if (input.intent === "accept") {
    const slot = slotsOf(m).find((s) => s.n === input.slot);
    if (!slot || slot.at.getTime() <= now.getTime()) return { ok: false, reason: "slot" };
    to = "accepted";
    set = { status: to, accepted_slot: slot.n };
  } else if (input.intent === "decline") {
    if (!input.reason || (input.reason === "other" && !input.note)) throw new Error("decline needs a reason (schema)");
    to = "declined";
    set = { status: to, decline_reason: input.reason, decline_note: input.note || null };
  } else {
    to = "cancelled";
    set = { status: to };
  }
  const updated = await db
    .updateTable("meeting_requests")
    .set({ ...set, responded_by: actor.userId, responded_at: now })
    .where("id", "=", m.id)
    .where("status", "=", "pending")
    .returning(["status"])
    .executeTakeFirst();
  if (!updated) {
    const current = await getMeetingForViewer(db, id, actor.orgId);
    return { ok: false, reason: "transition", from: current?.status ?? m.status };
  }
  await notify(db, {
    orgId: side === "company" ? m.investor_org_id : m.company_org_id,
    kind: to === "accepted" ? "meeting.accepted" : to === "declined" ? "meeting.declined" : "meeting.cancelled",
    params: { company: m.company_name, investor: m.investor_name, pitch: m.pitch_title },
    link: `/meetings/${m.id}`,
  });
  return { ok: true, status: to };
}

// ---- Lists ----

export const MEETINGS_PAGE_SIZE = 20;

/**
 * Both sides' list: upcoming accepted meetings first (soonest first), then
 * pending requests (newest first), then everything past or closed.
 */
export async function listMeetings(db: DB, viewer: { orgId: string; side: MeetingSide }, page: number, now = new Date()) {
  const base = db
    .selectFrom("meeting_requests as mr")
    .innerJoin("pitches as p", "p.id", "mr.pitch_id")
    .innerJoin("organizations as c", "c.id", "mr.company_org_id")
    .innerJoin("organizations as i", "i.id", "mr.investor_org_id")
    .where(viewer.side === "company" ? "mr.company_org_id" : "mr.investor_org_id", "=", viewer.orgId);
  const group = sql<number>`case when mr.status = 'accepted' and ${startExpr} + make_interval(mins => mr.duration_minutes) >= ${now} then 0 when mr.status = 'pending' then 1 else 2 end`;
  const [rows, total] = await Promise.all([
    base
      .select([
        "mr.id",
        "mr.status",
        "mr.slot_1",
        "mr.slot_2",
        "mr.slot_3",
        "mr.duration_minutes",
        "mr.created_at",
        "p.id as pitch_id",
        "p.title as pitch_title",
        "c.name as company_name", "c.name_en as company_name_en",
        "i.name as investor_name", "i.name_en as investor_name_en",
        startExpr.as("start_at"),
        group.as("grp"),
      ])
      .orderBy(sql`grp`)
      .orderBy(sql`case when ${group} = 0 then ${startExpr} end`, "asc")
      .orderBy("mr.created_at", "desc")
      .orderBy("mr.id")
      .limit(MEETINGS_PAGE_SIZE)
      .offset((page - 1) * MEETINGS_PAGE_SIZE)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => ({ ...r, grp: Number(r.grp) as 0 | 1 | 2 }));
  return { items, total: Number(total.n), pageCount: Math.max(1, Math.ceil(Number(total.n) / MEETINGS_PAGE_SIZE)) };
}

/** Dashboards: accepted meetings that have not ended yet, soonest first. */
export async function upcomingMeetings(db: DB, viewer: { orgId: string; side: MeetingSide }, limit = 5, now = new Date()) {
  return db
    .selectFrom("meeting_requests as mr")
    .innerJoin("pitches as p", "p.id", "mr.pitch_id")
    .innerJoin("organizations as c", "c.id", "mr.company_org_id")
    .innerJoin("organizations as i", "i.id", "mr.investor_org_id")
    .select(["mr.id", "mr.duration_minutes", "mr.location", "p.title as pitch_title", "c.name as company_name", "c.name_en as company_name_en", "i.name as investor_name", "i.name_en as investor_name_en", startExpr.as("start_at")])
    .where(viewer.side === "company" ? "mr.company_org_id" : "mr.investor_org_id", "=", viewer.orgId)
    .where("mr.status", "=", "accepted")
    .where(sql<boolean>`${startExpr} + make_interval(mins => mr.duration_minutes) >= ${now}`)
    .orderBy(sql`start_at`)
    .limit(limit)
    .execute();
}

/** Company dashboard: requests waiting for an answer, oldest first. */
export async function awaitingCompanyAnswer(db: DB, companyOrgId: string, limit = 5) {
  return db
    .selectFrom("meeting_requests as mr")
    .innerJoin("pitches as p", "p.id", "mr.pitch_id")
    .innerJoin("organizations as i", "i.id", "mr.investor_org_id")
    .select(["mr.id", "mr.created_at", "mr.slot_1", "p.title as pitch_title", "i.name as investor_name", "i.name_en as investor_name_en"])
    .where("mr.company_org_id", "=", companyOrgId)
    .where("mr.status", "=", "pending")
    .orderBy("mr.created_at", "asc")
    .limit(limit)
    .execute();
}
