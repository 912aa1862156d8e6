import { refreshNeed } from "~/modules/matching/service.server";
import { notifyOrg } from "~/modules/notifications/notifications.server";
import type { DB } from "../../../db/client";
import type { OrgViewer } from "~/modules/auth/viewer";
import type { NeedStatus } from "../../../db/schema";
import { getNeedDetails, hasNdaAcceptance, insertNdaAcceptance, isOpenCall } from "../../../db/queries/needs";
import { audit } from "~/modules/audit/audit.server";
import { createOnce } from "~/utils/submission.server";
import type { TaxonomyKind } from "~/modules/taxonomy/vocabulary";
import { buildSearchText } from "./search-text";
export { buildSearchText };
import type { CallInput, NeedInput, NeedStatusIntent } from "./schemas";

type Actor = { userId: string; orgId: string };
export type Viewer = OrgViewer | null;

const TERM_FIELDS = [
  ["clinicalAreas", "clinical_area"],
  ["techFields", "tech_field"],
  ["collaborationTypes", "collaboration_type"],
  ["certifications", "certification"],
  ["growthStages", "growth_stage"],
] as const satisfies readonly (readonly [keyof NeedInput, TaxonomyKind])[];

function termRows(input: NeedInput) {
  return TERM_FIELDS.flatMap(([field, kind]) => (input[field] as string[]).map((code) => ({ kind, code })));
}

/** PostgreSQL text cannot hold NUL characters: drop them rather than fail with a 500. */
const clean = (s: string) => s.replace(/\u0000/g, "");

/** The columns a form may write, built one by one (no mass assignment). */
function columns(raw: NeedInput) {
  const input = { ...raw, title: clean(raw.title), summary: clean(raw.summary), details: clean(raw.details) };
  return {
    title: input.title,
    summary: input.summary,
    details: input.details,
    trl_min: input.trlMin ?? null,
    trl_max: input.trlMax ?? null,
    budget_min_krw: input.budgetMinKrw,
    budget_max_krw: input.budgetMaxKrw,
    duration_months: input.durationMonths ?? null,
    deadline: input.deadline ?? null,
    program_call_id: input.programCallId ?? null,
    adoption_payer: input.adoptionPayer,
    adoption_route: input.adoptionRoute,
    adoption_reimbursement: input.adoptionReimbursement,
    search_text: buildSearchText(input.title, input.summary, termRows(input)),
  };
}

export type SaveResult = { ok: true; id: string } | { ok: false; field: "programCallId"; message: string };

async function checkCall(db: DB, input: NeedInput, keepCallId: string | null): Promise<SaveResult | null> {
  if (!input.programCallId || input.programCallId === keepCallId) return null;
  return (await isOpenCall(db, input.programCallId)) ? null : { ok: false, field: "programCallId", message: "needs:validation.callNotOpen" };
}

/**
 * With `submissionId` (the form's idempotency token) a repeated submit of the
 * same form returns the need it already created instead of a second one.
 */
export async function createNeed(db: DB, actor: Actor, input: NeedInput, opts: { publish: boolean; defaultNda: string; submissionId?: string | null }): Promise<SaveResult> {
  const bad = await checkCall(db, input, null);
  if (bad) return bad;
  const submissionId = opts.submissionId ?? null;
  const existing = async () =>
    submissionId
      ? await db.selectFrom("needs").select("id").where("org_id", "=", actor.orgId).where("submission_id", "=", submissionId).executeTakeFirst()
      : undefined;
  const saved = await createOnce(submissionId, existing, async () => (await insertNeed(db, actor, input, opts, submissionId)).id);
  if (saved.created) await refreshNeed(db, saved.id);
  return { ok: true, id: saved.id };
}

async function insertNeed(db: DB, actor: Actor, input: NeedInput, opts: { publish: boolean; defaultNda: string }, submissionId: string | null) {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .insertInto("needs")
      .values({
        ...columns(input),
        org_id: actor.orgId,
        author_id: actor.userId,
        status: opts.publish ? "open" : "draft",
        published_at: opts.publish ? now : null,
        nda_text: clean(input.ndaText) || opts.defaultNda,
        nda_version: 1,
        submission_id: submissionId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const terms = termRows(input);
    if (terms.length) await trx.insertInto("need_terms").values(terms.map((t) => ({ ...t, need_id: row.id }))).execute();
    return { ok: true as const, id: row.id };
  });
}

/**
 * Saves the form on the organisation's own need. A changed NDA text is a new
 * NDA version: acceptances of earlier versions no longer unlock the details.
 */
export async function updateNeed(db: DB, actor: Actor, needId: string, input: NeedInput, opts: { defaultNda: string }): Promise<SaveResult | null> {
  const saved = await db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom("needs").select(["nda_text", "nda_version", "program_call_id"]).where("id", "=", needId).where("org_id", "=", actor.orgId).forUpdate().executeTakeFirst();
    if (!cur) return null;
    const bad = await checkCall(trx, input, cur.program_call_id);
    if (bad) return bad;
    const ndaText = clean(input.ndaText) || opts.defaultNda;
    const ndaChanged = ndaText.trim() !== cur.nda_text.trim();
    await trx
      .updateTable("needs")
      .set({ ...columns(input), nda_text: ndaText, nda_version: ndaChanged ? cur.nda_version + 1 : cur.nda_version, updated_at: new Date() })
      .where("id", "=", needId)
      .where("org_id", "=", actor.orgId)
      .execute();
    await trx.deleteFrom("need_terms").where("need_id", "=", needId).execute();
    const terms = termRows(input);
    if (terms.length) await trx.insertInto("need_terms").values(terms.map((t) => ({ ...t, need_id: needId }))).execute();
    return { ok: true as const, id: needId };
  });
  if (saved?.ok) await refreshNeed(db, needId);
  return saved;
}

