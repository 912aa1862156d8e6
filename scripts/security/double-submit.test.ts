/**
 * Double submits (docs: quality.md, "Double submit"; SECURITY.md): for every
 * create action, two concurrent and then ten repeated identical submissions
 * (the same form, the same idempotency token where the form carries one)
 * store exactly one row, and no answer is a 5xx.
 *
 * Runs in-process (scripts/security/harness.ts) on PGlite, and on PostgreSQL
 * too when TEST_DATABASE_URL is set, where "concurrent" is a real race
 * between two connections. A new create action adds one entry to CASES.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DB, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { testDatabases } from "../../db/test-helpers";
import { LOAD_CONTEXT, makeRequest, prepareEnv, routeEntries, settle, type RouteEntry } from "./harness";

prepareEnv();

const routes = routeEntries(import.meta.glob("../../app/routes/**/*.{ts,tsx}"));
const route = (id: string): RouteEntry => {
  const r = routes.find((x) => x.id === id);
  if (!r) throw new Error(`no route ${id}`);
  return r;
};

type Prepared = {
  /** Who submits: a demo e-mail, or null for a visitor. */
  as: string | null;
  params: Record<string, string>;
  /** The form as the page would send it; `token` is the page's submissionId, if it renders one. */
  form: (token: string | null) => Record<string, string>;
  /** Rows this one submission may create. */
  count: () => Promise<number>;
};

type Case = {
  name: string;
  route: string;
  /** Idempotency: "token" (hidden submissionId, migration 0005) or the natural key that makes a repeat a no-op. */
  guard: string;
  prepare: (db: DB) => Promise<Prepared>;
};

const tag = () => randomBytes(4).toString("hex");
const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);

/** A valid Korean business registration number (check digit per the NTS rule). */
async function businessNo(): Promise<string> {
  const { businessNumberCheckDigit } = await import("../../app/modules/validation/business-number");
  const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return `${first9}${businessNumberCheckDigit(first9)}`;
}

async function openNeedWithout(db: DB, orgEmail: string, table: "applications" | "nda_acceptances") {
  const org = await db.selectFrom("users as u").innerJoin("memberships as m", "m.user_id", "u.id").select("m.org_id").where("u.email", "=", orgEmail).executeTakeFirstOrThrow();
  const col = table === "applications" ? "company_org_id" : "org_id";
  const need = await db
    .selectFrom("needs as n")
    .select("n.id")
    .where("n.status", "=", "open")
    .where("n.hidden_at", "is", null)
    .where((eb) => eb.or([eb("n.deadline", "is", null), eb("n.deadline", ">", new Date("2027-01-01") as never)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom(`${table} as x` as "applications as x").select("x.id").whereRef("x.need_id", "=", "n.id").where(`x.${col}` as "x.company_org_id", "=", org.org_id))))
    .orderBy("n.id")
    .executeTakeFirstOrThrow();
  return { orgId: org.org_id, needId: need.id };
}

async function orgOf(db: DB, email: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select(["u.id as user_id", "m.org_id"])
    .where("u.email", "=", email)
    .executeTakeFirstOrThrow();
}

/** A published, visible pitch of a verified company, optionally without a row of `table` for `orgId` yet. */
async function visiblePitch(db: DB, without?: (p: string) => Promise<boolean>) {
  const rows = await db
    .selectFrom("pitches as p")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .select(["p.id", "p.org_id"])
    .where("p.status", "=", "published")
    .where("p.hidden_at", "is", null)
    .where("o.status", "=", "verified")
    .orderBy("p.id")
    .execute();
  for (const r of rows) if (!without || !(await without(r.id))) return r;
  throw new Error("no suitable published pitch in the demo data");
}

