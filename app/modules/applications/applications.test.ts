import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDb, seedOwner, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import type { DB } from "../../../db/client";
import { setDbHandle } from "~/utils/db.server";
import { tempUploadDir } from "~/modules/uploads/test-helpers";
import { countUnread, listNotifications, markAllRead, openNotification } from "~/modules/notifications/notifications.server";
import { getAttachmentForViewer, type StoredFile } from "~/modules/uploads/uploads.server";
import { responseStats } from "~/modules/orgs/orgs.server";
import {
  addMessage,
  companyApplicationsSummary,
  createApplication,
  decideApplication,
  getApplicationForViewer,
  getOpenNeed,
  listApplications,
} from "./applications.server";
import { DecideSchema } from "./schemas";

type Org = { id: string; name: string; userId: string };

const uploadDir = tempUploadDir("mb-app-uploads-");
const input = { approach: "AI 기반 흉부 X선 판독 보조로 야간 판독 지연을 줄입니다.", team: "영상의학 AI 연구원 4명", trl: 6, budgetKrw: 150_000_000, timeline: "6개월" };

function fakeStored(): StoredFile {
  const key = `${randomBytes(16).toString("hex")}.pdf`;
  writeFileSync(path.join(uploadDir(), key), "%PDF-1.4\n%%EOF\n");
  return { field: "attachments", filename: "제안서.pdf", storageKey: key, sizeBytes: 15, sha256: "0".repeat(64) };
}

