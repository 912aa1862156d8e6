import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { DealStage } from "../../../db/schema";
import { notify } from "~/modules/notifications/notifications.server";
import { companyStatusOf, dealStages, UUID_RE, type CompanyDealStatus, type DealStageCode, type PassReason, type StageInput } from "./schemas";

/**
 * Each investor organisation's deal pipeline: one deal per pitch, its stage
 * history (deal_stage_changes) and private notes (deal_notes). Notes and
 * amounts never leave the investor organisation; the company only learns a
 * high-level status (see companyDealStatuses).
 */

export type Actor = { userId: string; orgId: string; orgName: string };

/** A pitch investors may act on: published, not hidden by moderation, its company verified. */
export async function getMeetablePitch(db: DB, pitchId: string) {
  if (!UUID_RE.test(pitchId)) return null;
  return (
    (await db
      .selectFrom("pitches as p")
      .innerJoin("organizations as o", "o.id", "p.org_id")
      .select(["p.id", "p.title", "p.org_id", "p.round", "o.name as company_name", "o.name_en as company_name_en"])
      .where("p.id", "=", pitchId)
      .where("p.status", "=", "published")
      .where("p.hidden_at", "is", null)
      .where("o.status", "=", "verified")
      .executeTakeFirst()) ?? null
  );
}

async function recordChange(db: DB, dealId: string, from: DealStage | null, to: DealStage, userId: string | null) {
  await db.insertInto("deal_stage_changes").values({ deal_id: dealId, from_stage: from, to_stage: to, changed_by: userId }).execute();
}

/** The deal row for (investor org, pitch), creating it at `stage` when missing (race-safe). */
async function upsertDeal(db: DB, actor: Actor, pitch: { id: string; org_id: string }, stage: DealStage) {
  const inserted = await db
    .insertInto("deals")
    .values({ investor_org_id: actor.orgId, pitch_id: pitch.id, company_org_id: pitch.org_id, stage, created_by: actor.userId })
    .onConflict((oc) => oc.columns(["investor_org_id", "pitch_id"]).doNothing())
    .returning(["id", "stage"])
    .executeTakeFirst();
  if (inserted) {
    await recordChange(db, inserted.id, null, stage, actor.userId);
    return { id: inserted.id, stage: inserted.stage, created: true };
  }
  const existing = await db
    .selectFrom("deals")
    .select(["id", "stage"])
    .where("investor_org_id", "=", actor.orgId)
    .where("pitch_id", "=", pitch.id)
    .executeTakeFirstOrThrow();
  return { ...existing, created: false };
}

/**
 * A meeting request puts the deal at "meeting": created there when missing,
 * moved up from "watching" (later stages are left alone). Runs inside the
 * caller's transaction.
 */
export async function enterMeetingStage(db: DB, actor: Actor, pitch: { id: string; org_id: string }) {
  const deal = await upsertDeal(db, actor, pitch, "meeting");
  if (!deal.created && deal.stage === "watching") {
    const moved = await db
      .updateTable("deals")
      .set({ stage: "meeting", updated_at: new Date() })
      .where("id", "=", deal.id)
      .where("stage", "=", "watching")
      .returning("id")
      .executeTakeFirst();
    if (moved) await recordChange(db, deal.id, "watching", "meeting", actor.userId);
  }
  return deal.id;
}

/** "관심 딜로 추가": idempotent; null when the pitch is not one investors may see. */
export async function watchPitch(db: DB, actor: Actor, pitchId: string): Promise<{ id: string; created: boolean } | null> {
  const pitch = await getMeetablePitch(db, pitchId);
  if (!pitch) return null;
  const deal = await db.transaction().execute((trx) => upsertDeal(trx, actor, pitch, "watching"));
  return { id: deal.id, created: deal.created };
}

/** The investor's deal for a pitch, if any (the pitch page shows "in your pipeline"). */
export async function findDealId(db: DB, investorOrgId: string, pitchId: string): Promise<string | null> {
  if (!UUID_RE.test(pitchId)) return null;
  const r = await db.selectFrom("deals").select("id").where("investor_org_id", "=", investorOrgId).where("pitch_id", "=", pitchId).executeTakeFirst();
  return r?.id ?? null;
}

export const PIPELINE_LIMIT = 500;

