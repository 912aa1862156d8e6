import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { termLabel } from "~/modules/taxonomy/vocabulary";
import { aggregate, parseFilters, periodBounds, type Filters, type Named, type Raw, type Result } from "./funnel";
import { buildTables } from "./tables";
import { localName } from "~/utils/format";

/**
 * Reads the rows behind the funnel, already restricted to the period and the
 * filters, and aggregates them (funnel.ts). Which filter applies where:
 * programme call → needs and applications; hospital → needs, applications,
 * testbed requests; growth stage → the company side (applications, testbed
 * requests, pitches, meetings, deals). Moderation does not rewrite history:
 * hidden items still count.
 */
export async function loadFunnel(db: DB, f: Filters, lng: "ko" | "en" = "ko"): Promise<Result> {
  const label = (o: { name: string; name_en: string | null }) => localName(lng, o.name, o.name_en);
  const { start, end } = periodBounds(f);
  const inPeriod = <C extends string>(col: C) => sql<boolean>`${sql.ref(col)} >= ${start} and ${sql.ref(col)} < ${end}`;

  let needs = db
    .selectFrom("needs as n")
    .select(["n.org_id", "n.program_call_id", "n.published_at"])
    .where("n.published_at", "is not", null)
    .where("n.status", "<>", "draft")
    .where(inPeriod("n.published_at"));
  if (f.callId) needs = needs.where("n.program_call_id", "=", f.callId);
  if (f.hospitalId) needs = needs.where("n.org_id", "=", f.hospitalId);

  let apps = db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .innerJoin("organizations as c", "c.id", "a.company_org_id")
    .select(["n.org_id as hospital_org_id", "n.program_call_id", "c.growth_stage as company_stage", "a.status", "a.created_at", "a.first_response_at", "a.decided_at"])
    .where(inPeriod("a.created_at"));
  if (f.callId) apps = apps.where("n.program_call_id", "=", f.callId);
  if (f.hospitalId) apps = apps.where("n.org_id", "=", f.hospitalId);
  if (f.stage) apps = apps.where("c.growth_stage", "=", f.stage);

  let tbs = db
    .selectFrom("testbed_requests as r")
    .innerJoin("organizations as c", "c.id", "r.company_org_id")
    .select(["r.hospital_org_id", "c.growth_stage as company_stage", "r.status", "r.created_at"])
    .where(inPeriod("r.created_at"));
  if (f.hospitalId) tbs = tbs.where("r.hospital_org_id", "=", f.hospitalId);
  if (f.stage) tbs = tbs.where("c.growth_stage", "=", f.stage);

  let pitches = db
    .selectFrom("pitches as p")
    .innerJoin("organizations as c", "c.id", "p.org_id")
    .select(["c.growth_stage as company_stage", "p.published_at"])
    .where("p.published_at", "is not", null)
    .where("p.status", "<>", "draft")
    .where(inPeriod("p.published_at"));
  if (f.stage) pitches = pitches.where("c.growth_stage", "=", f.stage);

  let meetings = db
    .selectFrom("meeting_requests as m")
    .innerJoin("organizations as c", "c.id", "m.company_org_id")
    .select(["m.investor_org_id", "c.growth_stage as company_stage", "m.status", "m.created_at", "m.responded_at"])
    .where(inPeriod("m.created_at"));
  if (f.stage) meetings = meetings.where("c.growth_stage", "=", f.stage);

  // When a deal reached "committed" (or went straight to "invested"): its first such stage change.
  const committedAt = sql<Date>`coalesce((select min(sc.at) from deal_stage_changes sc where sc.deal_id = d.id and sc.to_stage in ('committed', 'invested')), d.updated_at)`;
  const investedAt = sql<Date>`coalesce(((d.invested_on::timestamp) at time zone 'Asia/Seoul'), (select min(sc.at) from deal_stage_changes sc where sc.deal_id = d.id and sc.to_stage = 'invested'), d.updated_at)`;
  let deals = db
    .selectFrom("deals as d")
    .innerJoin("organizations as c", "c.id", "d.company_org_id")
    .select(["c.growth_stage as company_stage", "d.stage", "d.committed_krw", "d.invested_krw", committedAt.as("committed_at"), investedAt.as("invested_at")])
    .where("d.stage", "in", ["committed", "invested"]);
  if (f.stage) deals = deals.where("c.growth_stage", "=", f.stage);

  const [needRows, appRows, tbRows, pitchRows, meetingRows, dealRows, hospitals, investors, calls] = await Promise.all([
    needs.execute(),
    apps.execute(),
    tbs.execute(),
    pitches.execute(),
    meetings.execute(),
    deals.execute(),
    listOrgs(db, "hospital"),
    listOrgs(db, "investor"),
    db.selectFrom("program_calls").select(["id", "name", "name_en"]).orderBy("created_at").execute(),
  ]);
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const dealsMapped = dealRows.map((r) => ({
    company_stage: r.company_stage,
    stage: r.stage,
    committed_at: new Date(r.committed_at),
    committed_krw: num(r.committed_krw),
    invested_at: r.stage === "invested" ? d(r.invested_at) : null,
    invested_krw: num(r.invested_krw),
  }));
  const within = (x: Date | null) => x !== null && x >= start && x < end;
  const raw: Raw = {
    needs: needRows.map((r) => ({ ...r, published_at: new Date(r.published_at!) })),
    applications: appRows.map((r) => ({ ...r, created_at: new Date(r.created_at), first_response_at: d(r.first_response_at), decided_at: d(r.decided_at) })),
    testbeds: tbRows.map((r) => ({ ...r, created_at: new Date(r.created_at) })),
    pitches: pitchRows.map((r) => ({ ...r, published_at: new Date(r.published_at!) })),
    meetings: meetingRows.map((r) => ({ ...r, created_at: new Date(r.created_at), responded_at: d(r.responded_at) })),
    committed: dealsMapped.filter((x) => within(x.committed_at)),
    invested: dealsMapped.filter((x) => within(x.invested_at)),
  };
  return aggregate(raw, f, {
    hospitals: hospitals.map((h) => ({ id: h.id, name: label(h) })),
    investors: investors.map((i) => ({ id: i.id, name: label(i) })),
    calls: calls.map((c) => ({ id: c.id, name: label(c) })),
  });
}

