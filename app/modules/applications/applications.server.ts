import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { ApplicationStatus } from "../../../db/schema";
import { todayInSeoul } from "~/modules/needs/dates";
import { refreshCompanyPitches } from "~/modules/matching/service.server";
import { notify } from "~/modules/notifications/notifications.server";
import { discardFiles, isUuid, type StoredFile } from "~/modules/uploads/uploads.server";
import type { ApplicationStatusCode, ApplyInput, DecideInput } from "./schemas";

/**
 * Applications of companies to hospital needs, their review states and the
 * message thread between the two organisations. Only two organisations ever
 * see an application: the applying company and the hospital that owns the need.
 */

export type Actor = { userId: string; orgId: string; orgName: string };

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === "23505" || /duplicate key value violates unique constraint/i.test(e?.message ?? "");
}

/** A need a company may apply to: open, not hidden by moderation, and its deadline (a Korean calendar date) not passed. */
export async function getOpenNeed(db: DB, needId: string) {
  if (!isUuid(needId)) return null;
  return (
    (await db
      .selectFrom("needs as n")
      .innerJoin("organizations as o", "o.id", "n.org_id")
      .select(["n.id", "n.title", "n.summary", "n.org_id", "n.trl_min", "n.trl_max", "n.budget_min_krw", "n.budget_max_krw", "o.name as hospital_name", "o.name_en as hospital_name_en", "o.slug as hospital_slug"])
      .where("n.id", "=", needId)
      .where("n.status", "=", "open")
      .where("n.hidden_at", "is", null)
      .where((eb) => eb.or([eb("n.deadline", "is", null), eb("n.deadline", ">=", sql<Date>`${todayInSeoul()}::date`)]))
      .executeTakeFirst()) ?? null
  );
}

export async function findOwnApplicationId(db: DB, needId: string, companyOrgId: string): Promise<string | null> {
  if (!isUuid(needId)) return null;
  const r = await db.selectFrom("applications").select("id").where("need_id", "=", needId).where("company_org_id", "=", companyOrgId).executeTakeFirst();
  return r?.id ?? null;
}

async function insertAttachments(db: DB, actor: Actor, target: { applicationId?: string; messageId?: string }, files: StoredFile[]) {
  if (!files.length) return;
  await db
    .insertInto("attachments")
    .values(
      files.map((f) => ({
        owner_org_id: actor.orgId,
        uploaded_by: actor.userId,
        application_id: target.applicationId ?? null,
        message_id: target.messageId ?? null,
        filename: f.filename,
        storage_key: f.storageKey,
        content_type: "application/pdf",
        size_bytes: f.sizeBytes,
        sha256: f.sha256,
      })),
    )
    .execute();
}

/**
 * One application per company per need: the unique constraint decides double
 * submits and races; the loser gets the existing application's id (and its
 * uploaded files are removed). The hospital's members are notified once.
 */
export async function createApplication(
  db: DB,
  actor: Actor,
  need: { id: string; title: string; org_id: string },
  input: ApplyInput,
  files: StoredFile[],
): Promise<{ id: string; created: boolean }> {
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("applications")
        .values({
          need_id: need.id,
          company_org_id: actor.orgId,
          submitted_by: actor.userId,
          approach: input.approach,
          team: input.team,
          trl: input.trl,
          budget_krw: input.budgetKrw,
          timeline: input.timeline,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertAttachments(trx, actor, { applicationId: row.id }, files);
      return row.id;
    });
  } catch (err) {
    await discardFiles(files);
    if (!isUniqueViolation(err)) throw err;
    const existing = await findOwnApplicationId(db, need.id, actor.orgId);
    if (!existing) throw err;
    return { id: existing, created: false };
  }
  await notify(db, {
    orgId: need.org_id,
    kind: "application.new",
    params: { company: actor.orgName, need: need.title },
    link: `/applications/${id}`,
  });
  return { id, created: true };
}

// ---- Reading one application ----

export type Side = "company" | "hospital";

/**
 * The application when the viewer's organisation is one of its two sides;
 * null (→ 404) for everyone else, including a malformed id.
 */
