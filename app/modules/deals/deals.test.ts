import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDb, seedOwner, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import type { DB } from "../../../db/client";
import { setDbHandle } from "~/utils/db.server";
import { renderNotification } from "~/modules/notifications/notifications.server";
import { awaitingCompanyAnswer, createMeetingRequest, getMeetingForViewer, listMeetings, respondToMeeting, upcomingMeetings } from "./meetings.server";
import { addDealNote, companyDealStatuses, dealHistory, dealNotes, getDealForInvestor, getMeetablePitch, listDeals, moveDeal, stageCounts, watchPitch } from "./pipeline.server";
import { MeetingRequestSchema, MeetingRespondSchema, StageSchema, dateToSeoulLocal, seoulLocalToDate } from "./schemas";

type Org = { id: string; name: string; userId: string };
const DAY = 86_400_000;

withEachDb("meeting requests and deal pipeline", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let company: Org, company2: Org, investor: Org, investor2: Org;
  const actor = (o: Org) => ({ userId: o.userId, orgId: o.id, orgName: o.name });

  const org = (slug: string): Promise<Org> => seedOwner(db, slug);

  /** Pitch rows made here, so the tests do not depend on the pitches seed. */
  async function pitch(owner: Org, status: "published" | "draft" | "archived" = "published", hidden = false) {
    return db
      .insertInto("pitches")
      .values({ org_id: owner.id, author_id: owner.userId, status, title: `테스트 피칭 ${randomBytes(3).toString("hex")}`, one_liner: "한 줄 소개", hidden_at: hidden ? new Date() : null, published_at: new Date() })
      .returning(["id", "title", "org_id"])
      .executeTakeFirstOrThrow();
  }

  const input = (slots: Date[]) => ({ slots, durationMinutes: 60, location: "Zoom", message: "시리즈 A 관련해 뵙고 싶습니다." });
  const future = (days: number) => new Date(Math.round((Date.now() + days * DAY) / 60_000) * 60_000);

  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    await seedIfEmpty(db, { log: () => {} });
    company = await org("lumen-healthcare");
    company2 = await org("mindwave-therapeutics");
    investor = await org("hangang-bio-partners");
    investor2 = await org("spark-health-ventures");
  });
  afterAll(async () => close());

  it("the demo seed: meetings and deals for both demo investors, notes private to them", async () => {
    const inv1 = await listDeals(db, investor.id);
    expect(inv1.map((d) => d.stage).sort()).toEqual(["due-diligence", "meeting", "meeting", "passed"]);
    expect((await listDeals(db, investor2.id)).map((d) => d.stage)).toContain("invested");
    expect((await awaitingCompanyAnswer(db, company.id)).map((m) => m.investor_name)).toEqual(["스파크헬스벤처스"]);
    expect((await upcomingMeetings(db, { orgId: company.id, side: "company" })).map((m) => m.investor_name)).toEqual(["한강바이오파트너스"]);
    const status = await companyDealStatuses(db, company.id);
    expect(status.map((s) => s.status)).toEqual(["in-review", "in-review"]);
  });

  it("only published, visible pitches take meeting requests or watches", async () => {
    expect(await getMeetablePitch(db, (await pitch(company)).id)).not.toBeNull();
    expect(await getMeetablePitch(db, (await pitch(company, "draft")).id)).toBeNull();
    expect(await getMeetablePitch(db, (await pitch(company, "archived")).id)).toBeNull();
    expect(await getMeetablePitch(db, (await pitch(company, "published", true)).id)).toBeNull();
    expect(await getMeetablePitch(db, "not-a-uuid")).toBeNull();
    expect(await watchPitch(db, actor(investor), (await pitch(company, "draft")).id)).toBeNull();
  });

  it("two concurrent identical requests and repeats store one pending row, one deal at 'meeting', one notification", async () => {
    const p = await pitch(company);
    const before = await db.selectFrom("notifications").select("id").where("user_id", "=", company.userId).execute();
    const slots = [future(3), future(4)];
    const results = await Promise.all([createMeetingRequest(db, actor(investor), p, input(slots)), createMeetingRequest(db, actor(investor), p, input(slots))]);
    for (let i = 0; i < 5; i++) results.push(await createMeetingRequest(db, actor(investor), p, input(slots)));
    const rows = await db.selectFrom("meeting_requests").select(["id", "status"]).where("pitch_id", "=", p.id).execute();
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0].id]));
    const deals = await db.selectFrom("deals").select(["id", "stage"]).where("pitch_id", "=", p.id).execute();
    expect(deals).toEqual([expect.objectContaining({ stage: "meeting" })]);
    expect(await dealHistory(db, deals[0].id)).toHaveLength(1);
    const after = await db.selectFrom("notifications").select(["kind", "link"]).where("user_id", "=", company.userId).execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toEqual({ kind: "meeting.requested", link: `/meetings/${rows[0].id}` });
    // Another investor may ask for its own meeting on the same pitch.
    expect((await createMeetingRequest(db, actor(investor2), p, input(slots))).created).toBe(true);
  });

  it("a watched deal moves up to 'meeting' on a request; later stages are kept", async () => {
    const p = await pitch(company);
    const w = await watchPitch(db, actor(investor), p.id);
    expect(w?.created).toBe(true);
    expect((await watchPitch(db, actor(investor), p.id))?.id).toBe(w!.id); // idempotent
    await createMeetingRequest(db, actor(investor), p, input([future(2)]));
    const deal = await getDealForInvestor(db, w!.id, investor.id);
    expect(deal?.stage).toBe("meeting");
    expect((await dealHistory(db, w!.id)).map((h) => h.to_stage)).toEqual(["meeting", "watching"]);
    const p2 = await pitch(company);
    const w2 = await watchPitch(db, actor(investor), p2.id);
    await moveDeal(db, actor(investor), w2!.id, { intent: "stage", stage: "due-diligence", amountKrw: null, investedOn: undefined, passReason: undefined });
    await createMeetingRequest(db, actor(investor), p2, input([future(2)]));
    expect((await getDealForInvestor(db, w2!.id, investor.id))?.stage).toBe("due-diligence");
  });

  it("shows a request to its two organisations only; the company accepts one future slot once", async () => {
    const p = await pitch(company);
    const { id } = await createMeetingRequest(db, actor(investor), p, input([future(5), future(6), future(7)]));
    expect((await getMeetingForViewer(db, id, company.id))?.side).toBe("company");
    expect((await getMeetingForViewer(db, id, investor.id))?.side).toBe("investor");
    expect(await getMeetingForViewer(db, id, investor2.id)).toBeNull();
    expect(await getMeetingForViewer(db, id, company2.id)).toBeNull();
    // The investor cannot accept, another company cannot either.
    expect(await respondToMeeting(db, actor(investor), id, { intent: "accept", slot: 1, note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await respondToMeeting(db, actor(company2), id, { intent: "accept", slot: 1, note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await respondToMeeting(db, actor(company), id, { intent: "accept", slot: 3, note: "" })).toEqual({ ok: true, status: "accepted" });
    expect(await respondToMeeting(db, actor(company), id, { intent: "decline", reason: "timing", note: "" })).toEqual({ ok: false, reason: "transition", from: "accepted" });
    const m = await getMeetingForViewer(db, id, investor.id);
    expect(m?.accepted_slot).toBe(3);
    expect(new Date(m!.start_at!).getTime()).toBe(new Date(m!.slot_3!).getTime());
    const inv = await db.selectFrom("notifications").select(["kind"]).where("user_id", "=", investor.userId).where("link", "=", `/meetings/${id}`).execute();
    expect(inv.map((n) => n.kind)).toEqual(["meeting.accepted"]);
    // Upcoming on both sides' dashboards; no longer waiting for an answer.
    expect((await upcomingMeetings(db, { orgId: company.id, side: "company" }, 50)).map((u) => u.id)).toContain(id);
    expect((await upcomingMeetings(db, { orgId: investor.id, side: "investor" }, 50)).map((u) => u.id)).toContain(id);
    expect((await awaitingCompanyAnswer(db, company.id, 50)).map((a) => a.id)).not.toContain(id);
  });

  it("a slot in the past cannot be accepted; declines carry a reason; the investor may cancel a pending one", async () => {
    const p = await pitch(company);
    const { id } = await createMeetingRequest(db, actor(investor), p, input([future(1), future(2)]));
    await db.updateTable("meeting_requests").set({ slot_1: new Date(Date.now() - DAY) }).where("id", "=", id).execute();
    expect(await respondToMeeting(db, actor(company), id, { intent: "accept", slot: 1, note: "" })).toEqual({ ok: false, reason: "slot" });
    expect(await respondToMeeting(db, actor(company), id, { intent: "accept", slot: 3, note: "" })).toEqual({ ok: false, reason: "slot" });
    expect(await respondToMeeting(db, actor(company), id, { intent: "decline", reason: "timing", note: "내년 1분기에 다시 연락 부탁드립니다." })).toEqual({ ok: true, status: "declined" });
    const m = await getMeetingForViewer(db, id, investor.id);
    expect(m).toMatchObject({ status: "declined", decline_reason: "timing", decline_note: "내년 1분기에 다시 연락 부탁드립니다." });
    // After a decline a new request may be made (only one *pending* at a time).
    const again = await createMeetingRequest(db, actor(investor), p, input([future(9)]));
    expect(again.created).toBe(true);
    expect(await respondToMeeting(db, actor(company), again.id, { intent: "cancel", note: "" })).toEqual({ ok: false, reason: "notFound" });
    expect(await respondToMeeting(db, actor(investor), again.id, { intent: "cancel", note: "" })).toEqual({ ok: true, status: "cancelled" });
    const notes = await db.selectFrom("notifications").select("kind").where("user_id", "=", company.userId).where("link", "=", `/meetings/${again.id}`).execute();
    expect(notes.map((n) => n.kind)).toEqual(["meeting.requested", "meeting.cancelled"]);
  });

  it("lists upcoming accepted first, then pending, then past — each side sees only its own", async () => {
    const p = await pitch(company2);
    const pend = await createMeetingRequest(db, actor(investor2), p, input([future(10)]));
    const p2 = await pitch(company2);
    const acc = await createMeetingRequest(db, actor(investor2), p2, input([future(20)]));
    await respondToMeeting(db, actor(company2), acc.id, { intent: "accept", slot: 1, note: "" });
    const p3 = await pitch(company2);
    const gone = await createMeetingRequest(db, actor(investor2), p3, input([future(1)]));
    await respondToMeeting(db, actor(investor2), gone.id, { intent: "cancel", note: "" });
    const list = await listMeetings(db, { orgId: company2.id, side: "company" }, 1);
    const mine = list.items.filter((i) => [acc.id, pend.id, gone.id].includes(i.id));
    expect(mine.map((i) => i.id)).toEqual([acc.id, pend.id, gone.id]);
    expect(mine.map((i) => i.grp)).toEqual([0, 1, 2]);
    // Groups never interleave: the whole list is sorted by group.
    expect(list.items.map((i) => i.grp)).toEqual([...list.items.map((i) => i.grp)].sort());
    const inv2 = await listMeetings(db, { orgId: investor2.id, side: "investor" }, 1);
    expect(inv2.items.map((i) => i.id)).toEqual(expect.arrayContaining([acc.id, pend.id, gone.id]));
    const inv1 = await listMeetings(db, { orgId: investor.id, side: "investor" }, 1);
    expect(inv1.items.map((i) => i.id)).not.toContain(acc.id);
  });

  it("moves a deal through the stages with amounts, records each change, and keeps notes inside the investor organisation", async () => {
    const p = await pitch(company);
    const { id } = (await watchPitch(db, actor(investor), p.id))!;
    expect(await getDealForInvestor(db, id, investor2.id)).toBeNull();
    expect(await moveDeal(db, actor(investor2), id, { intent: "stage", stage: "passed", amountKrw: null, passReason: "team" })).toEqual({ ok: false, reason: "notFound" });
    expect(await addDealNote(db, actor(investor2), id, "남의 메모")).toBe(false);
    expect(await addDealNote(db, actor(investor), id, "CTO 인터뷰: 규제 경험 부족, 밸류 과다")).toBe(true);
    await moveDeal(db, actor(investor), id, { intent: "stage", stage: "due-diligence", amountKrw: null });
    await moveDeal(db, actor(investor), id, { intent: "stage", stage: "committed", amountKrw: 500_000_000 });
    expect((await getDealForInvestor(db, id, investor.id))?.committed_krw).toBe(500_000_000);
    await moveDeal(db, actor(investor), id, { intent: "stage", stage: "invested", amountKrw: 450_000_000, investedOn: "2026-11-20" });
    const d = await getDealForInvestor(db, id, investor.id);
    expect(d).toMatchObject({ stage: "invested", invested_krw: 450_000_000, invested_on: "2026-11-20" });
    expect((await dealHistory(db, id)).map((h) => h.to_stage)).toEqual(["invested", "committed", "due-diligence", "watching"]);
    // Same stage again: no new history row.
    expect(await moveDeal(db, actor(investor), id, { intent: "stage", stage: "invested", amountKrw: 450_000_000, investedOn: "2026-11-21" })).toEqual({ ok: true, changed: false });
    expect(await dealHistory(db, id)).toHaveLength(4);
    expect((await dealNotes(db, id)).map((n) => n.body)).toEqual(["CTO 인터뷰: 규제 경험 부족, 밸류 과다"]);
    const counts = await stageCounts(db, investor.id);
    expect(counts.invested).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts)).toEqual(["watching", "meeting", "due-diligence", "committed", "invested", "passed"]);
    expect((await listDeals(db, investor2.id)).map((x) => x.id)).not.toContain(id);
    expect((await listDeals(db, investor.id)).find((x) => x.id === id)?.note_count).toBe(1);
  });

  it("the company sees in review / invested / passed with the reason, never notes or amounts, and is told when passed", async () => {
    const p = await pitch(company);
    const { id } = (await watchPitch(db, actor(investor), p.id))!;
    await addDealNote(db, actor(investor), id, "비공개 메모: 창업자 리스크");
    let rows = await companyDealStatuses(db, company.id, p.id);
    expect(rows).toEqual([expect.objectContaining({ investorName: investor.name, status: "in-review", passReason: null })]);
    await moveDeal(db, actor(investor), id, { intent: "stage", stage: "committed", amountKrw: 300_000_000 });
    expect((await companyDealStatuses(db, company.id, p.id))[0].status).toBe("in-review");
    await moveDeal(db, actor(investor), id, { intent: "stage", stage: "passed", amountKrw: null, passReason: "valuation" });
    rows = await companyDealStatuses(db, company.id, p.id);
    expect(rows).toEqual([expect.objectContaining({ status: "passed", passReason: "valuation" })]);
    const serialized = JSON.stringify(rows);
    expect(serialized).not.toContain("비공개 메모");
    expect(serialized).not.toContain("300000000");
    expect(Object.keys(rows[0]).sort()).toEqual(["investorName", "investorNameEn", "passReason", "pitchId", "pitchTitle", "status", "updatedAt"]);
    // Another company sees nothing of it.
    expect(await companyDealStatuses(db, company2.id, p.id)).toEqual([]);
    expect(await companyDealStatuses(db, company.id, "bogus")).toEqual([]);
    const n = await db.selectFrom("notifications").select(["kind", "params"]).where("user_id", "=", company.userId).where("kind", "=", "deal.passed").execute();
    expect(n.at(-1)?.params).toMatchObject({ reason: "valuation", pitch: p.title });
    const text = renderNotification("deal.passed", n.at(-1)!.params as Record<string, string>, "ko");
    expect(text).toContain("밸류에이션");
    expect(text).not.toContain("비공개");
    expect(renderNotification("deal.passed", n.at(-1)!.params as Record<string, string>, "en")).toContain("Valuation");
    const mails = await db.selectFrom("mail_outbox").select("body_text").where("to_email", "=", "company1@demo.medibridge.kr").execute();
    expect(mails.map((m) => m.body_text).join("\n")).not.toContain("비공개 메모");
  });
});

