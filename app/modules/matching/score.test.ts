import { describe, expect, it } from "vitest";
import { NeedCompanyIndex } from "./match-index";
import { maxTenths, NC_WEIGHTS, PI_WEIGHTS, rangeFraction, trlFraction } from "./score";
import { normaliseStage, normaliseTag } from "./tags";
import type { CompanyInput, NeedCompanyScore, NeedInput } from "./types";
import fixture from "./__fixtures__/small.json";

const needs = fixture.needs as NeedInput[];
const companies = fixture.companies as CompanyInput[];

function index(opts = {}, cs: CompanyInput[] = companies, ns: NeedInput[] = needs): NeedCompanyIndex {
  const idx = new NeedCompanyIndex(opts);
  for (const c of cs) idx.upsertCompany(c);
  for (const n of ns) idx.upsertNeed(n);
  return idx;
}

const tenths = (x: number) => Math.round(x * 10);
function expectConsistent(s: NeedCompanyScore) {
  expect(s.score).toBeGreaterThanOrEqual(0);
  expect(s.score).toBeLessThanOrEqual(100);
  // Parts add up exactly (in tenths: every part has one decimal).
  expect(s.parts.reduce((a, p) => a + tenths(p.points), 0)).toBe(tenths(s.score));
  for (const p of s.parts) {
    expect(tenths(p.points)).toBe(p.points * 10 - ((p.points * 10) % 1)); // one decimal
    if (!p.gate) {
      expect(p.points).toBeGreaterThanOrEqual(0);
      expect(p.points).toBeLessThanOrEqual(p.max);
    }
  }
}

