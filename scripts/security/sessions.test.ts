/**
 * Session rules (docs: quality.md "Sessions"; SECURITY.md), checked in-process
 * against the real login/logout actions and guards, with the clock moved by
 * editing the session row's timestamps (no test-only code path):
 * new session at sign-in (no fixation), sign-out removes it server-side,
 * idle timeout (SESSION_IDLE_MINUTES, default 30) with sliding renewal,
 * absolute lifetime (SESSION_ABSOLUTE_HOURS, default 12), a disabled user's
 * sessions end (at once when an operator disables the account), cookie flags.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { LOAD_CONTEXT, makeRequest, prepareEnv, routeEntries, settle } from "./harness";

prepareEnv();

const routes = routeEntries(import.meta.glob("../../app/routes/{login,logout,dashboard,admin.users}.tsx"));
const load = async (id: string) => (await routes.find((r) => r.id === id)!.load()) as { loader?: (a: unknown) => unknown; action?: (a: unknown) => unknown };

const EMAIL = "company2@demo.medibridge.kr";
const PASSWORD = "medibridge-demo";

let handle: DbHandle;
beforeAll(async () => {
  const { seededApp } = await import("./harness");
  handle = await seededApp();
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

function cookieFrom(setCookie: string | null): string | null {
  const m = /(?:__Host-)?mb_session=([^;]*)/.exec(setCookie ?? "");
  return m && m[1] ? `${m[0]}` : null;
}

async function signIn(existingCookie?: string): Promise<{ cookie: string; setCookie: string; id: string }> {
  const login = await load("login");
  const r = await settle(() =>
    login.action!({
      request: makeRequest("/login", { method: "POST", cookie: existingCookie, body: new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString(), contentType: "application/x-www-form-urlencoded" }),
      params: {},
      context: LOAD_CONTEXT,
    }),
  );
  expect(r.status, "sign-in answers with a redirect").toBe(302);
  const cookie = cookieFrom(r.setCookie);
  expect(cookie, `Set-Cookie at sign-in: ${r.setCookie}`).toBeTruthy();
  return { cookie: cookie!, setCookie: r.setCookie ?? "", id: cookie!.split("=")[1] };
}

/** A signed-in page: 200 while the session lives, a redirect to /login once it is gone. */
async function dashboard(cookie: string) {
  const mod = await load("dashboard");
  const r = await settle(() => mod.loader!({ request: makeRequest("/dashboard", { cookie }), params: {}, context: LOAD_CONTEXT }));
  return { status: r.status, location: r.location };
}

async function sessionRow(id: string) {
  return handle.db.selectFrom("sessions").select(["id", "expires_at", "created_at"]).where("id", "=", id).executeTakeFirst();
}

