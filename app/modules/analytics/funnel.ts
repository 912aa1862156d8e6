/**
 * Program analytics, pure part: filters, periods (months in Korean time) and
 * the aggregation of raw rows into the figures the dashboard shows and the CSV
 * exports write. Screen and CSV are built from the SAME result, so they agree.
 */

export type Filters = {
  /** First month, "YYYY-MM" (Korean calendar). */
  from: string;
  /** Last month, inclusive. */
  to: string;
  callId?: string;
  hospitalId?: string;
  stage?: string;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KST_MS = 9 * 3600_000; // Korea has no daylight saving time.

/** "YYYY-MM" of a moment, in Korean time. */
export function monthOf(d: Date): string {
  const k = new Date(d.getTime() + KST_MS);
  return `${k.getUTCFullYear()}-${String(k.getUTCMonth() + 1).padStart(2, "0")}`;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 120; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** [start, end) of the period as instants (start of `from` to start of the month after `to`, Korean time). */
export function periodBounds(f: Pick<Filters, "from" | "to">): { start: Date; end: Date } {
  const [fy, fm] = f.from.split("-").map(Number);
  const [ty, tm] = f.to.split("-").map(Number);
  return { start: new Date(Date.UTC(fy, fm - 1, 1) - KST_MS), end: new Date(Date.UTC(ty, tm, 1) - KST_MS) };
}

export const STAGES = ["venture", "sme", "midsize", "overseas"] as const;

/**
 * Filters from the query string. Anything malformed falls back to the
 * default (the last 12 months, no filter): a URL never gives an error.
 */
export function parseFilters(sp: URLSearchParams, now = new Date()): Filters {
  const current = monthOf(now);
  const pick = (k: string) => {
    const v = sp.get(k);
    return v && MONTH.test(v) ? v : null;
  };
  let to = pick("to") ?? current;
  let from = pick("from") ?? addMonths(to, -11);
  if (from > to) [from, to] = [to, from];
  // At most ten years in one view.
  if (monthsBetween(from, to).length >= 120) from = addMonths(to, -119);
  const id = (k: string) => {
    const v = sp.get(k);
    return v && UUID.test(v) ? v.toLowerCase() : undefined;
  };
  const stage = sp.get("stage");
  return {
    from,
    to,
    callId: id("call"),
    hospitalId: id("hospital"),
    stage: stage && (STAGES as readonly string[]).includes(stage) ? stage : undefined,
  };
}

/** The filters as query parameters (for links: CSV, pagination). */
export function filtersToSearch(f: Filters): URLSearchParams {
  const sp = new URLSearchParams({ from: f.from, to: f.to });
  if (f.callId) sp.set("call", f.callId);
  if (f.hospitalId) sp.set("hospital", f.hospitalId);
  if (f.stage) sp.set("stage", f.stage);
  return sp;
}

// ---- Raw rows (read by analytics.server.ts, already filtered by period and filters) ----

export type RawNeed = { org_id: string; program_call_id: string | null; published_at: Date };
export type RawApplication = {
  hospital_org_id: string;
  program_call_id: string | null;
  company_stage: string | null;
  status: string;
  created_at: Date;
  first_response_at: Date | null;
  decided_at: Date | null;
};
export type RawTestbedRequest = { hospital_org_id: string; company_stage: string | null; status: string; created_at: Date };
export type RawPitch = { company_stage: string | null; published_at: Date };
export type RawMeeting = { investor_org_id: string; company_stage: string | null; status: string; created_at: Date; responded_at: Date | null };
/** A deal that reached "committed" (or further); `invested_at` when it is invested. */
export type RawDeal = { company_stage: string | null; stage: string; committed_at: Date; committed_krw: number | null; invested_at: Date | null; invested_krw: number | null };

export type Raw = {
  needs: RawNeed[];
  applications: RawApplication[];
  testbeds: RawTestbedRequest[];
  pitches: RawPitch[];
  meetings: RawMeeting[];
  /** Committed deals (committed_at in the period). */
  committed: RawDeal[];
  /** Invested deals (invested_at in the period). */
  invested: RawDeal[];
};

export type Named = { id: string; name: string };

export type ResponseFigures = { total: number; answered: number; rate: number | null; medianHours: number | null };

export type Result = {
  filters: Filters;
  months: string[];
  totals: {
    needs: number;
    applications: number;
    shortlisted: number;
    accepted: number;
    testbedRequested: number;
    testbedCompleted: number;
    pitches: number;
    meetings: number;
    committed: number;
    committedKrw: number;
    invested: number;
    investedKrw: number;
  };
  monthly: { month: string; needs: number; applications: number; accepted: number; testbedRequested: number; testbedCompleted: number; pitches: number; meetings: number; investedKrw: number }[];
  hospitals: { id: string; name: string; needs: number; applications: number; accepted: number; testbedRequested: number; response: ResponseFigures }[];
  investors: { id: string; name: string; meetings: number; accepted: number; response: ResponseFigures }[];
  stages: { stage: string; applications: number; accepted: number; testbedRequested: number; pitches: number; meetings: number; investedKrw: number }[];
  calls: { id: string | null; name: string; needs: number; applications: number; shortlisted: number; accepted: number }[];
  response: { hospitals: ResponseFigures; investors: ResponseFigures };
};

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Hospitals: the share of applications that got a first answer (or a decision)
 * and the median hours until then. An application withdrawn before any answer
 * does not count against the hospital.
 */
export function hospitalResponse(apps: RawApplication[]): ResponseFigures {
  const counted = apps.filter((a) => a.status !== "withdrawn" || a.first_response_at || a.decided_at);
  const hours = counted.flatMap((a) => {
    const at = a.first_response_at ?? a.decided_at;
    return at ? [(at.getTime() - a.created_at.getTime()) / 3600_000] : [];
  });
  return figures(counted.length, hours);
}

/** Investors: meeting requests answered (accepted or declined) and the median hours to answer; requests cancelled before an answer do not count. */
export function investorResponse(meetings: RawMeeting[]): ResponseFigures {
  const counted = meetings.filter((m) => m.status !== "cancelled" || m.responded_at);
  const hours = counted.flatMap((m) => (m.responded_at ? [(m.responded_at.getTime() - m.created_at.getTime()) / 3600_000] : []));
  return figures(counted.length, hours);
}

function figures(total: number, hours: number[]): ResponseFigures {
  const med = median(hours);
  return { total, answered: hours.length, rate: total ? round1((hours.length / total) * 100) : null, medianHours: med === null ? null : round1(med) };
}

const shortlistedOrFurther = (s: string) => s === "shortlisted" || s === "accepted";
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

export function aggregate(raw: Raw, filters: Filters, names: { hospitals: Named[]; investors: Named[]; calls: Named[] }): Result {
  const months = monthsBetween(filters.from, filters.to);
  const monthly = months.map((month) => {
    const inMonth = <T>(rows: T[], at: (r: T) => Date | null) => rows.filter((r) => {
      const d = at(r);
      return d !== null && monthOf(d) === month;
    });
    const apps = inMonth(raw.applications, (a) => a.created_at);
    const tbs = inMonth(raw.testbeds, (r) => r.created_at);
    return {
      month,
      needs: inMonth(raw.needs, (n) => n.published_at).length,
      applications: apps.length,
      accepted: apps.filter((a) => a.status === "accepted").length,
      testbedRequested: tbs.length,
      testbedCompleted: tbs.filter((r) => r.status === "completed").length,
      pitches: inMonth(raw.pitches, (p) => p.published_at).length,
      meetings: inMonth(raw.meetings, (m) => m.created_at).length,
      investedKrw: sum(inMonth(raw.invested, (d) => d.invested_at).map((d) => d.invested_krw)),
    };
  });

  const hospitals = names.hospitals
    .map((h) => {
      const apps = raw.applications.filter((a) => a.hospital_org_id === h.id);
      return {
        id: h.id,
        name: h.name,
        needs: raw.needs.filter((n) => n.org_id === h.id).length,
        applications: apps.length,
        accepted: apps.filter((a) => a.status === "accepted").length,
        testbedRequested: raw.testbeds.filter((r) => r.hospital_org_id === h.id).length,
        response: hospitalResponse(apps),
      };
    })
    .filter((h) => !filters.hospitalId || h.id === filters.hospitalId);

  const investors = names.investors.map((i) => {
    const ms = raw.meetings.filter((m) => m.investor_org_id === i.id);
    return { id: i.id, name: i.name, meetings: ms.length, accepted: ms.filter((m) => m.status === "accepted").length, response: investorResponse(ms) };
  });

  const stageRows = [...STAGES, null].map((stage) => {
    const is = (s: string | null) => (stage === null ? s === null || !(STAGES as readonly string[]).includes(s) : s === stage);
    const apps = raw.applications.filter((a) => is(a.company_stage));
    return {
      stage: stage ?? "none",
      applications: apps.length,
      accepted: apps.filter((a) => a.status === "accepted").length,
      testbedRequested: raw.testbeds.filter((r) => is(r.company_stage)).length,
      pitches: raw.pitches.filter((p) => is(p.company_stage)).length,
      meetings: raw.meetings.filter((m) => is(m.company_stage)).length,
      investedKrw: sum(raw.invested.filter((d) => is(d.company_stage)).map((d) => d.invested_krw)),
    };
  });
  const stages = stageRows.filter((r) => r.stage !== "none" || r.applications + r.testbedRequested + r.pitches + r.meetings + r.investedKrw > 0).filter((r) => !filters.stage || r.stage === filters.stage);

  const callRows: { id: string | null; name: string }[] = [...names.calls, { id: null, name: "" }];
  const calls = callRows
    .map((c) => {
      const apps = raw.applications.filter((a) => a.program_call_id === c.id);
      return {
        id: c.id,
        name: c.name,
        needs: raw.needs.filter((n) => n.program_call_id === c.id).length,
        applications: apps.length,
        shortlisted: apps.filter((a) => shortlistedOrFurther(a.status)).length,
        accepted: apps.filter((a) => a.status === "accepted").length,
      };
    })
    .filter((c) => (filters.callId ? c.id === filters.callId : c.id !== null || c.needs + c.applications > 0));

  return {
    filters,
    months,
    totals: {
      needs: raw.needs.length,
      applications: raw.applications.length,
      shortlisted: raw.applications.filter((a) => shortlistedOrFurther(a.status)).length,
      accepted: raw.applications.filter((a) => a.status === "accepted").length,
      testbedRequested: raw.testbeds.length,
      testbedCompleted: raw.testbeds.filter((r) => r.status === "completed").length,
      pitches: raw.pitches.length,
      meetings: raw.meetings.length,
      committed: raw.committed.length,
      committedKrw: sum(raw.committed.map((d) => d.committed_krw ?? d.invested_krw)),
      invested: raw.invested.length,
      investedKrw: sum(raw.invested.map((d) => d.invested_krw)),
    },
    monthly,
    hospitals,
    investors,
    stages,
    calls,
    response: { hospitals: hospitalResponse(raw.applications), investors: investorResponse(raw.meetings) },
  };
}

/** Conversion from one step to the next, in percent with one decimal; null when the previous step is zero. */
export function conversion(prev: number, next: number): number | null {
  return prev > 0 ? round1((next / prev) * 100) : null;
}