describe("maxTenths", () => {
  it.each([0b1, 0b11111111, 0b10101, 0b11001001, 0b110, 0b1000001])("pattern %s sums to 100 points", (pattern) => {
    const m = maxTenths(NC_WEIGHTS, pattern | 1);
    expect(m.reduce((a, b) => a + b, 0)).toBe(1000);
    for (let i = 0; i < 8; i++) if (!((pattern | 1) & (1 << i))) expect(m[i]).toBe(0);
  });
  it("pitch weights too", () => {
    expect(maxTenths(PI_WEIGHTS, 0b111111).reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe("fractions", () => {
  it.each([
    [7, [6, 8], 1],
    [5, [6, 8], 2 / 3],
    [4, [6, 8], 1 / 3],
    [3, [6, 8], 0],
    [9, [6, 8], 2 / 3],
  ] as const)("TRL %i in %j → %f", (trl, range, expected) => {
    expect(trlFraction(trl, [range[0], range[1]])).toBeCloseTo(expected, 10);
  });
  it.each([
    [[1e8, 3e8], [2e8, 5e8], 1],
    [[1e8, 1e8], [1e9, 2e9], 0],
    [[1e8, 1e8], [3e8, 5e8], 1 - Math.log10(3)],
  ] as const)("budget %j vs %j → %f", (a, b, expected) => {
    expect(rangeFraction([a[0], a[1]], [b[0], b[1]])).toBeCloseTo(expected, 10);
  });
});

describe("tags", () => {
  it.each([
    ["tech_field", "DTx", "digital-therapeutics"],
    ["tech_field", "디지털 치료제", "digital-therapeutics"],
    ["tech_field", "Medical imaging AI", "medical-imaging-ai"],
    ["clinical_area", "  PTSD ", "ptsd"],
    ["clinical_area", "외과", "외과"],
    ["certification", "식약처 2등급", "mfds-class2"],
    ["certification", "MFDS Class II certification", "mfds-class2"],
  ] as const)("%s %j → %s", (kind, raw, code) => {
    expect(normaliseTag(kind, raw)).toBe(code);
  });
  it.each([
    ["Series A", "series-a"],
    ["시리즈A", "series-a"],
    ["seed", "seed"],
    ["Bridge round", "bridge round"],
  ])("stage %j → %s", (raw, code) => expect(normaliseStage(raw)).toBe(code));
});

describe("need ↔ company scores", () => {
  const idx = index({ includeConfidential: true });
  const all = needs.flatMap((n) => companies.map((c) => idx.explain(n.id, c.id)));

  it("every score is 0–100 and exactly the sum of its parts", () => {
    for (const s of all) expectConsistent(s);
  });

  it("the fast path and the explanation agree", () => {
    for (const s of all) expect(idx.score10(s.needId, s.companyId)).toBe(tenths(s.score));
  });

  it("is deterministic", () => {
    const again = index({ includeConfidential: true });
    for (const s of all) expect(again.explain(s.needId, s.companyId)).toEqual(s);
  });

  it.each([
    ["n-ct", "c-lung"],
    ["n-dtx", "c-dtx"],
    ["n-wear", "c-heart"],
    ["n-ivd", "c-ivd"],
  ])("ranks %s → %s first", (needId, companyId) => {
    expect(idx.topCompaniesForNeed(needId, 1)[0]!.id).toBe(companyId);
  });

  it("text alone ranks well (no tags, no numbers)", () => {
    const strip = (c: CompanyInput): CompanyInput => ({ id: c.id, name: c.name, description: c.description });
    const t = index({}, companies.map(strip), needs.map((n) => ({ id: n.id, title: n.title, summary: n.summary })));
    expect(t.topCompaniesForNeed("n-ivd", 1)[0]!.id).toBe("c-ivd");
    expect(t.topCompaniesForNeed("n-wear", 1)[0]!.id).toBe("c-heart");
    expect(t.topCompaniesForNeed("n-dtx", 1)[0]!.id).toBe("c-dtx");
    const s = t.explain("n-ivd", "c-ivd");
    expect(s.parts.map((p) => p.key)).toEqual(["text"]);
    expect(s.parts[0]!.max).toBe(100);
  });

  it("the text reason names shared words, never a lone particle left over from mixed text", () => {
    const t = index(
      {},
      [{ id: "c-x", name: "엑스", description: "AI와 CT를 이용한 폐결절 판독 보조 소프트웨어" }],
      [{ id: "n-x", title: "AI와 CT로 폐결절 판독", summary: "폐결절 판독 AI와 협력" }],
    );
    const text = t.explain("n-x", "c-x").parts.find((p) => p.key === "text")!;
    const terms = (text.reason as { params?: { terms?: string[] } }).params?.terms ?? [];
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).toContain("폐결절");
    expect(terms.filter((s) => /^[\uAC00-\uD7A3]$/.test(s))).toEqual([]);
  });

  it("a missing optional field is not a part; present ones rescale to 100", () => {
    const s = idx.explain("n-wear", "c-heart");
    const keys = s.parts.map((p) => p.key);
    expect(keys).not.toContain("budget");
    expect(keys).not.toContain("clinicalAreas"); // the need has none
    expect(s.parts.reduce((a, p) => a + tenths(p.max), 0)).toBe(1000);
  });

  it("required certification is a gate: pass shows 0, fail halves the score", () => {
    const pass = idx.explain("n-ct", "c-lung").parts.find((p) => p.key === "gate.certifications")!;
    expect(pass).toMatchObject({ gate: "pass", points: 0, max: 0 });
    const fail = idx.explain("n-ct", "c-lung2");
    const gate = fail.parts.find((p) => p.key === "gate.certifications")!;
    expect(gate.gate).toBe("fail");
    const earned = fail.parts.filter((p) => p.key !== gate.key).reduce((a, p) => a + tenths(p.points), 0);
    expect(tenths(gate.points)).toBe(-Math.round(earned / 2));
    expect(gate.reason.key).toBe("match.gate.certifications.fail");
  });

  it("an unrelated company cannot climb on TRL or responsiveness alone", () => {
    expect(idx.explain("n-dtx", "c-robot").score).toBe(0);
  });
});

describe("confidential details", () => {
  const secret: NeedInput = { id: "n-s", title: "환자 관리", summary: "병동 업무 개선", details: "크립토나이트 센서 연동 필요" };
  const co: CompanyInput = { id: "c-s", name: "x", description: "크립토나이트 센서 전문 기업" };
  const other: CompanyInput = { id: "c-o", name: "y", description: "회계 소프트웨어" };

  it("details are excluded unless includeConfidential", () => {
    const closed = index({}, [co, other], [secret]);
    const open = index({ includeConfidential: true }, [co, other], [secret]);
    const sClosed = closed.explain("n-s", "c-s");
    const sOpen = open.explain("n-s", "c-s");
    expect(sOpen.score).toBeGreaterThan(sClosed.score);
    // A reason never quotes text the reader has not unlocked.
    expect(JSON.stringify(sClosed)).not.toContain("크립토나이트");
    expect(JSON.stringify(sOpen.parts[0]!.reason)).toContain("크립토나이트");
  });
});