/** The Seoul calendar day `days` from now, YYYY-MM-DD. */
const seoulDay = (days: number) => new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A fresh open pitch round (straight in the table: the case under test is not the event form). */
async function makeEvent(db: DB, opts: { started: boolean }) {
  const row = await db
    .insertInto("pitch_events")
    .values({
      name: `중복 제출 시험 행사 ${tag()}`,
      starts_at: new Date(Date.now() + (opts.started ? -3_600_000 : 30 * 86_400_000)),
      online: true,
      apply_opens_on: seoulDay(opts.started ? -20 : -1),
      apply_closes_on: seoulDay(opts.started ? -2 : 10),
      status: "open",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function ownPublishedPitch(db: DB, orgId: string) {
  return db.selectFrom("pitches").select("id").where("org_id", "=", orgId).where("status", "=", "published").where("hidden_at", "is", null).orderBy("id").executeTakeFirstOrThrow();
}

export const CASES: Case[] = [
  {
    name: "need (hospital, /needs/new)",
    route: "needs.new",
    guard: "token: needs (org_id, submission_id)",
    prepare: async (db) => {
      const title = `중복 제출 시험 ${tag()}`;
      return {
        as: "hospital1@demo.medibridge.kr",
        params: {},
        form: (token) => ({ title, summary: "같은 양식을 여러 번 보내도 한 건만 저장되어야 합니다.", intent: "publish", ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("needs").select((eb) => eb.fn.countAll<number>().as("n")).where("title", "=", title).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "application (company, /needs/:id/apply)",
    route: "needs.$id.apply",
    guard: "natural key: applications (need_id, company_org_id)",
    prepare: async (db) => {
      const { orgId, needId } = await openNeedWithout(db, "company2@demo.medibridge.kr", "applications");
      return {
        as: "company2@demo.medibridge.kr",
        params: { id: needId },
        form: () => ({ approach: `중복 제출 시험 제안서 ${tag()}`, trl: "5" }),
        count: () =>
          count(db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).where("need_id", "=", needId).where("company_org_id", "=", orgId).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "message (company, /applications/:id)",
    route: "applications.$id",
    guard: "token: messages (application_id, submission_id)",
    prepare: async (db) => {
      const app = await db
        .selectFrom("applications as a")
        .innerJoin("memberships as m", "m.org_id", "a.company_org_id")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select("a.id")
        .where("u.email", "=", "company1@demo.medibridge.kr")
        .orderBy("a.id")
        .executeTakeFirstOrThrow();
      const body = `중복 제출 시험 메시지 ${tag()}`;
      return {
        as: "company1@demo.medibridge.kr",
        params: { id: app.id },
        form: (token) => ({ intent: "message", body, ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("messages").select((eb) => eb.fn.countAll<number>().as("n")).where("body", "=", body).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "NDA acceptance (company, /needs/:id)",
    route: "needs.$id._index",
    guard: "natural key: nda_acceptances (need_id, org_id, nda_version)",
    prepare: async (db) => {
      const { orgId, needId } = await openNeedWithout(db, "company2@demo.medibridge.kr", "nda_acceptances");
      return {
        as: "company2@demo.medibridge.kr",
        params: { id: needId },
        form: () => ({ intent: "accept-nda" }),
        count: () =>
          count(db.selectFrom("nda_acceptances").select((eb) => eb.fn.countAll<number>().as("n")).where("need_id", "=", needId).where("org_id", "=", orgId).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "sign-up with a new organisation (visitor, /signup)",
    route: "signup",
    guard: "natural key: users (email)",
    prepare: async (db) => {
      const email = `double-${tag()}@example.kr`;
      const bno = await businessNo();
      return {
        as: null,
        params: {},
        form: () => ({ mode: "new-org", name: "중복 가입 시험", email, password: "double-submit-pass-1", orgKind: "company", orgName: `중복가입시험 ${tag()}`, businessNo: bno }),
        count: () => count(db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "invitation (organisation owner, /settings)",
    route: "settings",
    guard: "one pending invitation per organisation and e-mail",
    prepare: async (db) => {
      const email = `invitee-${tag()}@example.kr`;
      return {
        as: "hospital1@demo.medibridge.kr",
        params: {},
        form: () => ({ intent: "invite", email }),
        count: () => count(db.selectFrom("invitations").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "pitch (company, /pitches/new)",
    route: "pitches.new",
    guard: "token: pitches (org_id, submission_id)",
    prepare: async (db) => {
      const title = `중복 제출 시험 피치 ${tag()}`;
      return {
        as: "company1@demo.medibridge.kr",
        params: {},
        form: (token) => ({ title, oneLiner: "같은 피치를 여러 번 보내도 한 건만 저장됩니다.", intent: "publish", ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("pitches").select((eb) => eb.fn.countAll<number>().as("n")).where("title", "=", title).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "pitch event (operator, /events/new)",
    route: "events.new",
    guard: "token: pitch_events (submission_id)",
    prepare: async (db) => {
      const name = `중복 제출 시험 피칭 행사 ${tag()}`;
      const audits = async () =>
        count(
          db
            .selectFrom("audit_log as a")
            .innerJoin("pitch_events as e", (j) => j.on(sql`a.target_id::text`, "=", sql`e.id::text`))
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("a.event", "=", "event.created")
            .where("e.name", "=", name)
            .executeTakeFirstOrThrow(),
        );
      return {
        as: "operator@demo.medibridge.kr",
        params: {},
        form: (token) => ({
          intent: "save",
          name,
          startsAt: `${seoulDay(40)}T14:00`,
          online: "on",
          applyOpensOn: seoulDay(1),
          applyClosesOn: seoulDay(20),
          ...(token ? { submissionId: token } : {}),
        }),
        // One round and one "event.created" audit entry.
        count: async () => {
          const rounds = await count(db.selectFrom("pitch_events").select((eb) => eb.fn.countAll<number>().as("n")).where("name", "=", name).executeTakeFirstOrThrow());
          const logged = await audits();
          return rounds === logged ? rounds : -1;
        },
      };
    },
  },
  {
    name: "testbed offer (hospital, /testbeds/new)",
    route: "testbeds.new",
    guard: "token: testbed_offers (org_id, submission_id)",
    prepare: async (db) => {
      const title = `중복 제출 시험 가늠터 ${tag()}`;
      return {
        as: "hospital1@demo.medibridge.kr",
        params: {},
        form: (token) => ({ title, description: "같은 양식을 여러 번 보내도 가늠터는 하나만 등록되어야 합니다.", intent: "publish", ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("testbed_offers").select((eb) => eb.fn.countAll<number>().as("n")).where("title", "=", title).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "programme call (operator, /calls/new)",
    route: "calls.new",
    guard: "token: program_calls (submission_id)",
    prepare: async (db) => {
      const name = `중복 제출 시험 지원 사업 ${tag()}`;
      return {
        as: "operator@demo.medibridge.kr",
        params: {},
        form: (token) => ({ intent: "save", name, ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("program_calls").select((eb) => eb.fn.countAll<number>().as("n")).where("name", "=", name).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "deal note (investor, /pipeline/:id)",
    route: "pipeline.$id",
    guard: "token: deal_notes (deal_id, submission_id)",
    prepare: async (db) => {
      const { user_id, org_id } = await orgOf(db, "investor1@demo.medibridge.kr");
      let deal = await db.selectFrom("deals").select("id").where("investor_org_id", "=", org_id).orderBy("id").executeTakeFirst();
      if (!deal) {
        const p = await visiblePitch(db);
        deal = await db.insertInto("deals").values({ investor_org_id: org_id, pitch_id: p.id, company_org_id: p.org_id, created_by: user_id }).returning("id").executeTakeFirstOrThrow();
      }
      const body = `중복 제출 시험 메모 ${tag()}`;
      return {
        as: "investor1@demo.medibridge.kr",
        params: { id: deal.id },
        form: (token) => ({ intent: "note", body, ...(token ? { submissionId: token } : {}) }),
        count: () => count(db.selectFrom("deal_notes").select((eb) => eb.fn.countAll<number>().as("n")).where("body", "=", body).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "meeting request (investor, /pitches/:id/meet)",
    route: "pitches.$id.meet",
    guard: "natural key: meeting_requests (pitch_id, investor_org_id) while pending",
    prepare: async (db) => {
      const { org_id } = await orgOf(db, "investor1@demo.medibridge.kr");
      const pitch = await visiblePitch(db, async (id) =>
        Boolean(await db.selectFrom("meeting_requests").select("id").where("pitch_id", "=", id).where("investor_org_id", "=", org_id).where("status", "=", "pending").executeTakeFirst()),
      );
      return {
        as: "investor1@demo.medibridge.kr",
        params: { id: pitch.id },
        form: () => ({ slot1: `${seoulDay(5)}T10:00`, durationMinutes: "60", location: "온라인", message: `중복 제출 시험 미팅 요청 ${tag()}` }),
        count: () =>
          count(db.selectFrom("meeting_requests").select((eb) => eb.fn.countAll<number>().as("n")).where("pitch_id", "=", pitch.id).where("investor_org_id", "=", org_id).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "pipeline watch (investor, /pipeline)",
    route: "pipeline._index",
    guard: "natural key: deals (investor_org_id, pitch_id)",
    prepare: async (db) => {
      const { org_id } = await orgOf(db, "investor2@demo.medibridge.kr");
      const pitch = await visiblePitch(db, async (id) => Boolean(await db.selectFrom("deals").select("id").where("pitch_id", "=", id).where("investor_org_id", "=", org_id).executeTakeFirst()));
      return {
        as: "investor2@demo.medibridge.kr",
        params: {},
        form: () => ({ intent: "watch", pitchId: pitch.id }),
        count: async () => {
          const deals = await count(db.selectFrom("deals").select((eb) => eb.fn.countAll<number>().as("n")).where("pitch_id", "=", pitch.id).where("investor_org_id", "=", org_id).executeTakeFirstOrThrow());
          // …and one stage history entry for it.
          const changes = await count(
            db
              .selectFrom("deal_stage_changes as c")
              .innerJoin("deals as d", "d.id", "c.deal_id")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("d.pitch_id", "=", pitch.id)
              .where("d.investor_org_id", "=", org_id)
              .executeTakeFirstOrThrow(),
          );
          return deals === changes ? deals : -1;
        },
      };
    },
  },
  {
    name: "bookmark (investor, /pitches/:id)",
    route: "pitches.$id._index",
    guard: "natural key: pitch_bookmarks (user_id, pitch_id)",
    prepare: async (db) => {
      const { user_id } = await orgOf(db, "investor2@demo.medibridge.kr");
      const pitch = await visiblePitch(db, async (id) => Boolean(await db.selectFrom("pitch_bookmarks").select("pitch_id").where("pitch_id", "=", id).where("user_id", "=", user_id).executeTakeFirst()));
      return {
        as: "investor2@demo.medibridge.kr",
        params: { id: pitch.id },
        form: () => ({ intent: "bookmark" }),
        count: () =>
          count(db.selectFrom("pitch_bookmarks").select((eb) => eb.fn.countAll<number>().as("n")).where("pitch_id", "=", pitch.id).where("user_id", "=", user_id).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "event application (company, /events/:id)",
    route: "events.$id._index",
    guard: "natural key: event_applications (event_id, company_org_id)",
    prepare: async (db) => {
      const { org_id } = await orgOf(db, "company1@demo.medibridge.kr");
      const pitch = await ownPublishedPitch(db, org_id);
      const eventId = await makeEvent(db, { started: false });
      return {
        as: "company1@demo.medibridge.kr",
        params: { id: eventId },
        form: () => ({ intent: "apply", pitchId: pitch.id }),
        count: () => count(db.selectFrom("event_applications").select((eb) => eb.fn.countAll<number>().as("n")).where("event_id", "=", eventId).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "event registration (investor, /events/:id)",
    route: "events.$id._index",
    guard: "natural key: event_investors (event_id, user_id)",
    prepare: async (db) => {
      const eventId = await makeEvent(db, { started: false });
      return {
        as: "investor1@demo.medibridge.kr",
        params: { id: eventId },
        form: () => ({ intent: "register" }),
        count: () => count(db.selectFrom("event_investors").select((eb) => eb.fn.countAll<number>().as("n")).where("event_id", "=", eventId).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "event rating (investor, /events/:id)",
    route: "events.$id._index",
    guard: "natural key: event_ratings (event_id, pitch_id, rater_user_id)",
    prepare: async (db) => {
      const company = await orgOf(db, "company1@demo.medibridge.kr");
      const investor = await orgOf(db, "investor1@demo.medibridge.kr");
      const pitch = await ownPublishedPitch(db, company.org_id);
      const eventId = await makeEvent(db, { started: true });
      await db.insertInto("event_applications").values({ event_id: eventId, pitch_id: pitch.id, company_org_id: company.org_id, applied_by: company.user_id, status: "selected" }).execute();
      await db.insertInto("event_investors").values({ event_id: eventId, user_id: investor.user_id, org_id: investor.org_id }).execute();
      return {
        as: "investor1@demo.medibridge.kr",
        params: { id: eventId },
        form: () => ({ intent: "rate", pitchId: pitch.id, team: "4", technology: "3", market: "5", comment: "중복 제출 시험 평가" }),
        count: () => count(db.selectFrom("event_ratings").select((eb) => eb.fn.countAll<number>().as("n")).where("event_id", "=", eventId).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "testbed request (company, /testbeds/:id)",
    route: "testbeds.$id._index",
    guard: "natural key: testbed_requests (offer_id, company_org_id) while live",
    prepare: async (db) => {
      const { org_id } = await orgOf(db, "company2@demo.medibridge.kr");
      const offer = await db
        .selectFrom("testbed_offers as t")
        .innerJoin("organizations as o", "o.id", "t.org_id")
        .select("t.id")
        .where("t.status", "=", "open")
        .where("t.hidden_at", "is", null)
        .where("o.status", "=", "verified")
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("testbed_requests as r")
                .select("r.id")
                .whereRef("r.offer_id", "=", "t.id")
                .where("r.company_org_id", "=", org_id)
                .where("r.status", "not in", ["declined", "withdrawn"]),
            ),
          ),
        )
        .orderBy("t.id")
        .executeTakeFirstOrThrow();
      return {
        as: "company2@demo.medibridge.kr",
        params: { id: offer.id },
        form: () => ({ intent: "request", plan: `중복 제출 시험: 같은 신청서를 여러 번 보내도 한 건만 접수되어야 합니다 ${tag()}` }),
        count: () =>
          count(db.selectFrom("testbed_requests").select((eb) => eb.fn.countAll<number>().as("n")).where("offer_id", "=", offer.id).where("company_org_id", "=", org_id).executeTakeFirstOrThrow()),
      };
    },
  },
  {
    name: "certification (company, /certifications)",
    route: "certifications",
    guard: "natural key: org_certifications (org_id, code)",
    prepare: async (db) => {
      const { org_id } = await orgOf(db, "company2@demo.medibridge.kr");
      const { certifications } = await import("../../app/modules/taxonomy/vocabulary");
      const held = new Set((await db.selectFrom("org_certifications").select("code").where("org_id", "=", org_id).execute()).map((r) => r.code));
      const code = certifications.map((c) => c.code).find((c) => !held.has(c));
      if (!code) throw new Error("company2 already lists every certification");
      return {
        as: "company2@demo.medibridge.kr",
        params: {},
        form: () => ({ intent: "save", code, status: "planned", note: "중복 제출 시험" }),
        count: () => count(db.selectFrom("org_certifications").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", org_id).where("code", "=", code).executeTakeFirstOrThrow()),
      };
    },
  },
];

/** Create actions that have no case yet (they need one before they count as covered). */
export const NOT_YET_COVERED: string[] = [];

async function cookieFor(email: string | null): Promise<string | null> {
  if (!email) return null;
  const { getDb } = await import("../../app/utils/db.server");
  const { startSession } = await import("../../app/modules/auth/session.server");
  const db = await getDb();
  const u = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return (await startSession(u.id)).split(";")[0];
}

/** The submissionId the page renders, read from its loader data. */
async function pageToken(r: RouteEntry, params: Record<string, string>, cookie: string | null): Promise<string | null> {
  const mod = (await r.load()) as { loader?: (a: unknown) => unknown };
  if (!mod.loader) return null;
  const url = r.pattern.replace(/:([A-Za-z0-9_]+)/g, (_, k: string) => params[k]);
  const res = await settle(() => mod.loader!({ request: makeRequest(url, { cookie }), params, context: LOAD_CONTEXT }));
  return /"submissionId":"([0-9a-f-]{36})"/.exec(res.body)?.[1] ?? null;
}

const engines = testDatabases();
for (const engine of engines) {
  describe(`double submits (${engine.name})`, () => {
    let handle: DbHandle;
    beforeAll(async () => {
      const { setDbHandle } = await import("../../app/utils/db.server");
      const { resetEnvCache } = await import("../../app/utils/env.server");
      const { seedIfEmpty } = await import("../../db/seed/seed");
      resetEnvCache();
      handle = await openDb(await engine.config());
      await migrateToLatest(handle.db);
      await seedIfEmpty(handle.db, { log: () => {} });
      setDbHandle(handle);
    }, 180_000);
    afterAll(async () => {
      await handle?.close();
    });

    for (const c of CASES) {
      it(`${c.name}: 2 concurrent + 10 repeated submits store exactly one row [${c.guard}]`, async () => {
        const r = route(c.route);
        const mod = (await r.load()) as { action: (a: unknown) => unknown };
        const p = await c.prepare(handle.db);
        const cookie = await cookieFor(p.as);
        const token = await pageToken(r, p.params, cookie);
        if (c.guard.startsWith("token")) expect(token, `${c.route} must render a submissionId`).toMatch(/^[0-9a-f-]{36}$/);
        const url = r.pattern.replace(/:([A-Za-z0-9_]+)/g, (_, k: string) => p.params[k]);
        const send = () =>
          settle(() =>
            mod.action({
              request: makeRequest(url, { method: "POST", cookie, body: new URLSearchParams(p.form(token)).toString(), contentType: "application/x-www-form-urlencoded" }),
              params: p.params,
              context: LOAD_CONTEXT,
            }),
          );
        const before = await p.count();
        const first = await Promise.all([send(), send()]);
        const statuses = first.map((x) => x.status);
        for (let i = 0; i < 10; i++) statuses.push((await send()).status);
        const after = await p.count();
        expect(statuses.filter((s) => s >= 500), `answers: ${statuses.join(",")}; ${first.map((x) => x.error ?? "").join(" ")}`).toEqual([]);
        expect(statuses.some((s) => s >= 200 && s < 400), `at least one submit succeeds (answers: ${statuses.join(",")})`).toBe(true);
        expect(after - before, `rows stored by 12 identical submits (answers: ${statuses.join(",")})`).toBe(1);
      });
    }
  });
}
