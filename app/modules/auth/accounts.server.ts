import type { DB } from "../../../db/client";
import { countRecentLoginFailures, findUserForLogin, recordLoginFailure } from "../../../db/queries/users";
import { audit } from "~/modules/audit/audit.server";
import { bilingual, sendMail } from "~/modules/mail/mail.server";
import { slugBase } from "~/modules/orgs/slug";
import { getEnv } from "~/utils/env.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { hashToken, newToken } from "./tokens.server";

export type LoginResult = { ok: true; userId: string; orgId: string | null } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Sign-in check. Unknown e-mail and wrong password give the same answer after
 * the same work (a dummy hash check). An account with too many recent
 * failures is refused before any hash is checked.
 */
export async function checkLogin(db: DB, input: { email: string; password: string; ip: string | null }): Promise<LoginResult> {
  const env = getEnv();
  const since = new Date(Date.now() - 3600_000);
  const failures = await countRecentLoginFailures(db, input.email, since);
  if (failures >= env.RATE_LIMIT_ACCOUNT_PER_HOUR) {
    await audit(db, { event: "login.throttled", detail: { email: input.email }, ip: input.ip });
    return { ok: false, reason: "throttled" };
  }
  const user = await findUserForLogin(db, input.email);
  const good = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !good || user.disabled_at) {
    await recordLoginFailure(db, input.email);
    await audit(db, { event: "login.failed", actorUserId: user?.id ?? null, detail: { email: input.email, disabled: Boolean(user?.disabled_at) }, ip: input.ip });
    return { ok: false, reason: "invalid" };
  }
  const m = await db.selectFrom("memberships").select("org_id").where("user_id", "=", user.id).executeTakeFirst();
  await audit(db, { event: "login.ok", actorUserId: user.id, actorOrgId: m?.org_id ?? null, ip: input.ip });
  return { ok: true, userId: user.id, orgId: m?.org_id ?? null };
}

