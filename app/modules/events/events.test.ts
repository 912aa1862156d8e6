import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import type { DB } from "../../../db/client";
import { DEMO_EVENT_IDS } from "../../../db/seed/demo-pitch-ids";
import { setDbHandle } from "~/utils/db.server";
import { seoulLocalToDate, toSeoulLocal } from "./dates";
import {
  announceCohort,
  applyToEvent,
  createEvent,
  decideApplication,
  eventPhase,
  eventResultsTable,
  getEvent,
  listCohort,
  listEvents,
  meanRatings,
  ownRatings,
  pitchResults,
  ratePitch,
  registerInvestor,
  setEventStatus,
  unregisterInvestor,
  withdrawApplication,
  type EventRow,
} from "./events.server";
import { EventSchema, RateSchema } from "./schemas";

describe("event dates (Korean time)", () => {
  it("reads a datetime-local value as Seoul time and writes it back", () => {
    const d = seoulLocalToDate("2026-11-25T14:30")!;
    expect(d.toISOString()).toBe("2026-11-25T05:30:00.000Z");
    expect(toSeoulLocal(d)).toBe("2026-11-25T14:30");
    // Just after midnight in Seoul is the previous day in UTC.
    expect(seoulLocalToDate("2026-12-01T00:10")!.toISOString()).toBe("2026-11-30T15:10:00.000Z");
  });
  it("refuses times that do not exist", () => {
    for (const v of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-11-25T24:00", "2026-11-25", "", "x"]) expect(seoulLocalToDate(v), v).toBeNull();
  });
  it("opens the application window on Korean calendar days and rating at the start time", () => {
    const e = { status: "open", starts_at: "2026-11-25T05:00:00Z", apply_opens_on: "2026-11-10", apply_closes_on: "2026-11-20" };
    // 2026-11-09 23:30 UTC is already 11-10 08:30 in Seoul.
    expect(eventPhase(e, new Date("2026-11-09T23:30:00Z")).applyState).toBe("open");
    expect(eventPhase(e, new Date("2026-11-09T14:00:00Z")).applyState).toBe("not-yet");
    expect(eventPhase(e, new Date("2026-11-20T14:59:00Z")).applyState).toBe("open");
    expect(eventPhase(e, new Date("2026-11-20T15:00:00Z")).applyState).toBe("closed");
    expect(eventPhase(e, new Date("2026-11-25T04:59:00Z")).ratingOpen).toBe(false);
    expect(eventPhase(e, new Date("2026-11-25T05:00:00Z")).ratingOpen).toBe(true);
    expect(eventPhase({ ...e, status: "closed" }, new Date("2026-11-26T00:00:00Z"))).toEqual({ applyState: "closed", started: true, ratingOpen: false });
  });
});

describe("event form schema", () => {
  const base = { name: "나는 바이오벤처다 테스트", startsAt: "2027-03-10T14:00", place: "서울", applyOpensOn: "2027-01-01", applyClosesOn: "2027-02-01" };
  it("accepts a valid event and keeps only known stage codes", () => {
    const r = EventSchema.safeParse({ ...base, stageFocus: ["seed", "pre-a", "seed"], cohortSize: "8" });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ stageFocus: ["seed", "pre-a"], cohortSize: 8, online: false });
    expect(EventSchema.safeParse({ ...base, stageFocus: ["series-z"] }).success).toBe(false);
  });
  it("needs a place unless the event is online, and a window in order", () => {
    const noPlace = EventSchema.safeParse({ ...base, place: "" });
    expect(noPlace.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["place", "events:validation.place"]]);
    expect(EventSchema.safeParse({ ...base, place: "", online: "on" }).success).toBe(true);
    const order = EventSchema.safeParse({ ...base, applyOpensOn: "2027-02-02" });
    expect(order.error?.issues.map((i) => i.path.join("."))).toEqual(["applyClosesOn"]);
    expect(EventSchema.safeParse({ ...base, startsAt: "2027-02-30T10:00" }).success).toBe(false);
    expect(EventSchema.safeParse({ ...base, cohortSize: "0" }).success).toBe(false);
  });
  it("takes scores 1 to 5 only", () => {
    const ok = { pitchId: "917c0000-0000-4000-8000-000000000001", team: "5", technology: "1", market: "3" };
    expect(RateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["0", "6", "2.5", "x"]) expect(RateSchema.safeParse({ ...ok, team: bad }).success, bad).toBe(false);
  });
});