const TRANSITIONS: Record<NeedStatusIntent, { from: NeedStatus[]; to: NeedStatus }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open"], to: "closed" },
  match: { from: ["open", "closed"], to: "matched" },
  reopen: { from: ["closed"], to: "open" },
};

/** null: not this organisation's need (→ 404); false: not allowed from the current status. */
export async function changeNeedStatus(db: DB, actor: Actor, needId: string, intent: NeedStatusIntent): Promise<boolean | null> {
  const changed = await db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom("needs").select(["status", "published_at"]).where("id", "=", needId).where("org_id", "=", actor.orgId).forUpdate().executeTakeFirst();
    if (!cur) return null;
    const tr = TRANSITIONS[intent];
    if (!tr.from.includes(cur.status)) return false;
    const now = new Date();
    await trx
      .updateTable("needs")
      .set({
        status: tr.to,
        updated_at: now,
        published_at: tr.to === "open" ? (cur.published_at ?? now) : cur.published_at,
        closed_at: tr.to === "closed" || tr.to === "matched" ? now : null,
      })
      .where("id", "=", needId)
      .execute();
    return true;
  });
  if (changed) await refreshNeed(db, needId);
  return changed;
}

type PublicNeed = { id: string; org_id: string; status: NeedStatus; hidden_at: Date | null; nda_version: number };

/** Drafts: owner only. Hidden: owner and operators. Everyone else: 404. */
export function canSeeNeed(need: PublicNeed, viewer: Viewer): boolean {
  const own = viewer?.orgId === need.org_id;
  if (need.status === "draft") return own;
  if (need.hidden_at) return own || viewer?.orgKind === "operator";
  return true;
}

export type ConfidentialAccess = "own" | "nda-accepted" | "nda-needed" | "unverified" | "login" | "none";

/** Who may read the confidential details of a need, decided in one place. */
export async function confidentialAccess(db: DB, need: PublicNeed, viewer: Viewer): Promise<ConfidentialAccess> {
  if (!viewer) return "login";
  if (viewer.orgId === need.org_id) return "own";
  if (viewer.orgKind !== "company") return "none";
  if (viewer.orgStatus !== "verified") return "unverified";
  return (await hasNdaAcceptance(db, need.id, viewer.orgId, need.nda_version)) ? "nda-accepted" : "nda-needed";
}

/** Reads the details for a viewer allowed to see them; a company's view is audited every time. */
export async function readDetails(db: DB, need: PublicNeed, viewer: NonNullable<Viewer>, access: ConfidentialAccess, ip: string | null): Promise<string | null> {
  if (access !== "own" && access !== "nda-accepted") return null;
  const details = await getNeedDetails(db, need.id);
  if (access === "nda-accepted") {
    await audit(db, {
      event: "confidential.viewed",
      actorUserId: viewer.userId,
      actorOrgId: viewer.orgId,
      targetType: "need",
      targetId: need.id,
      detail: { ndaVersion: need.nda_version },
      ip,
    });
  }
  return details;
}

/** One click, recorded with who and when; a second click stores nothing more. */
export async function acceptNda(db: DB, viewer: { userId: string; orgId: string }, need: { id: string; nda_version: number }, ip: string | null): Promise<void> {
  const stored = await db.transaction().execute(async (trx) => {
    const stored = await insertNdaAcceptance(trx, { needId: need.id, orgId: viewer.orgId, userId: viewer.userId, version: need.nda_version });
    if (stored) {
      await audit(trx, {
        event: "nda.accepted",
        actorUserId: viewer.userId,
        actorOrgId: viewer.orgId,
        targetType: "need",
        targetId: need.id,
        detail: { ndaVersion: need.nda_version },
        ip,
      });
    }
    return stored;
  });
  if (stored) {
    // The hospital hears that a company now reads its confidential details.
    const row = await db
      .selectFrom("needs as n")
      .innerJoin("organizations as o", "o.id", "n.org_id")
      .select(["n.org_id", "n.title"])
      .where("n.id", "=", need.id)
      .executeTakeFirst();
    const company = await db.selectFrom("organizations").select("name").where("id", "=", viewer.orgId).executeTakeFirst();
    if (row && company) await notifyOrg(db, row.org_id, "nda.accepted", { company: company.name, need: row.title }, `/needs/${need.id}`);
  }
}

// ---- Program calls (operators) ----

function callColumns(input: CallInput) {
  return {
    name: clean(input.name),
    name_en: clean(input.nameEn) || null,
    description: clean(input.description),
    eligibility: clean(input.eligibility),
    budget_krw: input.budgetKrw,
    starts_on: input.startsOn ?? null,
    ends_on: input.endsOn ?? null,
  };
}

/** With the form's idempotency token a resent form returns the call it already created. */
export async function createCall(db: DB, actor: Actor, input: CallInput, submissionId: string | null = null): Promise<string> {
  const existing = async () => (submissionId ? await db.selectFrom("program_calls").select("id").where("submission_id", "=", submissionId).executeTakeFirst() : undefined);
  const created = await createOnce(submissionId, existing, async () => {
    const r = await db
      .insertInto("program_calls")
      .values({ ...callColumns(input), created_by: actor.userId, submission_id: submissionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  });
  return created.id;
}

export async function updateCall(db: DB, callId: string, input: CallInput): Promise<boolean> {
  const r = await db.updateTable("program_calls").set(callColumns(input)).where("id", "=", callId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setCallStatus(db: DB, callId: string, status: "open" | "closed"): Promise<boolean> {
  const r = await db.updateTable("program_calls").set({ status }).where("id", "=", callId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
