import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { termsOfOrgs, type TermsByKind } from "../../../db/queries/terms";
import type { OrgKind } from "../../../db/schema";
import { audit } from "~/modules/audit/audit.server";
import { refreshCompany, refreshCompanyPitches, refreshInvestor } from "~/modules/matching/service.server";
import { newToken } from "~/modules/auth/tokens.server";
import { bilingual, sendMail } from "~/modules/mail/mail.server";
import type { ProfileInput } from "./schemas";


async function termsOf(db: DB, orgId: string): Promise<TermsByKind> {
  return (await termsOfOrgs(db, [orgId])).get(orgId) ?? {};
}

const profileColumns = [
  "id",
  "slug",
  "kind",
  "name",
  "name_en",
  "status",
  "institution_type",
  "description",
  "description_en",
  "website",
  "region",
  "growth_stage",
  "products",
  "trl",
  "thesis",
  "investor_type",
  "council_member",
  "ticket_min_krw",
  "ticket_max_krw",
  "rejection_reason",
  "created_at",
] as const;

/**
 * The public profile. An organisation that is not verified is visible only to
 * its own members and to operators; anyone else gets null (→ 404).
 */
export async function getProfile(db: DB, slug: string, viewer: { orgId: string; orgKind: OrgKind } | null) {
  const org = await db.selectFrom("organizations").select(profileColumns).where("slug", "=", slug).executeTakeFirst();
  if (!org) return null;
  const own = viewer?.orgId === org.id;
  if (org.status !== "verified" && !own && viewer?.orgKind !== "operator") return null;
  const terms = await termsOf(db, org.id);
  const memberCount = await db.selectFrom("memberships").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", org.id).executeTakeFirstOrThrow();
  return {
    ...org,
    // The reason for a rejection is for the organisation itself and operators.
    rejection_reason: own || viewer?.orgKind === "operator" ? org.rejection_reason : null,
    terms,
    memberCount: Number(memberCount.n),
    own,
  };
}

export async function getOwnProfile(db: DB, orgId: string) {
  const org = await db.selectFrom("organizations").select(profileColumns).where("id", "=", orgId).executeTakeFirstOrThrow();
  return { ...org, terms: await termsOf(db, orgId) };
}

/** Only the fields that belong to the organisation's kind are written. */
export async function updateProfile(db: DB, actor: { userId: string; orgId: string; orgKind: OrgKind }, input: ProfileInput, ip: string | null) {
  const common = {
    name: input.name,
    name_en: input.nameEn || null,
    description: input.description,
    description_en: input.descriptionEn,
    website: input.website || null,
    region: input.region || null,
    updated_at: new Date(),
  };
  const byKind =
    actor.orgKind === "company"
      ? { growth_stage: input.growthStage ?? null, products: input.products, trl: input.trl ?? null }
      : actor.orgKind === "investor"
        ? { thesis: input.thesis, investor_type: input.investorType ?? null, ticket_min_krw: input.ticketMinKrw, ticket_max_krw: input.ticketMaxKrw }
        : actor.orgKind === "hospital"
          ? { institution_type: input.institutionType ?? null }
          : {};
  const termKinds: Record<OrgKind, (keyof ProfileInput & string)[]> = {
    company: ["techFields", "clinicalAreas", "collaborationTypes", "certifications"],
    hospital: ["techFields", "clinicalAreas"],
    investor: ["techFields", "stages", "rounds"],
    operator: [],
  };
  const dbKind: Record<string, string> = {
    techFields: "tech_field",
    clinicalAreas: "clinical_area",
    collaborationTypes: "collaboration_type",
    certifications: "certification",
    stages: "growth_stage",
    rounds: "round",
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("organizations").set({ ...common, ...byKind }).where("id", "=", actor.orgId).execute();
    const kinds = termKinds[actor.orgKind];
    if (kinds.length) {
      // A company's growth stage is kept as a term too (for filters): replaced with the others.
      const replaced = [...kinds.map((k) => dbKind[k]), ...(actor.orgKind === "company" ? ["growth_stage"] : [])];
      await trx.deleteFrom("org_terms").where("org_id", "=", actor.orgId).where("kind", "in", replaced).execute();
      const rows = kinds.flatMap((k) => (input[k] as string[]).map((code) => ({ org_id: actor.orgId, kind: dbKind[k], code })));
      if (actor.orgKind === "company" && input.growthStage) rows.push({ org_id: actor.orgId, kind: "growth_stage", code: input.growthStage });
      if (rows.length) await trx.insertInto("org_terms").values(rows).execute();
    }
    await audit(trx, { event: "org.profile.updated", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "organization", targetId: actor.orgId, ip });
  });
  if (actor.orgKind === "company") await refreshCompany(db, actor.orgId);
  if (actor.orgKind === "investor") await refreshInvestor(db, actor.orgId);
}