export async function getApplicationForViewer(db: DB, id: string, viewerOrgId: string) {
  if (!isUuid(id)) return null;
  const app = await db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .innerJoin("organizations as h", "h.id", "n.org_id")
    .innerJoin("organizations as c", "c.id", "a.company_org_id")
    .select([
      "a.id",
      "a.status",
      "a.approach",
      "a.team",
      "a.trl",
      "a.budget_krw",
      "a.timeline",
      "a.decline_reason",
      "a.decline_note",
      "a.decided_at",
      "a.first_response_at",
      "a.created_at",
      "a.updated_at",
      "a.company_org_id",
      "n.id as need_id",
      "n.title as need_title",
      "n.org_id as hospital_org_id",
      "h.name as hospital_name", "h.name_en as hospital_name_en",
      "h.slug as hospital_slug",
      "c.name as company_name", "c.name_en as company_name_en",
      "c.slug as company_slug",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!app) return null;
  const side: Side | null = app.company_org_id === viewerOrgId ? "company" : app.hospital_org_id === viewerOrgId ? "hospital" : null;
  if (!side) return null;
  return { ...app, budget_krw: app.budget_krw == null ? null : Number(app.budget_krw), side };
}

export async function getThread(db: DB, applicationId: string) {
  const [attachments, messages] = await Promise.all([
    db
      .selectFrom("attachments")
      .select(["id", "filename", "size_bytes", "message_id", "application_id", "created_at"])
      .where((eb) =>
        eb.or([
          eb("application_id", "=", applicationId),
          eb("message_id", "in", eb.selectFrom("messages").select("id").where("application_id", "=", applicationId)),
        ]),
      )
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("messages as m")
      .innerJoin("organizations as o", "o.id", "m.author_org_id")
      .leftJoin("users as u", "u.id", "m.author_id")
      .select(["m.id", "m.body", "m.created_at", "m.author_org_id", "m.hidden_at", "o.name as org_name", "u.name as author_name"])
      .where("m.application_id", "=", applicationId)
      .orderBy("m.created_at")
      .orderBy("m.id")
      .limit(500)
      .execute(),
  ]);
  const files = attachments.map((a) => ({ id: a.id, filename: a.filename, sizeBytes: Number(a.size_bytes), messageId: a.message_id }));
  return {
    proposalFiles: files.filter((f) => !f.messageId),
    // A message hidden by an operator stays in its place for the two parties, without its text or files.
    messages: messages.map(({ hidden_at, ...m }) => (hidden_at ? { ...m, body: "", hidden: true, files: [] } : { ...m, hidden: false, files: files.filter((f) => f.messageId === m.id) })),
  };
}

// ---- Changing state ----

const transitions: Record<DecideInput["intent"], { side: Side; from: ApplicationStatus[]; to: ApplicationStatus }> = {
  shortlist: { side: "hospital", from: ["submitted"], to: "shortlisted" },
  accept: { side: "hospital", from: ["submitted", "shortlisted"], to: "accepted" },
  decline: { side: "hospital", from: ["submitted", "shortlisted"], to: "declined" },
  withdraw: { side: "company", from: ["submitted", "shortlisted"], to: "withdrawn" },
};

export type DecideResult = { ok: true; status: ApplicationStatus } | { ok: false; reason: "notFound" } | { ok: false; reason: "transition"; from: ApplicationStatus };

/**
 * Move an application along submitted → shortlisted → accepted / declined (or
 * withdrawn by the company). The update is conditional on the current state,
 * so two reviewers acting at once cannot skip a rule. The other side is notified.
 */
export async function decideApplication(db: DB, actor: Actor, applicationId: string, input: DecideInput): Promise<DecideResult> {
  const app = await getApplicationForViewer(db, applicationId, actor.orgId);
  const rule = transitions[input.intent];
  if (!app || app.side !== rule.side) return { ok: false, reason: "notFound" };
  if (input.intent === "decline" && (!input.reason || (input.reason === "other" && !input.note))) throw new Error("decline needs a reason (schema)");
  const now = new Date();
  const decided = rule.to === "accepted" || rule.to === "declined";
  const updated = await db
    .updateTable("applications")
    .set({
      status: rule.to,
      updated_at: now,
      ...(rule.side === "hospital" ? { first_response_at: sql<Date>`coalesce(first_response_at, ${now})` } : {}),
      ...(decided ? { decided_at: now } : {}),
      ...(rule.to === "declined" ? { decline_reason: input.reason ?? null, decline_note: input.note || null } : {}),
    })
    .where("id", "=", app.id)
    .where("status", "in", rule.from)
    .returning(["status"])
    .executeTakeFirst();
  if (!updated) return { ok: false, reason: "transition", from: app.status };
  // An accepted proposal is a hospital-collaboration signal on the company's pitches.
  if (rule.to === "accepted") await refreshCompanyPitches(db, app.company_org_id);
  await notify(db, {
    orgId: rule.side === "hospital" ? app.company_org_id : app.hospital_org_id,
    kind: "application.status",
    params: { status: rule.to, need: app.need_title, company: app.company_name, hospital: app.hospital_name },
    link: `/applications/${app.id}`,
  });
  return { ok: true, status: rule.to };
}

/**
 * A message in the thread (with optional PDFs). A hospital's first message counts as its first response.
 * With `submissionId` (the form's idempotency token) a resent form stores nothing new and notifies nobody again.
 */
export async function addMessage(db: DB, actor: Actor, applicationId: string, body: string, files: StoredFile[], submissionId: string | null = null): Promise<boolean> {
  const app = await getApplicationForViewer(db, applicationId, actor.orgId);
  if (!app) {
    await discardFiles(files);
    return false;
  }
  const seen = async () =>
    submissionId
      ? Boolean(await db.selectFrom("messages").select("id").where("application_id", "=", app.id).where("submission_id", "=", submissionId).executeTakeFirst())
      : false;
  if (await seen()) {
    await discardFiles(files);
    return true;
  }
  try {
    await db.transaction().execute(async (trx) => {
      const m = await trx
        .insertInto("messages")
        .values({ application_id: app.id, author_id: actor.userId, author_org_id: actor.orgId, body, submission_id: submissionId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertAttachments(trx, actor, { messageId: m.id }, files);
      await trx
        .updateTable("applications")
        .set(app.side === "hospital" ? { updated_at: new Date(), first_response_at: sql<Date>`coalesce(first_response_at, now())` } : { updated_at: new Date() })
        .where("id", "=", app.id)
        .execute();
    });
  } catch (err) {
    await discardFiles(files);
    // The same form sent twice at once: the other request stored it.
    if (submissionId && isUniqueViolation(err) && (await seen())) return true;
    throw err;
  }
  await notify(db, {
    orgId: app.side === "hospital" ? app.company_org_id : app.hospital_org_id,
    kind: "message.new",
    params: { from: actor.orgName, need: app.need_title },
    link: `/applications/${app.id}`,
  });
  return true;
}

// ---- Lists ----

export const APPLICATIONS_PAGE_SIZE = 20;

/**
 * Companies: their own applications. Hospitals: applications to their needs,
 * those still waiting for an answer first. Nobody else has a list.
 */
export async function listApplications(db: DB, viewer: { orgId: string; kind: "company" | "hospital" }, opts: { status?: ApplicationStatusCode; page: number }) {
  const lastActivity = sql<Date>`greatest(a.updated_at, coalesce((select max(m.created_at) from messages m where m.application_id = a.id), a.updated_at))`;
  let base = db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .innerJoin("organizations as h", "h.id", "n.org_id")
    .innerJoin("organizations as c", "c.id", "a.company_org_id");
  base = viewer.kind === "company" ? base.where("a.company_org_id", "=", viewer.orgId) : base.where("n.org_id", "=", viewer.orgId);
  if (opts.status) base = base.where("a.status", "=", opts.status);
  let q = base.select([
    "a.id",
    "a.status",
    "a.created_at",
    "a.first_response_at",
    "n.id as need_id",
    "n.title as need_title",
    "h.name as hospital_name", "h.name_en as hospital_name_en",
    "c.name as company_name", "c.name_en as company_name_en",
    lastActivity.as("last_activity"),
  ]);
  q =
    viewer.kind === "hospital"
      ? q.orderBy(sql`(a.status = 'submitted' and a.first_response_at is null)`, "desc").orderBy("a.created_at", "desc")
      : q.orderBy(sql`last_activity`, "desc");
  const [items, total] = await Promise.all([
    q
      .orderBy("a.id")
      .limit(APPLICATIONS_PAGE_SIZE)
      .offset((opts.page - 1) * APPLICATIONS_PAGE_SIZE)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), pageCount: Math.max(1, Math.ceil(Number(total.n) / APPLICATIONS_PAGE_SIZE)) };
}

/** The company dashboard's "내 지원 현황": most recent first. */
export async function companyApplicationsSummary(db: DB, companyOrgId: string, limit = 5) {
  return db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .innerJoin("organizations as h", "h.id", "n.org_id")
    .select(["a.id", "a.status", "a.created_at", "n.title as need_title", "h.name as hospital_name", "h.name_en as hospital_name_en"])
    .where("a.company_org_id", "=", companyOrgId)
    .orderBy("a.updated_at", "desc")
    .limit(limit)
    .execute();
}

/** The hospital dashboard's "답변을 기다리는 지원서": applications to its needs with no answer yet, oldest first. */
export async function awaitingHospitalAnswer(db: DB, hospitalOrgId: string, limit = 5) {
  return db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .innerJoin("organizations as c", "c.id", "a.company_org_id")
    .select(["a.id", "a.status", "a.created_at", "n.title as need_title", "c.name as company_name", "c.name_en as company_name_en"])
    .where("n.org_id", "=", hospitalOrgId)
    .where("a.status", "in", ["submitted", "shortlisted"])
    .where("a.first_response_at", "is", null)
    .orderBy("a.created_at", "asc")
    .limit(limit)
    .execute();
}