/** Every deal of the investor organisation (board and table), most recently moved first. */
export async function listDeals(db: DB, investorOrgId: string) {
  const rows = await db
    .selectFrom("deals as d")
    .innerJoin("pitches as p", "p.id", "d.pitch_id")
    .innerJoin("organizations as c", "c.id", "d.company_org_id")
    .select([
      "d.id",
      "d.stage",
      "d.committed_krw",
      "d.invested_krw",
      sql<string | null>`to_char(d.invested_on, 'YYYY-MM-DD')`.as("invested_on"),
      "d.pass_reason",
      "d.updated_at",
      "p.id as pitch_id",
      "p.title as pitch_title",
      "p.round",
      "c.name as company_name", "c.name_en as company_name_en",
      sql<number>`(select count(*)::int from deal_notes n where n.deal_id = d.id)`.as("note_count"),
    ])
    .where("d.investor_org_id", "=", investorOrgId)
    .orderBy("d.updated_at", "desc")
    .orderBy("d.id")
    .limit(PIPELINE_LIMIT)
    .execute();
  return rows.map((r) => ({
    ...r,
    committed_krw: r.committed_krw == null ? null : Number(r.committed_krw),
    invested_krw: r.invested_krw == null ? null : Number(r.invested_krw),
    note_count: Number(r.note_count),
  }));
}

/** Dashboard: number of deals per stage (every stage present, zeros included). */
export async function stageCounts(db: DB, investorOrgId: string): Promise<Record<DealStageCode, number>> {
  const rows = await db
    .selectFrom("deals")
    .select(["stage", sql<number>`count(*)::int`.as("n")])
    .where("investor_org_id", "=", investorOrgId)
    .groupBy("stage")
    .execute();
  const out = Object.fromEntries(dealStages.map((s) => [s, 0])) as Record<DealStageCode, number>;
  for (const r of rows) out[r.stage] = Number(r.n);
  return out;
}

/** One deal of the investor's own organisation; null (→ 404) for anyone else. */
export async function getDealForInvestor(db: DB, dealId: string, investorOrgId: string) {
  if (!UUID_RE.test(dealId)) return null;
  const d = await db
    .selectFrom("deals as d")
    .innerJoin("pitches as p", "p.id", "d.pitch_id")
    .innerJoin("organizations as c", "c.id", "d.company_org_id")
    .select([
      "d.id",
      "d.stage",
      "d.committed_krw",
      "d.invested_krw",
      sql<string | null>`to_char(d.invested_on, 'YYYY-MM-DD')`.as("invested_on"),
      "d.pass_reason",
      "d.created_at",
      "d.updated_at",
      "d.company_org_id",
      "p.id as pitch_id",
      "p.title as pitch_title",
      "p.round",
      "p.ask_krw",
      "c.name as company_name", "c.name_en as company_name_en",
      "c.slug as company_slug",
    ])
    .where("d.id", "=", dealId)
    .where("d.investor_org_id", "=", investorOrgId)
    .executeTakeFirst();
  if (!d) return null;
  return {
    ...d,
    committed_krw: d.committed_krw == null ? null : Number(d.committed_krw),
    invested_krw: d.invested_krw == null ? null : Number(d.invested_krw),
    ask_krw: d.ask_krw == null ? null : Number(d.ask_krw),
  };
}

export async function dealHistory(db: DB, dealId: string) {
  return db
    .selectFrom("deal_stage_changes as h")
    .leftJoin("users as u", "u.id", "h.changed_by")
    .select(["h.id", "h.from_stage", "h.to_stage", "h.at", "u.name as user_name"])
    .where("h.deal_id", "=", dealId)
    .orderBy("h.at", "desc")
    .orderBy("h.id", "desc")
    .limit(200)
    .execute();
}

/** Private notes: only ever read after getDealForInvestor has checked the organisation. */
export async function dealNotes(db: DB, dealId: string) {
  return db
    .selectFrom("deal_notes as n")
    .leftJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.body", "n.created_at", "u.name as author_name"])
    .where("n.deal_id", "=", dealId)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id")
    .limit(300)
    .execute();
}

export type MoveResult = { ok: true; changed: boolean } | { ok: false; reason: "notFound" };

/**
 * Move a deal to a stage. Committed carries an amount, invested an amount and
 * a date, passed a reason code. Each change of stage is recorded; the company
 * is notified (without notes or amounts) when the deal is passed or invested.
 */