export async function listMembers(db: DB, orgId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at", "u.disabled_at"])
    .where("m.org_id", "=", orgId)
    .orderBy("m.role", "desc")
    .orderBy("m.created_at")
    .execute();
}

export async function listOpenInvitations(db: DB, orgId: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "expires_at", "created_at"])
    .where("org_id", "=", orgId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("created_at", "desc")
    .execute();
}

export async function inviteMember(
  db: DB,
  actor: { userId: string; orgId: string; orgName: string; inviterName: string },
  email: string,
  inviteUrl: (token: string) => string,
  ip: string | null,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) return { ok: false, message: "validation.alreadyMember" };
  const pending = await db
    .selectFrom("invitations")
    .select("id")
    .where("org_id", "=", actor.orgId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  if (pending) return { ok: false, message: "validation.alreadyInvited" };
  // One pending invitation per organisation and e-mail (unique index, migration 0005):
  // an expired one makes room, and of two invites sent at once the second is "already invited".
  await db.deleteFrom("invitations").where("org_id", "=", actor.orgId).where("email", "=", email).where("accepted_at", "is", null).where("expires_at", "<=", new Date()).execute();
  const { token, hash } = newToken();
  try {
    await db
      .insertInto("invitations")
      .values({ org_id: actor.orgId, email, token_hash: hash, invited_by: actor.userId, expires_at: new Date(Date.now() + 7 * 24 * 3600_000) })
      .execute();
  } catch (err) {
    const e = err as { code?: string; message?: string } | null;
    if (e?.code === "23505" || /invitations_one_pending/.test(e?.message ?? "")) return { ok: false, message: "validation.alreadyInvited" };
    throw err;
  }
  await audit(db, { event: "member.invited", actorUserId: actor.userId, actorOrgId: actor.orgId, detail: { email }, ip });
  const link = inviteUrl(token);
  await sendMail(db, {
    to: email,
    subject: `[메디브릿지] ${actor.orgName} 초대 / Invitation to ${actor.orgName}`,
    text: bilingual(
      `${actor.inviterName}님이 메디브릿지의 ${actor.orgName}에 초대했습니다. 아래 링크에서 7일 안에 가입해 주세요.\n${link}`,
      `${actor.inviterName} invited you to ${actor.orgName} on MediBridge. Join within 7 days with this link:\n${link}`,
    ),
  });
  return { ok: true };
}

export async function revokeInvitation(db: DB, orgId: string, inviteId: string) {
  await db.deleteFrom("invitations").where("id", "=", inviteId).where("org_id", "=", orgId).where("accepted_at", "is", null).execute();
}

/** Remove a member of the actor's own organisation (never the owner, never across organisations). */
export async function removeMember(db: DB, actor: { userId: string; orgId: string }, userId: string, ip: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom("memberships").select(["role"]).where("user_id", "=", userId).where("org_id", "=", actor.orgId).executeTakeFirst();
    if (!m || m.role === "owner" || userId === actor.userId) return false;
    // A user belongs to exactly one organisation: leaving it disables the account and ends its sessions.
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await trx.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", userId).execute();
    await audit(trx, { event: "member.removed", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "user", targetId: userId, ip });
    return true;
  });
}

export async function transferOwnership(db: DB, actor: { userId: string; orgId: string }, userId: string, ip: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["m.role", "u.disabled_at"])
      .where("m.user_id", "=", userId)
      .where("m.org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (!target || target.role === "owner" || target.disabled_at) return false;
    await trx.updateTable("memberships").set({ role: "member" }).where("user_id", "=", actor.userId).where("org_id", "=", actor.orgId).execute();
    await trx.updateTable("memberships").set({ role: "owner" }).where("user_id", "=", userId).where("org_id", "=", actor.orgId).execute();
    await audit(trx, { event: "role.changed", actorUserId: actor.userId, actorOrgId: actor.orgId, targetType: "user", targetId: userId, detail: { to: "owner", from: actor.userId }, ip });
    return true;
  });
}

// ---- Verification (operators) ----