async function uniqueSlug(db: DB, name: string): Promise<string> {
  const base = slugBase(name);
  for (let i = 0; i < 50; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!taken) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

async function emailTaken(db: DB, email: string) {
  return Boolean(await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst());
}

export type SignupResult = { ok: true; userId: string; orgId: string } | { ok: false; field: string; message: string };

export async function signupWithNewOrg(
  db: DB,
  input: { name: string; email: string; password: string; orgKind: "hospital" | "company" | "investor"; orgName: string; businessNo: string; institutionType?: string; website?: string },
  ip: string | null,
): Promise<SignupResult> {
  if (await emailTaken(db, input.email)) return { ok: false, field: "email", message: "validation.emailTaken" };
  const passwordHash = await hashPassword(input.password);
  const slug = await uniqueSlug(db, input.orgName);
  try {
    const result = await db.transaction().execute(async (trx) => {
      const org = await trx
        .insertInto("organizations")
        .values({
          slug,
          kind: input.orgKind,
          name: input.orgName,
          business_no: input.businessNo,
          institution_type: input.orgKind === "hospital" ? (input.institutionType ?? null) : null,
          website: input.website || null,
          status: "pending",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const user = await trx.insertInto("users").values({ email: input.email, name: input.name, password_hash: passwordHash }).returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("memberships").values({ user_id: user.id, org_id: org.id, role: "owner" }).execute();
      await audit(trx, { event: "signup", actorUserId: user.id, actorOrgId: org.id, targetType: "organization", targetId: org.id, detail: { kind: input.orgKind }, ip });
      return { userId: user.id, orgId: org.id };
    });
    await notifyOperatorsOfNewOrg(db, input.orgName);
    return { ok: true, ...result };
  } catch (err) {
    // Two sign-ups racing for one e-mail: the unique index decides, the loser gets a field error.
    if (String((err as { code?: string }).code) === "23505") return { ok: false, field: "email", message: "validation.emailTaken" };
    throw err;
  }
}

async function notifyOperatorsOfNewOrg(db: DB, orgName: string) {
  const ops = await db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select("u.email")
    .where("o.kind", "=", "operator")
    .where("u.disabled_at", "is", null)
    .execute();
  for (const op of ops) {
    await sendMail(db, {
      to: op.email,
      subject: `[메디브릿지] 인증 대기 기관: ${orgName}`,
      text: bilingual(`새 기관 "${orgName}"의 가입 신청이 들어와 인증을 기다리고 있습니다. 운영 관리 > 인증 대기에서 확인해 주세요.`, `A new organisation "${orgName}" signed up and awaits verification (Operator console > Verification).`),
    });
  }
}

export async function findInvitation(db: DB, token: string) {
  return db
    .selectFrom("invitations as i")
    .innerJoin("organizations as o", "o.id", "i.org_id")
    .select(["i.id", "i.email", "i.org_id", "i.expires_at", "i.accepted_at", "o.name as org_name", "o.kind as org_kind"])
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
}

export async function signupWithInvite(db: DB, input: { name: string; email: string; password: string; invite: string }, ip: string | null): Promise<SignupResult> {
  const inv = await findInvitation(db, input.invite);
  if (!inv || inv.accepted_at || new Date(inv.expires_at) < new Date()) return { ok: false, field: "invite", message: "validation.inviteInvalid" };
  if (inv.email !== input.email) return { ok: false, field: "email", message: "validation.inviteEmail" };
  if (await emailTaken(db, input.email)) return { ok: false, field: "email", message: "validation.emailTaken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.transaction().execute(async (trx) => {
      // Claim the invitation first: a double submit finds it already accepted.
      const claimed = await trx.updateTable("invitations").set({ accepted_at: new Date() }).where("id", "=", inv.id).where("accepted_at", "is", null).returning("id").executeTakeFirst();
      if (!claimed) throw new InviteUsed();
      const user = await trx.insertInto("users").values({ email: input.email, name: input.name, password_hash: passwordHash }).returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("memberships").values({ user_id: user.id, org_id: inv.org_id, role: "member" }).execute();
      await audit(trx, { event: "member.joined", actorUserId: user.id, actorOrgId: inv.org_id, targetType: "organization", targetId: inv.org_id, ip });
      return user.id;
    });
    return { ok: true, userId, orgId: inv.org_id };
  } catch (err) {
    if (err instanceof InviteUsed) return { ok: false, field: "invite", message: "validation.inviteInvalid" };
    if (String((err as { code?: string }).code) === "23505") return { ok: false, field: "email", message: "validation.emailTaken" };
    throw err;
  }
}
class InviteUsed extends Error {}

/** Always the same answer, whether or not the e-mail has an account. */
export async function requestPasswordReset(db: DB, email: string, resetUrl: (token: string) => string, ip: string | null) {
  const user = await db.selectFrom("users").select(["id", "name"]).where("email", "=", email).where("disabled_at", "is", null).executeTakeFirst();
  if (!user) return;
  const { token, hash } = newToken();
  await db.insertInto("password_reset_tokens").values({ token_hash: hash, user_id: user.id, expires_at: new Date(Date.now() + 3600_000) }).execute();
  await audit(db, { event: "password.reset.requested", actorUserId: user.id, ip });
  const link = resetUrl(token);
  await sendMail(db, {
    to: email,
    subject: "[메디브릿지] 비밀번호 재설정 안내 / Password reset",
    text: bilingual(
      `${user.name}님, 아래 링크에서 새 비밀번호를 정해 주세요. 링크는 1시간 동안 한 번만 쓸 수 있습니다.\n${link}\n\n요청하지 않으셨다면 이 메일을 무시하셔도 됩니다.`,
      `Hello ${user.name}, set a new password with the link below. It works once, for one hour.\n${link}\n\nIf you did not ask for this, you can ignore this e-mail.`,
    ),
  });
}

export async function resetPassword(db: DB, token: string, password: string, ip: string | null): Promise<{ ok: true; userId: string } | { ok: false }> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("password_reset_tokens")
      .set({ used_at: new Date() })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("user_id")
      .executeTakeFirst();
    if (!row) return { ok: false as const };
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", row.user_id).execute();
    // A reset means the old password may be known to someone else: end every session.
    await trx.deleteFrom("sessions").where("user_id", "=", row.user_id).execute();
    await trx.deleteFrom("login_failures").where("email", "=", trx.selectFrom("users").select("email").where("id", "=", row.user_id)).execute();
    await audit(trx, { event: "password.reset", actorUserId: row.user_id, ip });
    return { ok: true as const, userId: row.user_id };
  });
}

export async function changePassword(
  db: DB,
  input: { userId: string; orgId: string; current: string; password: string; keepSessionId: string | null; ip: string | null },
): Promise<{ ok: true } | { ok: false; field: "current" }> {
  const user = await db.selectFrom("users").select("password_hash").where("id", "=", input.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.current))) return { ok: false, field: "current" };
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", input.userId).execute();
    let q = trx.deleteFrom("sessions").where("user_id", "=", input.userId);
    if (input.keepSessionId) q = q.where("id", "<>", input.keepSessionId);
    await q.execute();
    await audit(trx, { event: "password.changed", actorUserId: input.userId, actorOrgId: input.orgId, ip: input.ip });
  });
  return { ok: true };
}
