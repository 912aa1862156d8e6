import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import type { DB } from "../../../db/client";
import { setDbHandle } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { changePassword, checkLogin, requestPasswordReset, resetPassword, signupWithNewOrg } from "./accounts.server";
import { createLucia } from "./lucia.server";
import { endSession, getCurrentUser, startSession } from "./session.server";
import { withPoolBudget } from "../../../db/pool-budget";

const PASSWORD = "medibridge-demo";

function requestWith(cookie: string) {
  // Only the name=value part travels back from a browser.
  return new Request("http://localhost/dashboard", { headers: { Cookie: cookie.split(";")[0] } });
}

withEachDb("accounts and sessions", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    await seedIfEmpty(db, { log: () => {} });
  });
  afterAll(async () => close());

  it("stores passwords as argon2id with m=19456, t=2, p=1", async () => {
    const rows = await db.selectFrom("users").select("password_hash").execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("signs in a demo user and answers unknown e-mail and wrong password alike", async () => {
    const ok = await checkLogin(db, { email: "hospital1@demo.medibridge.kr", password: PASSWORD, ip: "1.1.1.1" });
    expect(ok.ok).toBe(true);
    const wrong = await checkLogin(db, { email: "hospital1@demo.medibridge.kr", password: "nope-nope", ip: "1.1.1.1" });
    const unknown = await checkLogin(db, { email: "nobody@demo.medibridge.kr", password: "nope-nope", ip: "1.1.1.1" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    const events = await db.selectFrom("audit_log").select("event").where("event", "in", ["login.ok", "login.failed"]).execute();
    expect(events.map((e) => e.event).sort()).toEqual(["login.failed", "login.failed", "login.ok"]);
  });

  it("refuses an account over the failure limit before the password is checked", async () => {
    const email = "company2@demo.medibridge.kr";
    const limit = 10; // RATE_LIMIT_ACCOUNT_PER_HOUR default
    for (let i = 0; i < limit; i++) await checkLogin(db, { email, password: `wrong-${i}`, ip: null });
    // The right password is refused too: the hash was never consulted.
    const r = await checkLogin(db, { email, password: PASSWORD, ip: null });
    expect(r).toEqual({ ok: false, reason: "throttled" });
    const throttled = await db.selectFrom("audit_log").select("event").where("event", "=", "login.throttled").execute();
    expect(throttled).toHaveLength(1);
  });

  it("creates a session at sign-in, finds the user by cookie, and removes it at sign-out", async () => {
    const user = await db.selectFrom("users").select("id").where("email", "=", "investor1@demo.medibridge.kr").executeTakeFirstOrThrow();
    const cookie = await startSession(user.id);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const me = await getCurrentUser(requestWith(cookie));
    expect(me?.user.email).toBe("investor1@demo.medibridge.kr");
    expect(me?.user.org.kind).toBe("investor");
    const blank = await endSession(requestWith(cookie));
    expect(blank).toMatch(/Max-Age=0/);
    // The old cookie no longer works.
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
    const left = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(left).toHaveLength(0);
  });

  it("looks the session up once per page view (root and page loaders), but afresh after a write", async () => {
    const user = await db.selectFrom("users").select(["id", "name"]).where("email", "=", "investor2@demo.medibridge.kr").executeTakeFirstOrThrow();
    const cookie = await startSession(user.id);
    // A GET: Remix hands each loader its own Request object; both get the one lookup.
    await withPoolBudget(
      async () => {
        const [a, b] = await Promise.all([getCurrentUser(requestWith(cookie)), getCurrentUser(requestWith(cookie))]);
        expect(a?.user.email).toBe("investor2@demo.medibridge.kr");
        expect(b?.user).toBe(a?.user);
      },
      { readOnly: true },
    );
    // A POST: the loaders that run after the action see what it wrote (a new name here).
    await withPoolBudget(async () => {
      const before = await getCurrentUser(requestWith(cookie));
      await db.updateTable("users").set({ name: "이름 바뀜" }).where("id", "=", user.id).execute();
      const after = await getCurrentUser(requestWith(cookie));
      expect(before?.user.name).toBe(user.name);
      expect(after?.user.name).toBe("이름 바뀜");
    });
    // Two page views never share a lookup.
    const one = await withPoolBudget(() => getCurrentUser(requestWith(cookie)), { readOnly: true });
    const two = await withPoolBudget(() => getCurrentUser(requestWith(cookie)), { readOnly: true });
    expect(two?.user).not.toBe(one?.user);
    await db.updateTable("users").set({ name: user.name }).where("id", "=", user.id).execute();
  });

  it("gives every sign-in a new session id", async () => {
    const user = await db.selectFrom("users").select("id").where("email", "=", "operator@demo.medibridge.kr").executeTakeFirstOrThrow();
    const a = await startSession(user.id);
    const b = await startSession(user.id);
    expect(a.split(";")[0]).not.toBe(b.split(";")[0]);
  });

  it("revokes every session of a disabled user at once", async () => {
    const user = await db.selectFrom("users").select("id").where("email", "=", "hospital2@demo.medibridge.kr").executeTakeFirstOrThrow();
    const cookie = await startSession(user.id);
    expect(await getCurrentUser(requestWith(cookie))).not.toBeNull();
    await db.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", user.id).execute();
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
    await db.updateTable("users").set({ disabled_at: null }).where("id", "=", user.id).execute();
  });

  it("ends a session past its absolute lifetime even while it is in use", async () => {
    const user = await db.selectFrom("users").select("id").where("email", "=", "company1@demo.medibridge.kr").executeTakeFirstOrThrow();
    const cookie = await startSession(user.id);
    const id = cookie.split(";")[0].split("=")[1];
    await db.updateTable("sessions").set({ created_at: new Date(Date.now() - 13 * 3600_000) }).where("id", "=", id).execute();
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
  });

  it("ends an idle session", async () => {
    const user = await db.selectFrom("users").select("id").where("email", "=", "company1@demo.medibridge.kr").executeTakeFirstOrThrow();
    const cookie = await startSession(user.id);
    const id = cookie.split(";")[0].split("=")[1];
    await db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", id).execute();
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
  });

  it("signs up a new organisation as pending, and refuses a taken e-mail without storing anything", async () => {
    const before = await db.selectFrom("organizations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const r = await signupWithNewOrg(
      db,
      { name: "테스트", email: "new@hospital.example", password: "long enough pw", orgKind: "hospital", orgName: "테스트병원", businessNo: "1348157595" },
      null,
    );
    expect(r.ok).toBe(true);
    const org = await db.selectFrom("organizations").select(["status", "kind"]).where("name", "=", "테스트병원").executeTakeFirstOrThrow();
    expect(org).toEqual({ status: "pending", kind: "hospital" });
    const dup = await signupWithNewOrg(
      db,
      { name: "또", email: "new@hospital.example", password: "long enough pw", orgKind: "company", orgName: "중복회사", businessNo: "1348157595" },
      null,
    );
    expect(dup).toEqual({ ok: false, field: "email", message: "validation.emailTaken" });
    const after = await db.selectFrom("organizations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it("resets a password through the outbox link exactly once and ends old sessions", async () => {
    const email = "hospital1@demo.medibridge.kr";
    const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const old = await startSession(user.id);
    let link = "";
    await requestPasswordReset(db, email, (t) => (link = `http://localhost/reset-password?token=${t}`), null);
    const mail = await db.selectFrom("mail_outbox").select(["body_text"]).where("to_email", "=", email).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(link);
    const token = new URL(link).searchParams.get("token")!;
    expect(await resetPassword(db, token, "a brand new passphrase", null)).toMatchObject({ ok: true });
    expect(await resetPassword(db, token, "another passphrase", null)).toEqual({ ok: false });
    expect(await getCurrentUser(requestWith(old))).toBeNull();
    expect((await checkLogin(db, { email, password: "a brand new passphrase", ip: null })).ok).toBe(true);
  });

  it("changes a password only with the current one", async () => {
    const email = "investor2@demo.medibridge.kr";
    const u = await db.selectFrom("users as u").innerJoin("memberships as m", "m.user_id", "u.id").select(["u.id", "m.org_id"]).where("email", "=", email).executeTakeFirstOrThrow();
    const bad = await changePassword(db, { userId: u.id, orgId: u.org_id, current: "not it", password: "new pass phrase", keepSessionId: null, ip: null });
    expect(bad).toEqual({ ok: false, field: "current" });
    const good = await changePassword(db, { userId: u.id, orgId: u.org_id, current: PASSWORD, password: "new pass phrase", keepSessionId: null, ip: null });
    expect(good).toEqual({ ok: true });
    expect((await checkLogin(db, { email, password: "new pass phrase", ip: null })).ok).toBe(true);
  });
});

describe("session cookie in production (HTTPS)", () => {
  it("is Secure, HttpOnly, SameSite=Lax and __Host- prefixed", async () => {
    const prev = process.env.SECURE_COOKIES;
    process.env.SECURE_COOKIES = "1";
    resetEnvCache();
    try {
      const lucia = createLucia(async () => {
        throw new Error("no database needed to shape a cookie");
      });
      const cookie = lucia.createSessionCookie("abc").serialize();
      expect(cookie).toMatch(/^__Host-mb_session=abc;/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
    } finally {
      if (prev === undefined) delete process.env.SECURE_COOKIES;
      else process.env.SECURE_COOKIES = prev;
      resetEnvCache();
    }
  });
});