export async function moveDeal(db: DB, actor: Actor, dealId: string, input: StageInput): Promise<MoveResult> {
  const deal = await getDealForInvestor(db, dealId, actor.orgId);
  if (!deal) return { ok: false, reason: "notFound" };
  const to = input.stage;
  const changed = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("deals").select("stage").where("id", "=", deal.id).forUpdate().executeTakeFirstOrThrow();
    await trx
      .updateTable("deals")
      .set({
        stage: to,
        updated_at: new Date(),
        ...(to === "committed" ? { committed_krw: input.amountKrw } : {}),
        ...(to === "invested" ? { invested_krw: input.amountKrw, invested_on: input.investedOn! } : {}),
        pass_reason: to === "passed" ? (input.passReason ?? null) : null,
      })
      .where("id", "=", deal.id)
      .execute();
    if (before.stage === to) return false;
    await recordChange(trx, deal.id, before.stage, to, actor.userId);
    return true;
  });
  if (changed && (to === "passed" || to === "invested")) {
    await notify(db, {
      orgId: deal.company_org_id,
      kind: to === "passed" ? "deal.passed" : "deal.invested",
      params: to === "passed" ? { investor: actor.orgName, pitch: deal.pitch_title, reason: input.passReason as PassReason } : { investor: actor.orgName, pitch: deal.pitch_title },
      link: "/meetings#deal-status",
    });
  }
  return { ok: true, changed };
}

/** With the form's idempotency token (`submissionId`) a resent note form stores nothing new. */
export async function addDealNote(db: DB, actor: Actor, dealId: string, body: string, submissionId: string | null = null): Promise<boolean> {
  const deal = await getDealForInvestor(db, dealId, actor.orgId);
  if (!deal) return false;
  const seen = async () =>
    submissionId ? Boolean(await db.selectFrom("deal_notes").select("id").where("deal_id", "=", deal.id).where("submission_id", "=", submissionId).executeTakeFirst()) : false;
  if (await seen()) return true;
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("deal_notes").values({ deal_id: deal.id, author_id: actor.userId, body, submission_id: submissionId }).execute();
      await trx.updateTable("deals").set({ updated_at: new Date() }).where("id", "=", deal.id).execute();
    });
  } catch (err) {
    const e = err as { code?: string; message?: string } | null;
    if (submissionId && (e?.code === "23505" || /duplicate key value/i.test(e?.message ?? "")) && (await seen())) return true;
    throw err;
  }
  return true;
}

export type CompanyDealRow = {
  pitchId: string;
  pitchTitle: string;
  investorName: string;
  investorNameEn: string | null;
  status: CompanyDealStatus;
  passReason: PassReason | null;
  updatedAt: Date;
};

/**
 * What a company may see of investors' deals on its pitches: the investor
 * organisation, "in review" / "invested" / "passed" and, when passed, the
 * reason code. Never notes, amounts, dates of investment or the detailed stage.
 */
export async function companyDealStatuses(db: DB, companyOrgId: string, pitchId?: string): Promise<CompanyDealRow[]> {
  let q = db
    .selectFrom("deals as d")
    .innerJoin("pitches as p", "p.id", "d.pitch_id")
    .innerJoin("organizations as i", "i.id", "d.investor_org_id")
    .select(["d.stage", "d.pass_reason", "d.updated_at", "p.id as pitch_id", "p.title as pitch_title", "i.name as investor_name", "i.name_en as investor_name_en"])
    .where("d.company_org_id", "=", companyOrgId)
    .where("p.org_id", "=", companyOrgId);
  if (pitchId !== undefined) {
    if (!UUID_RE.test(pitchId)) return [];
    q = q.where("d.pitch_id", "=", pitchId);
  }
  const rows = await q.orderBy("p.title").orderBy("d.updated_at", "desc").limit(200).execute();
  return rows.map((r) => {
    const status = companyStatusOf(r.stage);
    return {
      pitchId: r.pitch_id,
      pitchTitle: r.pitch_title,
      investorName: r.investor_name,
      investorNameEn: r.investor_name_en,
      status,
      passReason: status === "passed" ? ((r.pass_reason as PassReason | null) ?? "other") : null,
      updatedAt: r.updated_at,
    };
  });
}