export async function listVerificationQueue(db: DB) {
  return db
    .selectFrom("organizations")
    .select(["id", "slug", "kind", "name", "name_en", "business_no", "institution_type", "website", "region", "created_at"])
    .where("status", "=", "pending")
    .orderBy("created_at")
    .limit(200)
    .execute();
}

export async function countPending(db: DB): Promise<number> {
  const r = await db.selectFrom("organizations").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "pending").executeTakeFirstOrThrow();
  return Number(r.n);
}

async function ownerEmails(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.email", "u.name"])
    .where("m.org_id", "=", orgId)
    .where("u.disabled_at", "is", null)
    .execute();
  return rows;
}

export async function decideVerification(
  db: DB,
  actor: { userId: string; orgId: string },
  input: { orgId: string; decision: "verify" } | { orgId: string; decision: "reject"; reason: string },
  ip: string | null,
): Promise<{ ok: boolean; name?: string }> {
  const org = await db.selectFrom("organizations").select(["id", "name", "status", "kind"]).where("id", "=", input.orgId).executeTakeFirst();
  if (!org || org.kind === "operator" || org.status !== "pending") return { ok: false };
  if (input.decision === "verify") {
    await db.updateTable("organizations").set({ status: "verified", verified_at: new Date(), verified_by: actor.userId, rejection_reason: null }).where("id", "=", org.id).execute();
  } else {
    await db.updateTable("organizations").set({ status: "rejected", rejection_reason: input.reason }).where("id", "=", org.id).execute();
  }
  if (org.kind === "company") await refreshCompany(db, org.id);
  if (org.kind === "company") await refreshCompanyPitches(db, org.id);
  if (org.kind === "investor") await refreshInvestor(db, org.id);
  await audit(db, {
    event: input.decision === "verify" ? "org.verified" : "org.rejected",
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    targetType: "organization",
    targetId: org.id,
    detail: input.decision === "reject" ? { reason: input.reason } : {},
    ip,
  });
  for (const m of await ownerEmails(db, org.id)) {
    await sendMail(
      db,
      input.decision === "verify"
        ? {
            to: m.email,
            subject: "[메디브릿지] 기관 인증이 완료되었습니다 / Your organisation is verified",
            text: bilingual(
              `${m.name}님, ${org.name}의 인증이 완료되었습니다. 이제 수요 게시, 지원, 피칭 공개와 열람을 하실 수 있습니다.`,
              `Hello ${m.name}, ${org.name} is now verified. You can post needs, apply, publish and read pitches.`,
            ),
          }
        : {
            to: m.email,
            subject: "[메디브릿지] 기관 인증이 반려되었습니다 / Verification rejected",
            text: bilingual(
              `${m.name}님, ${org.name}의 인증이 반려되었습니다.\n사유: ${input.reason}\n기관 정보를 고친 뒤 운영사무국에 문의해 주세요.`,
              `Hello ${m.name}, the verification of ${org.name} was rejected.\nReason: ${input.reason}\nPlease correct your details and contact the programme office.`,
            ),
          },
    );
  }
  return { ok: true, name: org.name };
}

// ---- Response figures (hospital profiles) ----

/**
 * How a hospital answers applications to its needs: the share that got a first
 * response or a decision, and the median hours until then. Applications the
 * company withdrew before any answer do not count against the hospital.
 */
export async function responseStats(db: DB, orgId: string): Promise<{ total: number; answered: number; rate: number | null; medianHours: number | null }> {
  const r = await db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`(count(*) filter (where coalesce(a.first_response_at, a.decided_at) is not null))::int`.as("answered"),
      sql<number | null>`(percentile_cont(0.5) within group (order by extract(epoch from coalesce(a.first_response_at, a.decided_at) - a.created_at)) filter (where coalesce(a.first_response_at, a.decided_at) is not null))::float8 / 3600`.as(
        "median_hours",
      ),
    ])
    .where("n.org_id", "=", orgId)
    .where((eb) => eb.or([eb("a.status", "<>", "withdrawn"), eb(eb.fn.coalesce("a.first_response_at", "a.decided_at"), "is not", null)]))
    .executeTakeFirstOrThrow();
  const total = Number(r.total);
  const answered = Number(r.answered);
  return {
    total,
    answered,
    rate: total ? Math.round((answered / total) * 100) : null,
    medianHours: r.median_hours == null ? null : Math.round(Number(r.median_hours) * 10) / 10,
  };
}
