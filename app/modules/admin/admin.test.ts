import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import { DEMO_NEED_IDS } from "../../../db/seed/demo-need-ids";
import type { DB } from "../../../db/client";
import { getNeedPublic, listOpenNeeds } from "../../../db/queries/needs";
import { setDbHandle } from "~/utils/db.server";
import { getCurrentUser, sessionCookieName, startSession } from "~/modules/auth/session.server";
import { getThread } from "~/modules/applications/applications.server";
import { loadFunnel } from "~/modules/analytics/analytics.server";
import { parseFilters } from "~/modules/analytics/funnel";
import { recommendNeeds, resetMatchIndex } from "~/modules/matching/service.server";
import { canSeeNeed } from "~/modules/needs/needs.server";
import { listAudit, parseAuditFilters } from "./audit-log.server";
import { hideItem, listItems, restoreItem } from "./moderation.server";
import { changeOwner, disableUser, enableUser, getOrgForAdmin, searchOrgs, searchUsers } from "./people.server";

type Person = { id: string; orgId: string };

withEachDb("operator console", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let operator: Person;
  const person = async (email: string): Promise<Person> => {
    const r = await db.selectFrom("users as u").innerJoin("memberships as m", "m.user_id", "u.id").select(["u.id", "m.org_id"]).where("u.email", "=", email).executeTakeFirstOrThrow();
    return { id: r.id, orgId: r.org_id };
  };
  const actor = () => ({ userId: operator.id, orgId: operator.orgId });
  const cookieFor = async (userId: string) => {
    const setCookie = await startSession(userId);
    const value = setCookie.split(";")[0];
    expect(value.startsWith(`${sessionCookieName()}=`)).toBe(true);
    return value;
  };
  const who = async (cookie: string) => (await getCurrentUser(new Request("http://x/dashboard", { headers: { Cookie: cookie } })))?.user.email ?? null;

  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    resetMatchIndex();
    await seedIfEmpty(db, { log: () => {} });
    operator = await person("operator@demo.medibridge.kr");
  });
  afterAll(async () => close());

  it("disabling a user ends every open session at once; re-enabling lets them sign in again", async () => {
    const u = await person("sy.han@demo.medibridge.kr");
    const phone = await cookieFor(u.id);
    const laptop = await cookieFor(u.id);
    expect(await who(phone)).toBe("sy.han@demo.medibridge.kr");
    const r = await disableUser(db, actor(), u.id, "127.0.0.1");
    expect(r).toMatchObject({ ok: true, changed: true });
    expect(await who(phone)).toBeNull();
    expect(await who(laptop)).toBeNull();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).toHaveLength(0);
    // A session made afterwards (say, a race with sign-in) is refused too: the user is disabled.
    const late = await cookieFor(u.id);
    expect(await who(late)).toBeNull();
    // Twice is a no-op, audited once.
    expect(await disableUser(db, actor(), u.id, null)).toMatchObject({ ok: true, changed: false });
    const audits = await db.selectFrom("audit_log").select(["event", "actor_user_id"]).where("target_id", "=", u.id).where("event", "=", "user.disabled").execute();
    expect(audits).toEqual([{ event: "user.disabled", actor_user_id: operator.id }]);
    expect(await enableUser(db, actor(), u.id, null)).toMatchObject({ ok: true, changed: true });
    const again = await cookieFor(u.id);
    expect(await who(again)).toBe("sy.han@demo.medibridge.kr");
  });

  it("an operator cannot disable themselves; unknown users are not found", async () => {
    expect(await disableUser(db, actor(), operator.id, null)).toEqual({ ok: false, reason: "self" });
    expect(await disableUser(db, actor(), "00000000-0000-4000-8000-000000000000", null)).toEqual({ ok: false, reason: "notFound" });
  });

  it("changes an organisation's owner to an active member only", async () => {
    const owner = await person("hospital1@demo.medibridge.kr");
    const member = await person("jh.park@demo.medibridge.kr");
    const outsider = await person("company1@demo.medibridge.kr");
    expect(await changeOwner(db, actor(), owner.orgId, outsider.id, null)).toEqual({ ok: false });
    expect(await changeOwner(db, actor(), owner.orgId, member.id, null)).toEqual({ ok: true, changed: true });
    const roles = await db.selectFrom("memberships").select(["user_id", "role"]).where("org_id", "=", owner.orgId).execute();
    expect(roles.find((r) => r.user_id === member.id)?.role).toBe("owner");
    expect(roles.find((r) => r.user_id === owner.id)?.role).toBe("member");
    expect(await changeOwner(db, actor(), owner.orgId, owner.id, null)).toEqual({ ok: true, changed: true });
    const org = await getOrgForAdmin(db, owner.orgId);
    expect(org?.members.find((m) => m.role === "owner")?.id).toBe(owner.id);
  });

  it("finds organisations by name, member e-mail and business number, and users by e-mail", async () => {
    expect((await searchOrgs(db, { q: "한빛", page: 1 })).rows.map((r) => r.slug)).toContain("hanbit-univ-hospital");
    expect((await searchOrgs(db, { q: "company1@demo", page: 1 })).rows.map((r) => r.slug)).toEqual(["lumen-healthcare"]);
    const org = await db.selectFrom("organizations").select(["slug", "business_no"]).where("slug", "=", "genomeplus").executeTakeFirstOrThrow();
    const dashed = `${org.business_no!.slice(0, 3)}-${org.business_no!.slice(3, 5)}-${org.business_no!.slice(5)}`;
    expect((await searchOrgs(db, { q: dashed, page: 1 })).rows.map((r) => r.slug)).toEqual(["genomeplus"]);
    expect((await searchOrgs(db, { q: "%", page: 1 })).total).toBe(0);
    expect((await searchUsers(db, { q: "investor2@", page: 1 })).rows.map((r) => r.email)).toEqual(["investor2@demo.medibridge.kr"]);
  });

  it("hiding a need removes it from the list, search and recommendations, tells the hospital, and restoring brings it back", async () => {
    const id = DEMO_NEED_IDS.hanbitHeartFailure;
    const company = await person("company1@demo.medibridge.kr");
    const hospital = await person("hospital1@demo.medibridge.kr");
    const need = (await getNeedPublic(db, id))!;
    const inList = async () => (await listOpenNeeds(db, {}, 100)).rows.some((r) => r.id === id);
    const inSearch = async () => (await listOpenNeeds(db, { q: "심부전" }, 100)).rows.some((r) => r.id === id);
    expect(await inList()).toBe(true);
    expect(await inSearch()).toBe(true);
    // Load the recommendation index before hiding, as a running server would have it.
    await recommendNeeds(db, company.orgId, "ko", 50);
    const before = await db.selectFrom("notifications").select("id").where("user_id", "=", hospital.id).execute();

    const r = await hideItem(db, actor(), { type: "need", id, reason: "광고성 게시물" }, "127.0.0.1");
    expect(r).toMatchObject({ ok: true, changed: true });
    expect(await inList()).toBe(false);
    expect(await inSearch()).toBe(false);
    expect((await recommendNeeds(db, company.orgId, "ko", 50)).map((x) => x.need.id)).not.toContain(id);
    const hidden = (await getNeedPublic(db, id))!;
    expect(hidden.hidden_reason).toBe("광고성 게시물");
    expect(canSeeNeed(hidden, { userId: company.id, orgId: company.orgId, orgKind: "company", orgStatus: "verified" })).toBe(false);
    expect(canSeeNeed(hidden, null)).toBe(false);
    expect(canSeeNeed(hidden, { userId: hospital.id, orgId: hospital.orgId, orgKind: "hospital", orgStatus: "verified" })).toBe(true);
    expect(canSeeNeed(hidden, { userId: operator.id, orgId: operator.orgId, orgKind: "operator", orgStatus: "verified" })).toBe(true);
    const notes = await db.selectFrom("notifications").select(["kind", "params", "link"]).where("user_id", "=", hospital.id).orderBy("id", "desc").execute();
    expect(notes.length).toBe(before.length + 1);
    expect(notes[0]).toMatchObject({ kind: "moderation.hidden", link: `/needs/${id}`, params: { title: need.title, reason: "광고성 게시물" } });
    // Hiding again changes nothing and notifies nobody.
    expect(await hideItem(db, actor(), { type: "need", id, reason: "또" }, null)).toMatchObject({ ok: true, changed: false });
    expect((await db.selectFrom("notifications").select("id").where("user_id", "=", hospital.id).execute()).length).toBe(before.length + 1);
    expect((await listItems(db, { type: "need", state: "hidden", page: 1 })).rows.map((x) => x.id)).toEqual([id]);

    expect(await restoreItem(db, actor(), { type: "need", id }, null)).toMatchObject({ ok: true, changed: true });
    expect(await inList()).toBe(true);
    expect((await recommendNeeds(db, company.orgId, "ko", 50)).map((x) => x.need.id)).toContain(id);
    expect((await getNeedPublic(db, id))!.hidden_reason).toBeNull();
    const events = await db.selectFrom("audit_log").select("event").where("target_id", "=", id).where("event", "like", "content.%").orderBy("id").execute();
    expect(events.map((e) => e.event)).toEqual(["content.hidden", "content.restored"]);
  });

  it("drafts and unknown items cannot be hidden", async () => {
    expect(await hideItem(db, actor(), { type: "need", id: DEMO_NEED_IDS.hanbitStrokeDraft, reason: "x" }, null)).toEqual({ ok: false });
    expect(await hideItem(db, actor(), { type: "pitch", id: "00000000-0000-4000-8000-000000000000", reason: "x" }, null)).toEqual({ ok: false });
  });

  it("a hidden message stays in the thread without its text", async () => {
    const msg = await db.selectFrom("messages").select(["id", "application_id", "body"]).orderBy("created_at").executeTakeFirstOrThrow();
    const hid = await hideItem(db, actor(), { type: "message", id: msg.id, reason: "개인정보 포함" }, null);
    expect(hid).toEqual({ ok: true, changed: true, title: `#${msg.id.slice(0, 8)}` });
    // Operators see the message's number and sender, never its text.
    const listed = await listItems(db, { type: "message", state: "hidden", q: msg.id.slice(0, 6), page: 1 });
    expect(listed.rows.map((x) => x.id)).toEqual([msg.id]);
    expect(JSON.stringify(listed)).not.toContain(msg.body.slice(0, 20));
    expect((await listItems(db, { type: "message", state: "visible", q: msg.body.slice(0, 8), page: 1 })).rows.map((x) => x.id)).not.toContain(msg.id);
    const thread = await getThread(db, msg.application_id);
    const shown = thread.messages.find((m) => m.id === msg.id)!;
    expect(shown).toMatchObject({ hidden: true, body: "", files: [] });
    expect(JSON.stringify(thread)).not.toContain(msg.body);
    await restoreItem(db, actor(), { type: "message", id: msg.id }, null);
    expect((await getThread(db, msg.application_id)).messages.find((m) => m.id === msg.id)).toMatchObject({ hidden: false, body: msg.body });
  });

  it("the funnel counts the demo data, and a call filter narrows it", async () => {
    const all = await loadFunnel(db, parseFilters(new URLSearchParams()), "ko");
    const apps = await db.selectFrom("applications").select("id").execute();
    expect(all.totals.applications).toBe(apps.length);
    expect(all.totals.applications).toBeGreaterThan(0);
    expect(all.totals.accepted).toBe((await db.selectFrom("applications").select("id").where("status", "=", "accepted").execute()).length);
    const call = await db.selectFrom("needs").select("program_call_id").where("program_call_id", "is not", null).executeTakeFirstOrThrow();
    const one = await loadFunnel(db, parseFilters(new URLSearchParams({ call: call.program_call_id! })), "ko");
    const inCall = await db.selectFrom("applications as a").innerJoin("needs as n", "n.id", "a.need_id").select("a.id").where("n.program_call_id", "=", call.program_call_id).execute();
    expect(one.totals.applications).toBe(inCall.length);
    expect(one.calls.map((c) => c.id)).toEqual([call.program_call_id]);
  });

  it("the audit log filters by person, event and period", async () => {
    const all = await listAudit(db, parseAuditFilters(new URLSearchParams()));
    expect(all.total).toBeGreaterThan(0);
    const mine = await listAudit(db, parseAuditFilters(new URLSearchParams({ who: "operator@demo", event: "content.hidden" })));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.event === "content.hidden" && r.actor_email === "operator@demo.medibridge.kr")).toBe(true);
    const none = await listAudit(db, parseAuditFilters(new URLSearchParams({ from: "2001-01-01", to: "2001-01-02" })));
    expect(none.total).toBe(0);
    expect(parseAuditFilters(new URLSearchParams({ from: "2026-13-45", event: "x; drop", page: "-3" }))).toMatchObject({ from: undefined, event: undefined, page: 1 });
  });
});