describe("sessions", () => {
  it("sign-in creates a new random session id (an earlier cookie is never adopted) with HttpOnly, SameSite=Lax cookies", async () => {
    const a = await signIn();
    const b = await signIn(a.cookie);
    expect(b.id).not.toBe(a.id);
    expect(a.id.length).toBeGreaterThanOrEqual(20);
    expect(a.setCookie).toMatch(/HttpOnly/i);
    expect(a.setCookie).toMatch(/SameSite=Lax/i);
    expect(a.setCookie).toMatch(/Path=\//i);
    expect((await dashboard(a.cookie)).status).toBe(200);
  });

  it("sign-out removes the session on the server: the old cookie no longer works", async () => {
    const s = await signIn();
    expect((await dashboard(s.cookie)).status).toBe(200);
    const logout = await load("logout");
    const r = await settle(() => logout.action!({ request: makeRequest("/logout", { method: "POST", cookie: s.cookie }), params: {}, context: LOAD_CONTEXT }));
    expect(r.status).toBe(302);
    expect(await sessionRow(s.id)).toBeUndefined();
    const after = await dashboard(s.cookie);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });

  it("idle timeout: a session unused past its expiry is refused; one used in time slides forward", async () => {
    const s = await signIn();
    const row = (await sessionRow(s.id))!;
    const idleMs = new Date(row.expires_at).getTime() - Date.now();
    expect(idleMs, "idle window ≈ SESSION_IDLE_MINUTES (30)").toBeGreaterThan(29 * 60_000);
    expect(idleMs).toBeLessThanOrEqual(30 * 60_000 + 5000);
    // 20 minutes idle (10 left): still valid, and extended to a fresh 30 minutes.
    await handle.db.updateTable("sessions").set({ expires_at: new Date(Date.now() + 10 * 60_000) }).where("id", "=", s.id).execute();
    expect((await dashboard(s.cookie)).status).toBe(200);
    const slid = new Date((await sessionRow(s.id))!.expires_at).getTime() - Date.now();
    expect(slid, "renewed on use").toBeGreaterThan(29 * 60_000);
    // 31 minutes idle: gone.
    await handle.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 60_000) }).where("id", "=", s.id).execute();
    const r = await dashboard(s.cookie);
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/login/);
  });

  it("absolute lifetime: a session older than 12 h ends even while in use", async () => {
    const s = await signIn();
    await handle.db
      .updateTable("sessions")
      .set({ created_at: new Date(Date.now() - 12 * 3600_000 - 60_000), expires_at: new Date(Date.now() + 25 * 60_000) })
      .where("id", "=", s.id)
      .execute();
    const r = await dashboard(s.cookie);
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/login/);
    expect(await sessionRow(s.id), "the old session is deleted").toBeUndefined();
    // 11 h 50 min is still fine.
    const t = await signIn();
    await handle.db.updateTable("sessions").set({ created_at: new Date(Date.now() - 11 * 3600_000 - 50 * 60_000) }).where("id", "=", t.id).execute();
    expect((await dashboard(t.cookie)).status).toBe(200);
  });

  it("a disabled user: every session ends when an operator disables the account, and sign-in is refused", async () => {
    const s1 = await signIn();
    const s2 = await signIn();
    const { startSession } = await import("../../app/modules/auth/session.server");
    const op = await handle.db.selectFrom("users").select("id").where("email", "=", "operator@demo.medibridge.kr").executeTakeFirstOrThrow();
    const opCookie = (await startSession(op.id)).split(";")[0];
    const target = await handle.db.selectFrom("users").select("id").where("email", "=", EMAIL).executeTakeFirstOrThrow();
    const admin = await load("admin.users");
    const r = await settle(() =>
      admin.action!({
        request: makeRequest("/admin/users", { method: "POST", cookie: opCookie, body: new URLSearchParams({ intent: "disable", userId: target.id, reason: "보안 시험", confirm: "yes" }).toString(), contentType: "application/x-www-form-urlencoded" }),
        params: {},
        context: LOAD_CONTEXT,
      }),
    );
    expect(r.status, `disable answered ${r.status} ${r.body.slice(0, 200)}`).toBeLessThan(400);
    const left = await sql<{ n: number }>`select count(*)::int as n from sessions where user_id = ${target.id}`.execute(handle.db);
    expect(Number(left.rows[0].n), "no session of the disabled user is left").toBe(0);
    for (const s of [s1, s2]) expect((await dashboard(s.cookie)).status).toBe(302);
    // Even a session row that somehow survived is refused while the account is disabled.
    await handle.db.insertInto("sessions").values({ id: "survivor-session-id-0123456789", user_id: target.id, expires_at: new Date(Date.now() + 20 * 60_000) }).execute();
    expect((await dashboard("mb_session=survivor-session-id-0123456789")).status).toBe(302);
    const login = await load("login");
    const again = await settle(() =>
      login.action!({
        request: makeRequest("/login", { method: "POST", body: new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString(), contentType: "application/x-www-form-urlencoded" }),
        params: {},
        context: LOAD_CONTEXT,
      }),
    );
    expect(again.status, "a disabled account cannot sign in").toBe(400);
    await handle.db.updateTable("users").set({ disabled_at: null }).where("id", "=", target.id).execute();
  });
});