type Who = { id: string; name: string; userId: string };

withEachDb("pitch events", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let operator: Who, company1: Who, company2: Who, investor1: Who, investor2: Who, associate: Who;
  const actor = (o: Who) => ({ userId: o.userId, orgId: o.id, orgName: o.name });

  async function who(email: string): Promise<Who> {
    const r = await db
      .selectFrom("users as u")
      .innerJoin("memberships as m", "m.user_id", "u.id")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id", "o.name", "u.id as user_id"])
      .where("u.email", "=", email)
      .executeTakeFirstOrThrow();
    return { id: r.id, name: r.name, userId: r.user_id };
  }

  /** A published pitch of the company's own, made here so the test does not depend on the pitches seed. */
  async function pitch(owner: Who, status: "published" | "draft" = "published") {
    return db
      .insertInto("pitches")
      .values({ org_id: owner.id, author_id: owner.userId, status, title: `테스트 피칭 ${randomBytes(3).toString("hex")}`, one_liner: "한 줄 소개", round: "seed", published_at: status === "published" ? new Date() : null })
      .returning(["id", "title"])
      .executeTakeFirstOrThrow();
  }

  const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

  async function newEvent(opts: { cohortSize?: number; startsInHours?: number } = {}): Promise<EventRow> {
    const starts = new Date(Date.now() + (opts.startsInHours ?? 48) * 3600_000);
    const id = await createEvent(db, actor(operator), {
      name: `테스트 라운드 ${randomBytes(3).toString("hex")}`,
      nameEn: "",
      description: "",
      startsAt: toSeoulLocal(starts),
      online: true,
      place: "",
      stageFocus: ["seed"],
      applyOpensOn: today(),
      applyClosesOn: inDays(5),
      cohortSize: opts.cohortSize,
    });
    return (await getEvent(db, id))!;
  }

  async function start(e: EventRow): Promise<EventRow> {
    await db.updateTable("pitch_events").set({ starts_at: new Date(Date.now() - 3600_000) }).where("id", "=", e.id).execute();
    return (await getEvent(db, e.id))!;
  }

  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    await seedIfEmpty(db, { log: () => {} });
    operator = await who("operator@demo.medibridge.kr");
    company1 = await who("company1@demo.medibridge.kr");
    company2 = await who("company2@demo.medibridge.kr");
    investor1 = await who("investor1@demo.medibridge.kr");
    investor2 = await who("investor2@demo.medibridge.kr");
    associate = await who("associate@hangang.demo.medibridge.kr");
  });
  afterAll(async () => close());

  it("seeds an autumn round (past, closed) and a spring round with its window open", async () => {
    const autumn = (await getEvent(db, DEMO_EVENT_IDS.autumnRound))!;
    const spring = (await getEvent(db, DEMO_EVENT_IDS.springRound))!;
    expect(autumn.status).toBe("closed");
    expect(eventPhase(autumn).started).toBe(true);
    expect(eventPhase(spring).applyState).toBe("open");
    const list = await listEvents(db);
    expect(list.upcoming.map((e) => e.id)).toContain(DEMO_EVENT_IDS.springRound);
    expect(list.past.map((e) => e.id)).toContain(DEMO_EVENT_IDS.autumnRound);
  });

  it("creating, closing and reopening a round is in the audit log", async () => {
    const e = await newEvent();
    expect(await setEventStatus(db, actor(operator), e.id, "closed")).toBe(true);
    expect(await setEventStatus(db, actor(operator), e.id, "closed")).toBe(false);
    expect(await setEventStatus(db, actor(operator), e.id, "open")).toBe(true);
    const log = await db.selectFrom("audit_log").select(["event", "actor_user_id"]).where("target_id", "=", e.id).orderBy("id").execute();
    expect(log.map((l) => l.event)).toEqual(["event.created", "event.closed", "event.reopened"]);
    expect(new Set(log.map((l) => l.actor_user_id))).toEqual(new Set([operator.userId]));
  });

  it("one application per company per round; only its own published pitch; only inside the window", async () => {
    const e = await newEvent();
    const p1 = await pitch(company1);
    const results = await Promise.all([applyToEvent(db, actor(company1), e, p1.id), applyToEvent(db, actor(company1), e, p1.id)]);
    for (let i = 0; i < 5; i++) results.push(await applyToEvent(db, actor(company1), e, p1.id));
    const rows = await db.selectFrom("event_applications").select(["id", "pitch_id"]).where("event_id", "=", e.id).execute();
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    // Another company's pitch, a draft, or a malformed id: refused.
    const other = await pitch(company1);
    expect(await applyToEvent(db, actor(company2), e, other.id)).toEqual({ ok: false, reason: "pitch" });
    expect(await applyToEvent(db, actor(company2), e, (await pitch(company2, "draft")).id)).toEqual({ ok: false, reason: "pitch" });
    // After the window closes nobody applies.
    await db.updateTable("pitch_events").set({ apply_opens_on: inDays(-10), apply_closes_on: inDays(-1) }).where("id", "=", e.id).execute();
    const late = (await getEvent(db, e.id))!;
    expect(await applyToEvent(db, actor(company2), late, (await pitch(company2)).id)).toEqual({ ok: false, reason: "window" });
  });

  it("a withdrawn application can be renewed with another pitch", async () => {
    const e = await newEvent();
    const [a, b] = [await pitch(company2), await pitch(company2)];
    await applyToEvent(db, actor(company2), e, a.id);
    expect(await withdrawApplication(db, actor(company2), e)).toBe(true);
    expect(await applyToEvent(db, actor(company2), e, b.id)).toEqual({ ok: true, created: true });
    const row = await db.selectFrom("event_applications").select(["pitch_id", "status"]).where("event_id", "=", e.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pitch_id: b.id, status: "applied" });
  });

  it("the cohort never grows past its size, and the announcement tells each decided company once", async () => {
    const e = await newEvent({ cohortSize: 1 });
    const [p1, p2] = [await pitch(company1), await pitch(company2)];
    await applyToEvent(db, actor(company1), e, p1.id);
    await applyToEvent(db, actor(company2), e, p2.id);
    const apps = await db.selectFrom("event_applications").select(["id", "company_org_id"]).where("event_id", "=", e.id).execute();
    const app1 = apps.find((a) => a.company_org_id === company1.id)!;
    const app2 = apps.find((a) => a.company_org_id === company2.id)!;
    expect(await decideApplication(db, actor(operator), e.id, { applicationId: app1.id, decision: "selected" })).toEqual({ ok: true });
    expect(await decideApplication(db, actor(operator), e.id, { applicationId: app2.id, decision: "selected" })).toEqual({ ok: false, reason: "full" });
    expect(await decideApplication(db, actor(operator), e.id, { applicationId: app2.id, decision: "not-selected" })).toEqual({ ok: true });
    // An application of another round is not found through this round.
    const other = await newEvent();
    expect(await decideApplication(db, actor(operator), other.id, { applicationId: app1.id, decision: "not-selected" })).toEqual({ ok: false, reason: "notFound" });

    const before1 = await db.selectFrom("notifications").select(["kind", "params"]).where("user_id", "=", company1.userId).where("link", "=", `/events/${e.id}`).execute();
    expect(before1).toHaveLength(0);
    expect(await announceCohort(db, actor(operator), e)).toBe(2);
    const n1 = await db.selectFrom("notifications").select(["kind"]).where("user_id", "=", company1.userId).where("link", "=", `/events/${e.id}`).execute();
    const n2 = await db.selectFrom("notifications").select(["kind"]).where("user_id", "=", company2.userId).where("link", "=", `/events/${e.id}`).execute();
    expect(n1.map((n) => n.kind)).toEqual(["event.selected"]);
    expect(n2.map((n) => n.kind)).toEqual(["event.not-selected"]);
    const mail = await db.selectFrom("mail_outbox").select(["subject"]).where("to_email", "=", "company1@demo.medibridge.kr").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(mail.subject).toContain(e.name);
    expect(mail.subject).toContain("선정");
    // Nothing new decided: a second announcement tells nobody.
    const sent = (await db.selectFrom("notifications").select("id").where("link", "=", `/events/${e.id}`).execute()).length;
    expect(sent).toBe(3); // company1 has two members, company2 one
    expect(await announceCohort(db, actor(operator), e)).toBe(0);
    expect(await db.selectFrom("notifications").select("id").where("link", "=", `/events/${e.id}`).execute()).toHaveLength(sent);
    expect((await listCohort(db, e.id)).map((c) => c.pitch_id)).toEqual([p1.id]);
  });

  it("registered investors rate cohort pitches from the start until the round is closed; founders see averages without raters", async () => {
    let e = await newEvent();
    const [p1, p2] = [await pitch(company1), await pitch(company2)];
    await applyToEvent(db, actor(company1), e, p1.id);
    await applyToEvent(db, actor(company2), e, p2.id);
    const app1 = await db.selectFrom("event_applications").select("id").where("event_id", "=", e.id).where("company_org_id", "=", company1.id).executeTakeFirstOrThrow();
    await decideApplication(db, actor(operator), e.id, { applicationId: app1.id, decision: "selected" });
    const rating = (pitchId: string, team: number, comment = "") => ({ pitchId, team, technology: 4, market: 3, comment });

    // Registering twice keeps one row.
    expect(await registerInvestor(db, actor(investor1), e)).toBe(true);
    expect(await registerInvestor(db, actor(investor1), e)).toBe(true);
    expect(await db.selectFrom("event_investors").select("user_id").where("event_id", "=", e.id).execute()).toHaveLength(1);
    await registerInvestor(db, actor(investor2), e);

    // Before the start: not yet. An unregistered investor (even of a registered organisation): never.
    expect(await ratePitch(db, actor(investor1), e, rating(p1.id, 5))).toEqual({ ok: false, reason: "closed" });
    e = await start(e);
    expect(await ratePitch(db, actor(associate), e, rating(p1.id, 5))).toEqual({ ok: false, reason: "notRegistered" });
    // A pitch that applied but was not selected cannot be rated.
    expect(await ratePitch(db, actor(investor1), e, rating(p2.id, 5))).toEqual({ ok: false, reason: "notCohort" });

    expect(await ratePitch(db, actor(investor1), e, rating(p1.id, 2, "팀 구성이 약합니다."))).toEqual({ ok: true });
    // Editing keeps one row per investor and pitch.
    expect(await ratePitch(db, actor(investor1), e, rating(p1.id, 5, "임상 자문단이 탄탄합니다."))).toEqual({ ok: true });
    expect(await ratePitch(db, actor(investor2), e, rating(p1.id, 4, "시장 규모 근거가 더 필요합니다."))).toEqual({ ok: true });
    expect(await db.selectFrom("event_ratings").select("id").where("event_id", "=", e.id).execute()).toHaveLength(2);
    // An investor who rated cannot quietly unregister.
    expect(await unregisterInvestor(db, actor(investor1), e)).toBe(false);

    const r = await pitchResults(db, e.id, p1.id);
    expect(r.averages).toEqual({ team: 4.5, technology: 4, market: 3, overall: 3.83, count: 2 });
    expect([...r.comments].sort()).toEqual(["시장 규모 근거가 더 필요합니다.", "임상 자문단이 탄탄합니다."].sort());
    // Nothing in the founder's result names a rater or an organisation.
    const text = JSON.stringify(r);
    for (const leak of [investor1.userId, investor2.userId, investor1.id, investor2.id, investor1.name, investor2.name, "rater"]) expect(text).not.toContain(leak);

    expect((await ownRatings(db, e.id, investor2.userId)).map((x) => [x.pitch_id, x.team])).toEqual([[p1.id, 4]]);
    const table = await eventResultsTable(db, e.id);
    expect(table.map((t) => [t.pitch_id, t.averages.count])).toEqual([[p1.id, 2]]);

    // Closed: ratings are final.
    await setEventStatus(db, actor(operator), e.id, "closed");
    const closed = (await getEvent(db, e.id))!;
    expect(await ratePitch(db, actor(investor1), closed, rating(p1.id, 1))).toEqual({ ok: false, reason: "closed" });
    expect(await registerInvestor(db, actor(associate), closed)).toBe(false);

    // For matching: the mean of (team + technology + market) / 3 over all ratings.
    const means = await meanRatings(db, [p1.id, p2.id, "not-a-uuid"]);
    expect(means.get(p1.id)).toEqual({ mean: 3.83, count: 2 });
    expect(means.has(p2.id)).toBe(false);
    expect((await meanRatings(db, [])).size).toBe(0);
  });
});