it("schemas: Seoul wall-clock slots, at least one, future, distinct", () => {
  expect(seoulLocalToDate("2026-12-03T14:00")?.toISOString()).toBe("2026-12-03T05:00:00.000Z");
  expect(seoulLocalToDate("2026-02-30T10:00")).toBeNull();
  expect(seoulLocalToDate("2026-12-03 14:00")).toBeNull();
  expect(dateToSeoulLocal(new Date("2026-12-03T05:00:00Z"))).toBe("2026-12-03T14:00");
  const t = dateToSeoulLocal(new Date(Date.now() + 3 * DAY));
  const ok = MeetingRequestSchema.safeParse({ slot1: t, slot2: "", durationMinutes: "60", message: "안녕하세요" });
  expect(ok.success && ok.data.slots.length).toBe(1);
  const none = MeetingRequestSchema.safeParse({ slot1: "", durationMinutes: "60", message: "m" });
  expect(none.success).toBe(false);
  const past = MeetingRequestSchema.safeParse({ slot1: "2020-01-01T10:00", durationMinutes: "60", message: "m" });
  expect(past.error?.issues.map((i) => i.message)).toContain("deals:errors.slotPast");
  const dup = MeetingRequestSchema.safeParse({ slot1: t, slot2: t, durationMinutes: "60", message: "m" });
  expect(dup.error?.issues.map((i) => i.message)).toContain("deals:errors.slotDuplicate");
  expect(MeetingRequestSchema.safeParse({ slot1: t, durationMinutes: "5", message: "m" }).success).toBe(false);
  expect(MeetingRespondSchema.safeParse({ intent: "decline" }).success).toBe(false);
  expect(MeetingRespondSchema.safeParse({ intent: "accept" }).success).toBe(false);
  expect(StageSchema.safeParse({ intent: "stage", stage: "committed" }).success).toBe(false);
  expect(StageSchema.safeParse({ intent: "stage", stage: "committed", amountKrw: "500,000,000" }).success).toBe(true);
  expect(StageSchema.safeParse({ intent: "stage", stage: "invested", amountKrw: "1000" }).success).toBe(false);
  expect(StageSchema.safeParse({ intent: "stage", stage: "invested", amountKrw: "1000", investedOn: "2026-13-01" }).success).toBe(false);
  expect(StageSchema.safeParse({ intent: "stage", stage: "invested", amountKrw: "1000", investedOn: "2026-11-01" }).success).toBe(true);
  expect(StageSchema.safeParse({ intent: "stage", stage: "passed" }).success).toBe(false);
  expect(StageSchema.safeParse({ intent: "stage", stage: "passed", passReason: "valuation" }).success).toBe(true);
});
