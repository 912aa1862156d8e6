import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { audit } from "~/modules/audit/audit.server";
import { escapeLike } from "~/modules/needs/search";

/**
 * Organisations and users for operators: search, one organisation with its
 * members and activity, disabling / re-enabling a user (every session ends at
 * once), and handing an organisation to a new owner. Every change is audited.
 */
type Actor = { userId: string; orgId: string };

export const ORGS_PAGE_SIZE = 20;

/** The user's (`u`) sessions that have not expired, as a column. */
const liveSessions = () => sql<number>`(select count(*)::int from sessions s where s.user_id = u.id and s.expires_at > ${new Date()})`;

/** A user with their organisation, locked for the rest of the transaction. */
function lockUser(trx: DB, userId: string) {
  return trx
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select(["u.id", "u.email", "u.disabled_at", "m.org_id"])
    .where("u.id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/** `total` rows shown `size` at a time: the page numbers the list needs. */
function paging(total: number, page: number, size: number) {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / size)) };
}

function likeOf(q: string | undefined): string | null {
  const v = (q ?? "").replace(/\u0000/g, "").trim().slice(0, 100);
  return v ? `%${escapeLike(v)}%` : null;
}

/** By name (Korean or English), a member's e-mail or name, or the business number (with or without dashes). */
export async function searchOrgs(db: DB, input: { q?: string; kind?: string; status?: string; page: number }) {
  const like = likeOf(input.q);
  const digits = (input.q ?? "").replace(/\D/g, "");
  let base = db.selectFrom("organizations as o");
  if (like) {
    base = base.where((eb) =>
      eb.or([
        eb("o.name", "ilike", like),
        eb("o.name_en", "ilike", like),
        eb("o.slug", "ilike", like),
        ...(digits.length >= 3 ? [eb("o.business_no", "like", `%${digits}%`)] : []),
        eb.exists(
          eb
            .selectFrom("memberships as m")
            .innerJoin("users as u", "u.id", "m.user_id")
            .select(sql`1`.as("one"))
            .whereRef("m.org_id", "=", "o.id")
            .where((e2) => e2.or([e2("u.email", "ilike", like), e2("u.name", "ilike", like)])),
        ),
      ]),
    );
  }
  if (input.kind && ["hospital", "company", "investor", "operator"].includes(input.kind)) base = base.where("o.kind", "=", input.kind as "hospital");
  if (input.status && ["pending", "verified", "rejected"].includes(input.status)) base = base.where("o.status", "=", input.status as "pending");
  const page = Math.max(1, input.page);
  const [rows, count] = await Promise.all([
    base
      .select([
        "o.id",
        "o.slug",
        "o.kind",
        "o.name",
        "o.name_en",
        "o.business_no",
        "o.status",
        "o.created_at",
        (eb) => eb.selectFrom("memberships as m").select(sql<number>`count(*)::int`.as("n")).whereRef("m.org_id", "=", "o.id").as("members"),
      ])
      .orderBy("o.name")
      .orderBy("o.id")
      .limit(ORGS_PAGE_SIZE)
      .offset((page - 1) * ORGS_PAGE_SIZE)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { ...paging(Number(count.n), page, ORGS_PAGE_SIZE), rows: rows.map((r) => ({ ...r, members: Number(r.members ?? 0) })) };
}

/** Users by e-mail or name, or by their organisation's name (Korean or English), with their organisation. */
export async function searchUsers(db: DB, input: { q?: string; state?: string; page: number }) {
  const like = likeOf(input.q);
  let base = db.selectFrom("users as u").innerJoin("memberships as m", "m.user_id", "u.id").innerJoin("organizations as o", "o.id", "m.org_id");
  if (like) base = base.where((eb) => eb.or([eb("u.email", "ilike", like), eb("u.name", "ilike", like), eb("o.name", "ilike", like), eb("o.name_en", "ilike", like)]));
  if (input.state === "disabled") base = base.where("u.disabled_at", "is not", null);
  if (input.state === "active") base = base.where("u.disabled_at", "is", null);
  const page = Math.max(1, input.page);
  const [rows, count] = await Promise.all([
    base
      .select([
        "u.id",
        "u.email",
        "u.name",
        "u.disabled_at",
        "u.created_at",
        "m.role",
        "o.id as org_id",
        "o.name as org_name",
        "o.name_en as org_name_en",
        "o.kind as org_kind",
        liveSessions().as("sessions"),
      ])
      .orderBy("u.email")
      .limit(ORGS_PAGE_SIZE)
      .offset((page - 1) * ORGS_PAGE_SIZE)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { ...paging(Number(count.n), page, ORGS_PAGE_SIZE), rows: rows.map((r) => ({ ...r, sessions: Number(r.sessions ?? 0) })) };
}

/** One organisation as operators see it: profile facts, members, activity counts. */
export async function getOrgForAdmin(db: DB, id: string) {
  const org = await db
    .selectFrom("organizations")
    .select(["id", "slug", "kind", "name", "name_en", "business_no", "institution_type", "website", "region", "growth_stage", "status", "rejection_reason", "verified_at", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!org) return null;
  const count = async (q: Promise<{ n: number } | undefined>) => Number((await q)?.n ?? 0);
  const n = sql<number>`count(*)::int`.as("n");
  const [members, needs, applicationsSent, applicationsReceived, pitches, testbedOffers, meetingsSent, meetingsReceived, hidden] = await Promise.all([
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select([
        "u.id",
        "u.email",
        "u.name",
        "u.disabled_at",
        "m.role",
        "m.created_at",
        liveSessions().as("sessions"),
      ])
      .where("m.org_id", "=", id)
      .orderBy("m.role", "desc")
      .orderBy("u.email")
      .execute(),
    count(db.selectFrom("needs").select(n).where("org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("applications").select(n).where("company_org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("applications as a").innerJoin("needs as x", "x.id", "a.need_id").select(n).where("x.org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("pitches").select(n).where("org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("testbed_offers").select(n).where("org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("meeting_requests").select(n).where("company_org_id", "=", id).executeTakeFirst()),
    count(db.selectFrom("meeting_requests").select(n).where("investor_org_id", "=", id).executeTakeFirst()),
    count(
      db
        .selectFrom("needs")
        .select(n)
        .where("org_id", "=", id)
        .where("hidden_at", "is not", null)
        .executeTakeFirst(),
    ),
  ]);
  return {
    org,
    members: members.map((m) => ({ ...m, sessions: Number(m.sessions ?? 0) })),
    counts: { needs, applicationsSent, applicationsReceived, pitches, testbedOffers, meetingsSent, meetingsReceived, hiddenNeeds: hidden },
  };
}

export type UserChange = { ok: true; changed: boolean; email: string; orgId: string } | { ok: false; reason: "notFound" | "self" | "operator" };

/**
 * Disables a user: `disabled_at` is set and every session row is deleted in
 * the same transaction, so an open browser is signed out on its next request.
 * Operators cannot disable themselves (nobody would be left to undo it).
 */
export async function disableUser(db: DB, actor: Actor, userId: string, ip: string | null): Promise<UserChange> {
  if (userId === actor.userId) return { ok: false, reason: "self" };
  return db.transaction().execute(async (trx) => {
    const u = await lockUser(trx, userId);
    if (!u) return { ok: false as const, reason: "notFound" as const };
    const sessions = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
    if (u.disabled_at) return { ok: true as const, changed: false, email: u.email, orgId: u.org_id };
    await trx.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", userId).execute();
    await audit(trx, {
      event: "user.disabled",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "user",
      targetId: userId,
      detail: { email: u.email, orgId: u.org_id, sessionsRevoked: Number(sessions.numDeletedRows) },
      ip,
    });
    return { ok: true as const, changed: true, email: u.email, orgId: u.org_id };
  });
}

export async function enableUser(db: DB, actor: Actor, userId: string, ip: string | null): Promise<UserChange> {
  return db.transaction().execute(async (trx) => {
    const u = await lockUser(trx, userId);
    if (!u) return { ok: false as const, reason: "notFound" as const };
    if (!u.disabled_at) return { ok: true as const, changed: false, email: u.email, orgId: u.org_id };
    await trx.updateTable("users").set({ disabled_at: null }).where("id", "=", userId).execute();
    // A wrong password count from before must not lock the person out now.
    await trx.deleteFrom("login_failures").where("email", "=", u.email).execute();
    await audit(trx, { event: "user.enabled", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "user", targetId: userId, detail: { email: u.email, orgId: u.org_id }, ip });
    return { ok: true as const, changed: true, email: u.email, orgId: u.org_id };
  });
}

/**
 * Makes `userId` (an active member of `orgId`) the owner; the previous owner
 * stays a member. Used when an owner leaves without handing over.
 */
export async function changeOwner(db: DB, actor: Actor, orgId: string, userId: string, ip: string | null): Promise<{ ok: true; changed: boolean } | { ok: false }> {
  return db.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["m.user_id", "m.role", "u.disabled_at"])
      .where("m.org_id", "=", orgId)
      .forUpdate()
      .execute();
    const target = members.find((m) => m.user_id === userId);
    if (!target || target.disabled_at) return { ok: false as const };
    if (target.role === "owner") return { ok: true as const, changed: false };
    const previous = members.filter((m) => m.role === "owner").map((m) => m.user_id);
    await trx.updateTable("memberships").set({ role: "member" }).where("org_id", "=", orgId).where("role", "=", "owner").execute();
    await trx.updateTable("memberships").set({ role: "owner" }).where("org_id", "=", orgId).where("user_id", "=", userId).execute();
    await audit(trx, {
      event: "role.changed",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "user",
      targetId: userId,
      detail: { to: "owner", orgId, previousOwners: previous, byOperator: true },
      ip,
    });
    return { ok: true as const, changed: true };
  });
}
