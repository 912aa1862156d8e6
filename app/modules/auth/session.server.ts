import { redirect } from "@remix-run/node";
import type { UserWithOrg } from "../../../db/queries/users";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { requestMemo } from "../../../db/pool-budget";
import { createLucia, type AppLucia } from "./lucia.server";

export type CurrentUser = UserWithOrg;

let lucia: AppLucia | undefined;
function getLucia(): AppLucia {
  lucia ??= createLucia(getDb);
  return lucia;
}

export function sessionCookieName(): string {
  return getLucia().sessionCookieName;
}

type Resolved = { user: CurrentUser | null; setCookie: string | null };
// Root and route loaders of one request share the lookup.
const perRequest = new WeakMap<Request, Promise<Resolved>>();

async function resolve(request: Request): Promise<Resolved> {
  const l = getLucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, setCookie: null };
  const blank = { user: null, setCookie: l.createBlankSessionCookie().serialize() };
  const { session, user } = await l.validateSession(sessionId);
  if (!session || !user) return blank; // expired or unknown: clear the cookie
  const absoluteMs = getEnv().SESSION_ABSOLUTE_HOURS * 3600_000;
  if (user.disabled || Date.now() - session.createdAt.getTime() > absoluteMs) {
    await l.invalidateSession(session.id);
    return blank;
  }
  const setCookie = session.fresh ? l.createSessionCookie(session.id).serialize() : null;
  return { user: user.withOrg, setCookie };
}

/**
 * The signed-in user (null when signed out) and a Set-Cookie value when the
 * cookie must change (session extended, or a dead session cleared).
 */
export async function getSession(request: Request): Promise<Resolved> {
  // Within one HTTP request (the server's request scope) the root and page loaders get different
  // Request objects with the same Cookie header: they share one lookup by that header.
  const memo = requestMemo();
  const key = `session:${request.headers.get("Cookie") ?? ""}`;
  let p = (memo?.get(key) as Promise<Resolved> | undefined) ?? perRequest.get(request);
  if (!p) {
    p = resolve(request);
    perRequest.set(request, p);
    memo?.set(key, p);
  }
  return p;
}

export async function getCurrentUser(request: Request): Promise<{ user: CurrentUser; setCookie: string | null } | null> {
  const r = await getSession(request);
  return r.user ? { user: r.user, setCookie: r.setCookie } : null;
}

export async function getUserId(request: Request): Promise<string | null> {
  return (await getCurrentUser(request))?.user.id ?? null;
}

/** A new session at every sign-in (no fixation); returns the Set-Cookie value. */
export async function startSession(userId: string): Promise<string> {
  const l = getLucia();
  const session = await l.createSession(userId, { createdAt: new Date() });
  return l.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const l = getLucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await l.invalidateSession(sessionId);
  return l.createBlankSessionCookie().serialize();
}

export async function revokeAllSessions(userId: string): Promise<void> {
  await getLucia().invalidateUserSessions(userId);
}

export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<void> {
  const db = await getDb();
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "<>", keepSessionId).execute();
}

export async function currentSessionId(request: Request): Promise<string | null> {
  return getLucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

// ---- Guards: verbs that return what the caller needs, or throw a response ----

export async function requireUser(request: Request): Promise<CurrentUser> {
  const current = await getCurrentUser(request);
  if (!current) {
    const url = new URL(request.url);
    const back = safeRedirect(url.pathname + url.search, "/dashboard");
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return current.user;
}

type Kind = CurrentUser["org"]["kind"];

/**
 * The user must act for an organisation of one of `kinds`. Pages of another
 * role answer 404 (they do not exist for that role), so nothing about them leaks.
 */
export async function requireRole(request: Request, kinds: Kind | Kind[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  const list = Array.isArray(kinds) ? kinds : [kinds];
  if (!list.includes(user.org.kind)) throw new Response("Not Found", { status: 404 });
  return user;
}

/** Publishing, applying and reading pitch details need a verified organisation. */
export async function requireVerified(request: Request, kinds: Kind | Kind[]): Promise<CurrentUser> {
  const user = await requireRole(request, kinds);
  if (user.org.status !== "verified") throw new Response("Organisation not verified", { status: 403, statusText: "unverified" });
  return user;
}

/** The user must belong to `orgId`; anyone else gets 404, never the data. */
export async function requireOrgMember(request: Request, orgId: string): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (user.org.id !== orgId) throw new Response("Not Found", { status: 404 });
  return user;
}

export async function requireOrgOwner(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (user.role !== "owner") throw new Response("Not Found", { status: 404 });
  return user;
}

export { safeRedirect };
