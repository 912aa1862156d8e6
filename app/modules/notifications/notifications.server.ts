import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { resources } from "~/modules/i18n/resources";
import { bilingual, sendMail } from "~/modules/mail/mail.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { notificationKey, type NotificationKind, type NotificationParams } from "./kinds";

export { notificationKinds, notificationKey, type NotificationKind, type NotificationParams } from "./kinds";

type Lng = keyof typeof resources;

/** The text of a notification in one language, from the same keys the page uses. */
export function renderNotification(kind: string, params: NotificationParams, lng: Lng): string {
  const [ns, key] = notificationKey(kind, params).split(":");
  let node: unknown = (resources[lng] as Record<string, unknown>)[ns];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = typeof node === "string" ? node : kind;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

function mailLink(link: string): string {
  const base = getEnv().PUBLIC_URL ?? `http://localhost:${getEnv().PORT}`;
  return new URL(link, base).toString();
}

/**
 * In-app notification rows for each recipient, and one bilingual e-mail each.
 * Recipients: the given users, or every active member of `orgId`;
 * `exceptUserId` (the person who acted) is left out.
 */
export async function notify(
  db: DB,
  input: { userIds?: string[]; orgId?: string; kind: NotificationKind; params: NotificationParams; link: string; exceptUserId?: string | null },
): Promise<number> {
  const link = safeRedirect(input.link, "/notifications");
  let q = db.selectFrom("users as u").innerJoin("memberships as m", "m.user_id", "u.id").select(["u.id", "u.email"]).where("u.disabled_at", "is", null);
  if (input.orgId) q = q.where("m.org_id", "=", input.orgId);
  else if (input.userIds?.length) q = q.where("u.id", "in", input.userIds);
  else return 0;
  if (input.exceptUserId) q = q.where("u.id", "<>", input.exceptUserId);
  const recipients = await q.execute();
  if (!recipients.length) return 0;
  await db
    .insertInto("notifications")
    .values(recipients.map((r) => ({ user_id: r.id, kind: input.kind, params: JSON.stringify(input.params), link })))
    .execute();
  const ko = renderNotification(input.kind, input.params, "ko");
  const en = renderNotification(input.kind, input.params, "en");
  const url = mailLink(link);
  for (const r of recipients) {
    await sendMail(db, { to: r.email, subject: `[메디브릿지] ${ko}`, text: bilingual(`${ko}\n${url}`, `${en}\n${url}`) });
  }
  return recipients.length;
}

/** For other modules (needs: NDA accepted): notify every member of an organisation. */
export function notifyOrg(db: DB, orgId: string, kind: NotificationKind, params: NotificationParams, link: string, exceptUserId?: string | null) {
  return notify(db, { orgId, kind, params, link, exceptUserId });
}

/** One cheap count for the header bell (index notifications_user_idx). */
export async function countUnread(db: DB, userId: string): Promise<number> {
  const r = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

export async function listNotifications(db: DB, userId: string, page: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom("notifications")
      .select(["id", "kind", "params", "link", "read_at", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
      .execute(),
    db.selectFrom("notifications").select(sql<number>`count(*)::int`.as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...r, id: String(r.id), params: (r.params ?? {}) as NotificationParams })),
    total: Number(total.n),
    pageCount: Math.max(1, Math.ceil(Number(total.n) / NOTIFICATIONS_PAGE_SIZE)),
  };
}

export async function markAllRead(db: DB, userId: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Marks one of the user's own notifications read and returns where it points; null when it is not theirs. */
export async function openNotification(db: DB, userId: string, id: string): Promise<string | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await db
    .updateTable("notifications")
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where("id", "=", Number(id))
    .where("user_id", "=", userId)
    .returning(["link"])
    .executeTakeFirst();
  return row ? safeRedirect(row.link, "/notifications") : null;
}