async function listOrgs(db: DB, kind: "hospital" | "investor") {
  return db.selectFrom("organizations").select(["id", "name", "name_en"]).where("kind", "=", kind).where("status", "=", "verified").orderBy("name").limit(500).execute();
}

/** Choices for the filter form. */
export async function filterOptions(db: DB): Promise<{ calls: (Named & { nameEn: string | null })[]; hospitals: (Named & { nameEn: string | null })[] }> {
  const [calls, hospitals] = await Promise.all([
    db.selectFrom("program_calls").select(["id", "name", "name_en"]).orderBy("created_at").limit(500).execute(),
    listOrgs(db, "hospital"),
  ]);
  return {
    calls: calls.map((c) => ({ id: c.id, name: c.name, nameEn: c.name_en })),
    hospitals: hospitals.map((h) => ({ id: h.id, name: h.name, nameEn: h.name_en })),
  };
}

/**
 * Everything the dashboard shows and the CSV exports write, for one request's
 * filters and language: the aggregation and the tables built from it.
 */
export async function dashboard(db: DB, sp: URLSearchParams, lng: "ko" | "en") {
  const filters = parseFilters(sp);
  const result = await loadFunnel(db, filters, lng);
  const t = await getFixedT(lng, "admin");
  const tables = buildTables(result, (k, o) => String(t(k, o)), {
    stageLabel: (code) => termLabel("growth_stage", code, lng),
    callName: (id, name) => (id ? name : String(t("funnel.noCall"))),
  });
  return { filters, result, tables };
}
