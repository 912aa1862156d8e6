import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { DB } from "../../../db/client";
import { USER_WITH_ORG_COLUMNS, toUserWithOrg, type UserWithOrg } from "../../../db/queries/users";
import { getEnv, secureCookies } from "~/utils/env.server";

/**
 * Every Lucia import lives in this file so the session engine can be swapped
 * (Lucia v3 is its last version). Sessions are rows in `sessions`; the adapter
 * is ours, on Kysely, so it runs on PGlite and PostgreSQL alike.
 */
function kyselyAdapter(getDb: () => Promise<DB>): Adapter {
  return {
    // One query per signed-in request: the session, its user, and the user's
    // membership and organisation (a user without one has no usable session).
    async getSessionAndUser(sessionId) {
      const db = await getDb();
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.user_id")
        .innerJoin("memberships as m", "m.user_id", "u.id")
        .innerJoin("organizations as o", "o.id", "m.org_id")
        .select(["s.id as session_id", "s.expires_at", "s.created_at", ...USER_WITH_ORG_COLUMNS])
        .where("s.id", "=", sessionId)
        .executeTakeFirst();
      if (!row) return [null, null];
      const session: DatabaseSession = {
        id: row.session_id,
        userId: row.id,
        expiresAt: new Date(row.expires_at),
        attributes: { createdAt: new Date(row.created_at) },
      };
      const withOrg = toUserWithOrg(row);
      const user: DatabaseUser = { id: row.id, attributes: { disabled: withOrg.disabled, withOrg } };
      return [session, user];
    },
    async getUserSessions(userId) {
      const db = await getDb();
      const rows = await db.selectFrom("sessions").select(["id", "user_id", "expires_at", "created_at"]).where("user_id", "=", userId).execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: { createdAt: new Date(r.created_at) } }));
    },
    async setSession(session) {
      const db = await getDb();
      await db.insertInto("sessions").values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt }).execute();
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      const db = await getDb();
      await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
    },
    async deleteSession(sessionId) {
      const db = await getDb();
      await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
    },
    async deleteUserSessions(userId) {
      const db = await getDb();
      await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
    },
    async deleteExpiredSessions() {
      const db = await getDb();
      await db.deleteFrom("sessions").where("expires_at", "<=", new Date()).execute();
    },
  };
}

export function createLucia(getDb: () => Promise<DB>) {
  const env = getEnv();
  const secure = secureCookies(env);
  return new Lucia(kyselyAdapter(getDb), {
    // Idle timeout: Lucia extends a session once half of this has passed.
    sessionExpiresIn: new TimeSpan(env.SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      name: secure ? "__Host-mb_session" : "mb_session",
      expires: false, // a browser-session cookie; the server enforces the lifetimes
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt }),
    getUserAttributes: (a) => ({ disabled: a.disabled, withOrg: a.withOrg }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseSessionAttributes: { createdAt: Date };
    DatabaseUserAttributes: { disabled: boolean; withOrg: UserWithOrg };
  }
}