withEachDb("applications", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let hospital: Org, hospital2: Org, company: Org, company2: Org, quiet: Org;
  const actor = (o: Org) => ({ userId: o.userId, orgId: o.id, orgName: o.name });

  const org = (slug: string): Promise<Org> => seedOwner(db, slug);

  async function need(owner: Org, status: "open" | "draft" | "closed" = "open", hidden = false) {
    const r = await db
      .insertInto("needs")
      .values({ org_id: owner.id, author_id: owner.userId, status, title: `테스트 수요 ${randomBytes(3).toString("hex")}`, summary: "요약", hidden_at: hidden ? new Date() : null })
      .returning(["id", "title", "org_id"])
      .executeTakeFirstOrThrow();
    return r;
  }

  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    await seedIfEmpty(db, { log: () => {} });
    hospital = await org("hanbit-univ-hospital");
    hospital2 = await org("seoul-nuri-hospital");
    company = await org("lumen-healthcare");
    company2 = await org("mindwave-therapeutics");
    // A hospital without any applications: made here, so the demo seed can change freely.
    const q = await db.insertInto("organizations").values({ slug: "quiet-test-hospital", kind: "hospital", name: "조용한병원", status: "verified" }).returning(["id", "name"]).executeTakeFirstOrThrow();
    const qu = await db.insertInto("users").values({ email: "quiet@hospital.example", name: "조용", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("memberships").values({ user_id: qu.id, org_id: q.id, role: "owner" }).execute();
    quiet = { id: q.id, name: q.name, userId: qu.id };
  });
  afterAll(async () => close());

  it("only open, visible needs take applications", async () => {
    const open = await need(hospital);
    expect(await getOpenNeed(db, open.id)).not.toBeNull();
    expect(await getOpenNeed(db, (await need(hospital, "draft")).id)).toBeNull();
    expect(await getOpenNeed(db, (await need(hospital, "closed")).id)).toBeNull();
    expect(await getOpenNeed(db, (await need(hospital, "open", true)).id)).toBeNull();
    expect(await getOpenNeed(db, "not-a-uuid")).toBeNull();
    const past = await need(hospital);
    await db.updateTable("needs").set({ deadline: "2020-01-31" }).where("id", "=", past.id).execute();
    expect(await getOpenNeed(db, past.id)).toBeNull();
    await db.updateTable("needs").set({ deadline: "2999-12-31" }).where("id", "=", past.id).execute();
    expect(await getOpenNeed(db, past.id)).not.toBeNull();
  });

  it("one application per company per need: two concurrent and ten repeated submits store one row", async () => {
    const n = await need(hospital);
    const files = [fakeStored(), fakeStored()];
    const results = await Promise.all([createApplication(db, actor(company), n, input, [files[0]]), createApplication(db, actor(company), n, input, [files[1]])]);
    for (let i = 0; i < 10; i++) results.push(await createApplication(db, actor(company), n, input, []));
    const rows = await db.selectFrom("applications").select("id").where("need_id", "=", n.id).execute();
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0].id]));
    // The loser's file is gone from disk; the winner's is recorded once.
    const atts = await db.selectFrom("attachments").select("storage_key").where("application_id", "=", rows[0].id).execute();
    expect(atts).toHaveLength(1);
    expect(readdirSync(uploadDir())).toContain(atts[0].storage_key);
    const loser = files.find((f) => f.storageKey !== atts[0].storage_key)!;
    expect(readdirSync(uploadDir())).not.toContain(loser.storageKey);
  });

  it("notifies the hospital's members in-app and by e-mail when a company applies", async () => {
    const n = await need(hospital);
    const before = await countUnread(db, hospital.userId);
    const mailsBefore = await db.selectFrom("mail_outbox").select("id").where("to_email", "=", "hospital1@demo.medibridge.kr").execute();
    const { id } = await createApplication(db, actor(company), n, input, []);
    expect(await countUnread(db, hospital.userId)).toBe(before + 1);
    const mails = await db.selectFrom("mail_outbox").select(["subject", "body_text"]).where("to_email", "=", "hospital1@demo.medibridge.kr").execute();
    expect(mails.length).toBe(mailsBefore.length + 1);
    expect(mails.at(-1)!.body_text).toContain(`/applications/${id}`);
    expect(mails.at(-1)!.body_text).toContain("English");
    // The applicant does not notify itself.
    const own = await db.selectFrom("notifications").select("id").where("user_id", "=", company.userId).where("link", "=", `/applications/${id}`).execute();
    expect(own).toHaveLength(0);
  });

  it("shows an application to its two organisations only", async () => {
    const n = await need(hospital);
    const { id } = await createApplication(db, actor(company), n, input, []);
    expect((await getApplicationForViewer(db, id, company.id))?.side).toBe("company");
    expect((await getApplicationForViewer(db, id, hospital.id))?.side).toBe("hospital");
    expect(await getApplicationForViewer(db, id, company2.id)).toBeNull();
    expect(await getApplicationForViewer(db, id, hospital2.id)).toBeNull();
    expect(await getApplicationForViewer(db, "x' or 1=1 --", company.id)).toBeNull();
  });

  it("lets only the two organisations download an attachment", async () => {
    const n = await need(hospital);
    const f = fakeStored();
    const { id } = await createApplication(db, actor(company2), n, input, [f]);
    const att = await db.selectFrom("attachments").select("id").where("application_id", "=", id).executeTakeFirstOrThrow();
    expect(await getAttachmentForViewer(db, att.id, company2.id)).toMatchObject({ filename: "제안서.pdf", storageKey: f.storageKey });
    expect(await getAttachmentForViewer(db, att.id, hospital.id)).not.toBeNull();
    expect(await getAttachmentForViewer(db, att.id, company.id)).toBeNull();
    expect(await getAttachmentForViewer(db, att.id, hospital2.id)).toBeNull();
    // Message attachments follow the same rule.
    const m = fakeStored();
    await addMessage(db, actor(hospital), id, "자료 보내드립니다.", [m]);
    const matt = await db.selectFrom("attachments").select("id").where("storage_key", "=", m.storageKey).executeTakeFirstOrThrow();
    expect(await getAttachmentForViewer(db, matt.id, company2.id)).not.toBeNull();
    expect(await getAttachmentForViewer(db, matt.id, company.id)).toBeNull();
  });

  it("refuses a decline without a reason (schema) and changes nothing", async () => {
    const n = await need(hospital);
    const { id } = await createApplication(db, actor(company), n, input, []);
    const noReason = DecideSchema.safeParse({ intent: "decline" });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]).toMatchObject({ path: ["reason"], message: "applications:errors.reasonRequired" });
    const otherWithoutNote = DecideSchema.safeParse({ intent: "decline", reason: "other", note: "  " });
    expect(otherWithoutNote.error?.issues[0]).toMatchObject({ path: ["note"], message: "applications:errors.noteRequired" });
    await expect(decideApplication(db, actor(hospital), id, { intent: "decline", note: "" })).rejects.toThrow();
    const row = await db.selectFrom("applications").select(["status", "decided_at", "first_response_at", "decline_reason"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "submitted", decided_at: null, first_response_at: null, decline_reason: null });
  });

  it("follows the transition rules and records first response and decision times", async () => {
    const n = await need(hospital);
    const { id } = await createApplication(db, actor(company), n, input, []);
    // The company cannot decide; the hospital cannot withdraw; strangers see nothing.
    expect(await decideApplication(db, actor(company), id, { intent: "accept", note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await decideApplication(db, actor(hospital), id, { intent: "withdraw", note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await decideApplication(db, actor(hospital2), id, { intent: "shortlist", note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await decideApplication(db, actor(hospital), id, { intent: "shortlist", note: "" })).toEqual({ ok: true, status: "shortlisted" });
    const s = await db.selectFrom("applications").select(["first_response_at", "decided_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(s.first_response_at).not.toBeNull();
    expect(s.decided_at).toBeNull();
    expect(await decideApplication(db, actor(hospital), id, { intent: "shortlist", note: "" })).toEqual({ ok: false, reason: "transition", from: "shortlisted" });
    expect(await decideApplication(db, actor(hospital), id, { intent: "decline", reason: "budget", note: "예산 범위를 넘습니다." })).toEqual({ ok: true, status: "declined" });
    const d = await db.selectFrom("applications").select(["status", "decided_at", "decline_reason", "decline_note", "first_response_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: "declined", decline_reason: "budget", decline_note: "예산 범위를 넘습니다." });
    expect(d.decided_at).not.toBeNull();
    expect(d.first_response_at).toEqual(s.first_response_at);
    for (const intent of ["accept", "shortlist", "decline"] as const) {
      expect(await decideApplication(db, actor(hospital), id, { intent, reason: "budget", note: "" })).toEqual({ ok: false, reason: "transition", from: "declined" });
    }
    expect(await decideApplication(db, actor(company), id, { intent: "withdraw", note: "" })).toEqual({ ok: false, reason: "transition", from: "declined" });
    // The company got a status notification for each change.
    const notes = await db.selectFrom("notifications").select(["kind", "params"]).where("user_id", "=", company.userId).where("link", "=", `/applications/${id}`).execute();
    expect(notes.map((x) => (x.params as { status?: string }).status)).toEqual(["shortlisted", "declined"]);
  });

  it("lets the company withdraw while submitted or shortlisted, and not after", async () => {
    const n = await need(hospital);
    const { id } = await createApplication(db, actor(company), n, input, []);
    expect(await decideApplication(db, actor(company), id, { intent: "withdraw", note: "" })).toEqual({ ok: true, status: "withdrawn" });
    expect(await decideApplication(db, actor(hospital), id, { intent: "accept", note: "" })).toEqual({ ok: false, reason: "transition", from: "withdrawn" });
  });

  it("a hospital message counts as the first response; messages notify the other side", async () => {
    const n = await need(hospital);
    const { id } = await createApplication(db, actor(company), n, input, []);
    expect(await addMessage(db, actor(company), id, "추가 자료가 필요하시면 말씀해 주세요.", [])).toBe(true);
    expect((await db.selectFrom("applications").select("first_response_at").where("id", "=", id).executeTakeFirstOrThrow()).first_response_at).toBeNull();
    expect(await addMessage(db, actor(hospital), id, "IRB 일정 공유드립니다.", [])).toBe(true);
    expect((await db.selectFrom("applications").select("first_response_at").where("id", "=", id).executeTakeFirstOrThrow()).first_response_at).not.toBeNull();
    const f = fakeStored();
    expect(await addMessage(db, actor(hospital2), id, "끼어들기", [f])).toBe(false);
    expect(readdirSync(uploadDir())).not.toContain(f.storageKey);
    const msgs = await db.selectFrom("messages").select("body").where("application_id", "=", id).execute();
    expect(msgs).toHaveLength(2);
  });

  it("lists applications per side, waiting-for-answer first for hospitals, with a status filter", async () => {
    const list = await listApplications(db, { orgId: hospital.id, kind: "hospital" }, { page: 1 });
    expect(list.total).toBeGreaterThan(3);
    const waitingIdx = list.items.map((a) => a.status === "submitted" && !a.first_response_at);
    expect(waitingIdx.indexOf(false)).toBeGreaterThan(waitingIdx.lastIndexOf(true) - 0);
    expect(list.items.every((a) => a.company_name)).toBe(true);
    const mine = await listApplications(db, { orgId: company.id, kind: "company" }, { page: 1 });
    expect(mine.items.every((a) => a.company_name === company.name)).toBe(true);
    const declined = await listApplications(db, { orgId: company.id, kind: "company" }, { status: "declined", page: 1 });
    expect(declined.items.every((a) => a.status === "declined")).toBe(true);
    expect((await listApplications(db, { orgId: quiet.id, kind: "hospital" }, { page: 1 })).total).toBe(0);
    expect((await companyApplicationsSummary(db, company.id)).length).toBeGreaterThan(0);
  });

  it("computes a hospital's response rate and median response time", async () => {
    const stats = await responseStats(db, hospital.id);
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.answered).toBeGreaterThan(0);
    expect(stats.rate).toBeGreaterThan(0);
    expect(stats.rate).toBeLessThanOrEqual(100);
    expect(stats.medianHours).not.toBeNull();
    expect(await responseStats(db, quiet.id)).toEqual({ total: 0, answered: 0, rate: null, medianHours: null });
  });

  it("lists, opens and marks notifications read for their owner only", async () => {
    const { items } = await listNotifications(db, hospital.userId, 1);
    expect(items.length).toBeGreaterThan(0);
    expect(await openNotification(db, company2.userId, items[0].id)).toBeNull();
    expect(await openNotification(db, hospital.userId, items[0].id)).toMatch(/^\/applications\//);
    expect(await openNotification(db, hospital.userId, "1; drop table users")).toBeNull();
    await markAllRead(db, hospital.userId);
    expect(await countUnread(db, hospital.userId)).toBe(0);
  });
});
