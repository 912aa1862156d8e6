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

export async function findUserWithOrg(db: DB, userId: string): Promise<UserWithOrg | null> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select([
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
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
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
