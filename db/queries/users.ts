import type { DB } from "../client";
import type { MemberRole, OrgKind, OrgStatus } from "../schema";

export type UserWithOrg = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  role: MemberRole;
  org: { id: string; slug: string; name: string; nameEn: string | null; kind: OrgKind; status: OrgStatus };
};

/** The user, their membership and organisation (users as "u", memberships as "m", organizations as "o"), as the session lookup selects them. */
export const USER_WITH_ORG_COLUMNS = [
  "u.id",
  "u.email",
  "u.name",
  "u.disabled_at",
  "m.role",
  "o.id as org_id",
  "o.slug as org_slug",
  "o.name as org_name",
  "o.name_en as org_name_en",
  "o.kind as org_kind",
  "o.status as org_status",
] as const;

export type UserWithOrgRow = {
  id: string;
  email: string;
  name: string;
  disabled_at: Date | string | null;
  role: MemberRole;
  org_id: string;
  org_slug: string;
  org_name: string;
  org_name_en: string | null;
  org_kind: OrgKind;
  org_status: OrgStatus;
};

export function toUserWithOrg(row: UserWithOrgRow): UserWithOrg {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    disabled: row.disabled_at !== null,
    role: row.role,
    org: { id: row.org_id, slug: row.org_slug, name: row.org_name, nameEn: row.org_name_en, kind: row.org_kind, status: row.org_status },
  };
}

export async function findUserForLogin(db: DB, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function countRecentLoginFailures(db: DB, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_failures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordLoginFailure(db: DB, email: string) {
  await db.insertInto("login_failures").values({ email }).execute();
}
