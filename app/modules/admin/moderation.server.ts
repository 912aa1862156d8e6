import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { audit } from "~/modules/audit/audit.server";
import { refreshNeed, refreshPitch } from "~/modules/matching/service.server";
import { notifyOrg } from "~/modules/notifications/notifications.server";
import { MODERATION_TYPES, type ModerationType } from "./schemas";

/**
 * Operators hide (and restore) a need, pitch, testbed offer or message with a
 * reason. Hidden items leave every list, search and recommendation; the owner
 * organisation is told why. Lists of each area filter `hidden_at is null`.
 */
type Actor = { userId: string; orgId: string };

export { MODERATION_TYPES, type ModerationType };

const PAGE_SIZE = 20;

/** Owner organisation, a title to show, and where the item lives. */
async function target(db: DB, type: ModerationType, id: string) {
  switch (type) {
    case "need": {
      const r = await db.selectFrom("needs").select(["id", "org_id", "title", "hidden_at"]).where("id", "=", id).where("status", "<>", "draft").executeTakeFirst();
      return r ? { orgId: r.org_id, title: r.title, ownerTitle: r.title, hidden: r.hidden_at !== null, link: `/needs/${r.id}` } : null;
    }
    case "pitch": {
      const r = await db.selectFrom("pitches").select(["id", "org_id", "title", "hidden_at"]).where("id", "=", id).where("status", "<>", "draft").executeTakeFirst();
      return r ? { orgId: r.org_id, title: r.title, ownerTitle: r.title, hidden: r.hidden_at !== null, link: `/pitches/${r.id}` } : null;
    }
    case "testbed": {
      const r = await db.selectFrom("testbed_offers").select(["id", "org_id", "title", "hidden_at"]).where("id", "=", id).where("status", "<>", "draft").executeTakeFirst();
      return r ? { orgId: r.org_id, title: r.title, ownerTitle: r.title, hidden: r.hidden_at !== null, link: `/testbeds/${r.id}` } : null;
    }
    case "message": {
      // Operators never read a message: they get its number; only its author's notification quotes it.
      const r = await db.selectFrom("messages").select(["id", "author_org_id", "application_id", "body", "hidden_at"]).where("id", "=", id).executeTakeFirst();
      return r ? { orgId: r.author_org_id, title: messageNo(r.id), ownerTitle: snippet(r.body, 40), hidden: r.hidden_at !== null, link: `/applications/${r.application_id}` } : null;
    }
  }
}

/** How operators name a message (they never see its text): "#" and the first 8 characters of its id. */
export const messageNo = (id: string) => `#${id.slice(0, 8)}`;

const TABLE = { need: "needs", pitch: "pitches", testbed: "testbed_offers", message: "messages" } as const;

export function snippet(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

export type ModerationResult = { ok: true; title: string; changed: boolean } | { ok: false };

/**
 * Hides an item. Hiding an item already hidden changes nothing (no second
 * notification). Returns ok:false when there is no such item (→ 404).
 */
export async function hideItem(db: DB, actor: Actor, input: { type: ModerationType; id: string; reason: string }, ip: string | null): Promise<ModerationResult> {
  const t = await target(db, input.type, input.id);
  if (!t) return { ok: false };
  if (t.hidden) return { ok: true, title: t.title, changed: false };
  const reason = input.reason.replace(/\u0000/g, "").trim();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable(TABLE[input.type])
      .set({ hidden_at: new Date(), hidden_reason: reason, hidden_by: actor.userId })
      .where("id", "=", input.id)
      .where("hidden_at", "is", null)
      .execute();
    await audit(trx, { event: "content.hidden", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: input.type, targetId: input.id, detail: { reason, ownerOrgId: t.orgId }, ip });
  });
  if (input.type === "need") await refreshNeed(db, input.id);
  if (input.type === "pitch") await refreshPitch(db, input.id);
  await notifyOrg(db, t.orgId, "moderation.hidden", { title: t.ownerTitle, reason }, t.link);
  return { ok: true, title: t.title, changed: true };
}

export async function restoreItem(db: DB, actor: Actor, input: { type: ModerationType; id: string }, ip: string | null): Promise<ModerationResult> {
  const t = await target(db, input.type, input.id);
  if (!t) return { ok: false };
  if (!t.hidden) return { ok: true, title: t.title, changed: false };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable(TABLE[input.type]).set({ hidden_at: null, hidden_reason: null, hidden_by: null }).where("id", "=", input.id).execute();
    await audit(trx, { event: "content.restored", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: input.type, targetId: input.id, detail: { ownerOrgId: t.orgId }, ip });
  });
  if (input.type === "need") await refreshNeed(db, input.id);
  if (input.type === "pitch") await refreshPitch(db, input.id);
  await notifyOrg(db, t.orgId, "moderation.restored", { title: t.ownerTitle }, t.link);
  return { ok: true, title: t.title, changed: true };
}

