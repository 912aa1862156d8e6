import { describe, expect, it } from "vitest";
import { aggregate, conversion, hospitalResponse, investorResponse, median, monthOf, monthsBetween, parseFilters, periodBounds, type Raw } from "./funnel";
import { buildTables } from "./tables";

const H1 = "11111111-1111-4111-8111-111111111111";
const H2 = "22222222-2222-4222-8222-222222222222";
const I1 = "33333333-3333-4333-8333-333333333333";
const C1 = "44444444-4444-4444-8444-444444444444";

const at = (s: string) => new Date(s);

describe("periods", () => {
  it("months are Korean calendar months", () => {
    // 2026-01-31 16:00 UTC is already February 1st in Seoul.
    expect(monthOf(at("2026-01-31T16:00:00Z"))).toBe("2026-02");
    expect(monthOf(at("2026-01-31T14:59:59Z"))).toBe("2026-01");
    const { start, end } = periodBounds({ from: "2026-01", to: "2026-02" });
    expect(start.toISOString()).toBe("2025-12-31T15:00:00.000Z");
    expect(end.toISOString()).toBe("2026-02-28T15:00:00.000Z");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("filters from a URL: defaults to the last 12 months, ignores malformed values", () => {
    const now = at("2026-11-25T00:00:00Z");
    expect(parseFilters(new URLSearchParams(""), now)).toEqual({ from: "2025-12", to: "2026-11", callId: undefined, hospitalId: undefined, stage: undefined });
    const f = parseFilters(new URLSearchParams({ from: "2026-13", to: "x", call: "nope", hospital: H1.toUpperCase(), stage: "venture" }), now);
    expect(f).toMatchObject({ from: "2025-12", to: "2026-11", callId: undefined, hospitalId: H1, stage: "venture" });
    // Reversed months are swapped, not an error.
    expect(parseFilters(new URLSearchParams({ from: "2026-05", to: "2026-02" }), now)).toMatchObject({ from: "2026-02", to: "2026-05" });
    expect(parseFilters(new URLSearchParams({ stage: "'; drop" }), now).stage).toBeUndefined();
    // At most ten years.
    expect(monthsBetween(parseFilters(new URLSearchParams({ from: "1990-01", to: "2026-11" }), now).from, "2026-11")).toHaveLength(120);
  });
});

describe("response figures", () => {
  it("median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("hospital: first answer or decision; a withdrawal before any answer does not count", () => {
    const base = { hospital_org_id: H1, program_call_id: null, company_stage: null };
    const r = hospitalResponse([
      { ...base, status: "shortlisted", created_at: at("2026-03-01T00:00:00Z"), first_response_at: at("2026-03-01T10:00:00Z"), decided_at: null },
      { ...base, status: "accepted", created_at: at("2026-03-01T00:00:00Z"), first_response_at: null, decided_at: at("2026-03-03T00:00:00Z") },
      { ...base, status: "submitted", created_at: at("2026-03-01T00:00:00Z"), first_response_at: null, decided_at: null },
      { ...base, status: "withdrawn", created_at: at("2026-03-01T00:00:00Z"), first_response_at: null, decided_at: null },
    ]);
    expect(r).toEqual({ total: 3, answered: 2, rate: 66.7, medianHours: 29 });
  });

  it("investor: answered meeting requests; cancelled before an answer does not count", () => {
    const base = { investor_org_id: I1, company_stage: "venture" };
    const r = investorResponse([
      { ...base, status: "accepted", created_at: at("2026-03-01T00:00:00Z"), responded_at: at("2026-03-01T06:00:00Z") },
      { ...base, status: "pending", created_at: at("2026-03-01T00:00:00Z"), responded_at: null },
      { ...base, status: "cancelled", created_at: at("2026-03-01T00:00:00Z"), responded_at: null },
    ]);
    expect(r).toEqual({ total: 2, answered: 1, rate: 50, medianHours: 6 });
    expect(investorResponse([])).toEqual({ total: 0, answered: 0, rate: null, medianHours: null });
  });
});

describe("aggregate and tables", () => {
  const raw: Raw = {
    needs: [
      { org_id: H1, program_call_id: C1, published_at: at("2026-01-10T00:00:00Z") },
      { org_id: H2, program_call_id: null, published_at: at("2026-02-10T00:00:00Z") },
    ],
    applications: [
      { hospital_org_id: H1, program_call_id: C1, company_stage: "venture", status: "accepted", created_at: at("2026-01-12T00:00:00Z"), first_response_at: at("2026-01-12T12:00:00Z"), decided_at: at("2026-01-14T00:00:00Z") },
      { hospital_org_id: H1, program_call_id: C1, company_stage: "sme", status: "shortlisted", created_at: at("2026-02-01T00:00:00Z"), first_response_at: at("2026-02-02T00:00:00Z"), decided_at: null },
      { hospital_org_id: H2, program_call_id: null, company_stage: "venture", status: "submitted", created_at: at("2026-02-11T00:00:00Z"), first_response_at: null, decided_at: null },
    ],
    testbeds: [
      { hospital_org_id: H1, company_stage: "venture", status: "completed", created_at: at("2026-01-20T00:00:00Z") },
      { hospital_org_id: H2, company_stage: "sme", status: "requested", created_at: at("2026-02-20T00:00:00Z") },
    ],
    pitches: [{ company_stage: "venture", published_at: at("2026-01-05T00:00:00Z") }],
    meetings: [{ investor_org_id: I1, company_stage: "venture", status: "accepted", created_at: at("2026-01-06T00:00:00Z"), responded_at: at("2026-01-07T00:00:00Z") }],
    committed: [{ company_stage: "venture", stage: "invested", committed_at: at("2026-02-01T00:00:00Z"), committed_krw: 500_000_000, invested_at: at("2026-02-15T00:00:00Z"), invested_krw: 300_000_000 }],
    invested: [{ company_stage: "venture", stage: "invested", committed_at: at("2026-02-01T00:00:00Z"), committed_krw: 500_000_000, invested_at: at("2026-02-15T00:00:00Z"), invested_krw: 300_000_000 }],
  };
  const names = { hospitals: [{ id: H1, name: "한빛대학교병원" }, { id: H2, name: "서울누리병원" }], investors: [{ id: I1, name: "한강바이오파트너스" }], calls: [{ id: C1, name: "상시 공모" }] };
  const r = aggregate(raw, { from: "2026-01", to: "2026-02" }, names);

  it("totals along each funnel", () => {
    expect(r.totals).toMatchObject({ needs: 2, applications: 3, shortlisted: 2, accepted: 1, testbedRequested: 2, testbedCompleted: 1, pitches: 1, meetings: 1, committed: 1, committedKrw: 500_000_000, invested: 1, investedKrw: 300_000_000 });
    expect(conversion(3, 1)).toBe(33.3);
    expect(conversion(0, 0)).toBeNull();
  });

  it("by month, by hospital, by stage and by call add up to the totals", () => {
    expect(r.monthly.map((m) => m.month)).toEqual(["2026-01", "2026-02"]);
    expect(r.monthly.reduce((a, m) => a + m.applications, 0)).toBe(r.totals.applications);
    expect(r.monthly[1].investedKrw).toBe(300_000_000);
    expect(r.hospitals.find((h) => h.id === H1)).toMatchObject({ needs: 1, applications: 2, accepted: 1, testbedRequested: 1, response: { rate: 100, medianHours: 18 } });
    expect(r.stages.find((s) => s.stage === "venture")).toMatchObject({ applications: 2, accepted: 1, pitches: 1, meetings: 1, investedKrw: 300_000_000 });
    expect(r.calls.map((c) => [c.name, c.applications])).toEqual([
      ["상시 공모", 2],
      ["", 1],
    ]);
    expect(r.investors[0]).toMatchObject({ meetings: 1, accepted: 1, response: { rate: 100, medianHours: 24 } });
  });

  it("a hospital or call filter narrows the breakdowns to that one", () => {
    const f = aggregate(raw, { from: "2026-01", to: "2026-02", hospitalId: H2, callId: C1 }, names);
    expect(f.hospitals.map((h) => h.id)).toEqual([H2]);
    expect(f.calls.map((c) => c.id)).toEqual([C1]);
  });

  it("tables carry the same numbers, with translated headers", () => {
    const t = (k: string) => `[${k}]`;
    const tables = buildTables(r, t, { stageLabel: (c) => `stage:${c}`, callName: (id, name) => (id ? name : "none") });
    expect(tables.funnel.columns.map((c) => c.label)).toEqual(["[funnel.col.track]", "[funnel.col.step]", "[funnel.col.count]", "[funnel.col.conversion]"]);
    expect(tables.funnel.rows[1]).toEqual(["[funnel.track.needs]", "[funnel.step.applications]", 3, 150]);
    expect(tables.monthly.rows).toHaveLength(2);
    expect(tables.calls.rows[0]).toEqual(["상시 공모", 1, 2, 2, 1, 50]);
    expect(tables.kpi.rows[0]).toEqual(["2026-01 ~ 2026-02", "[funnel.allPrograms]", "[funnel.step.needs]", 2]);
    expect(tables.stages.rows.some((row) => row[0] === "stage:venture")).toBe(true);
  });
});