export type ModerationRow = {
  id: string;
  title: string;
  orgName: string;
  orgNameEn: string | null;
  link: string | null;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenByName: string | null;
};

/**
 * Items of one type, newest first: visible ones (to hide) or hidden ones (to
 * restore), searchable by title / text and by organisation name (Korean or English). Drafts are
 * private to their owner and never listed.
 */
export async function listItems(db: DB, input: { type: ModerationType; state: "visible" | "hidden"; q?: string; page: number }) {
  const like = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const page = Math.max(1, input.page);
  const build = () => {
    switch (input.type) {
      case "need":
        return db
          .selectFrom("needs as x")
          .innerJoin("organizations as o", "o.id", "x.org_id")
          .leftJoin("users as hb", "hb.id", "x.hidden_by")
          .where("x.status", "<>", "draft")
          .select(["x.id", "x.title as text", "o.name as org_name", "o.name_en as org_name_en", "x.created_at", "x.hidden_at", "x.hidden_reason", "hb.name as hidden_by_name", sql<string>`''`.as("app_id")]);
      case "pitch":
        return db
          .selectFrom("pitches as x")
          .innerJoin("organizations as o", "o.id", "x.org_id")
          .leftJoin("users as hb", "hb.id", "x.hidden_by")
          .where("x.status", "<>", "draft")
          .select(["x.id", "x.title as text", "o.name as org_name", "o.name_en as org_name_en", "x.created_at", "x.hidden_at", "x.hidden_reason", "hb.name as hidden_by_name", sql<string>`''`.as("app_id")]);
      case "testbed":
        return db
          .selectFrom("testbed_offers as x")
          .innerJoin("organizations as o", "o.id", "x.org_id")
          .leftJoin("users as hb", "hb.id", "x.hidden_by")
          .where("x.status", "<>", "draft")
          .select(["x.id", "x.title as text", "o.name as org_name", "o.name_en as org_name_en", "x.created_at", "x.hidden_at", "x.hidden_reason", "hb.name as hidden_by_name", sql<string>`''`.as("app_id")]);
      case "message":
        // Metadata only: the text is private to the two organisations (canary-crawl rule).
        return db
          .selectFrom("messages as x")
          .innerJoin("organizations as o", "o.id", "x.author_org_id")
          .leftJoin("users as hb", "hb.id", "x.hidden_by")
          .select(["x.id", sql<string>`''`.as("text"), "o.name as org_name", "o.name_en as org_name_en", "x.created_at", "x.hidden_at", "x.hidden_reason", "hb.name as hidden_by_name", sql<string>`x.application_id::text`.as("app_id")]);
    }
  };
  let q = build();
  q = input.state === "hidden" ? q.where("x.hidden_at", "is not", null) : q.where("x.hidden_at", "is", null);
  if (like) {
    // Messages are found by their number or the author organisation, never by their text.
    const textMatch = input.type === "message" ? sql<boolean>`x.id::text ilike ${like.replace(/^%#?/, "%")}` : sql<boolean>`x.title ilike ${like}`;
    q = q.where((eb) => eb.or([textMatch, eb("o.name", "ilike", like), eb("o.name_en", "ilike", like)]));
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy(input.state === "hidden" ? "x.hidden_at" : "x.created_at", "desc")
      .orderBy("x.id")
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  // A message has no page an operator may open (the thread is the two parties' own).
  const linkOf = (id: string) => (input.type === "need" ? `/needs/${id}` : input.type === "pitch" ? `/pitches/${id}` : input.type === "testbed" ? `/testbeds/${id}` : null);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map(
      (r): ModerationRow => ({
        id: r.id,
        title: input.type === "message" ? messageNo(r.id) : r.text,
        orgName: r.org_name,
        orgNameEn: r.org_name_en,
        link: linkOf(r.id),
        createdAt: r.created_at,
        hiddenAt: r.hidden_at,
        hiddenReason: r.hidden_reason,
        hiddenByName: r.hidden_by_name,
      }),
    ),
  };
}

/** How many items of each type are hidden now (tab badges). */
export async function hiddenCounts(db: DB): Promise<Record<ModerationType, number>> {
  const count = async (table: (typeof TABLE)[ModerationType]) =>
    Number((await db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).where("hidden_at", "is not", null).executeTakeFirstOrThrow()).n);
  const [need, pitch, testbed, message] = await Promise.all([count("needs"), count("pitches"), count("testbed_offers"), count("messages")]);
  return { need, pitch, testbed, message };
}
