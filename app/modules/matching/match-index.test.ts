import { describe, expect, it } from "vitest";
import { NeedCompanyIndex, PitchInvestorIndex, TopK } from "./match-index";
import type { CompanyInput, NeedInput } from "./types";

// Deterministic generator of small, overlapping data (many ties and no-overlap cases).
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = "의료영상 판독 플랫폼을 플랫폼의 환자 심장 웨어러블 patient imaging monitoring remote 진단 키트 sepsis 패혈증 로봇 재활 data 데이터".split(" ");
const TECH = ["medical-imaging-ai", "wearables", "in-vitro-diagnostics", "surgical-robotics", "free-tag"];
const CLIN = ["radiology", "cardiology", "infectious", "rehabilitation"];

function data(seed: number, nc: number, nn: number) {
  const r = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(" ");
  const companies: CompanyInput[] = Array.from({ length: nc }, (_, i) => {
    const c: CompanyInput = { id: `c${String(i).padStart(3, "0")}`, name: `c${i}`, description: r() < 0.1 ? "무관한 회계 소프트웨어" : words(3 + Math.floor(r() * 8)) };
    if (r() < 0.6) c.techFields = [pick(TECH)];
    if (r() < 0.5) c.clinicalAreas = [pick(CLIN)];
    if (r() < 0.7) c.trl = 1 + Math.floor(r() * 9);
    if (r() < 0.4) c.collaborationTypes = ["testbed"];
    if (r() < 0.3) c.responseRate = Math.round(r() * 10) / 10;
    if (r() < 0.3) c.certifications = ["mfds-class2"];
    return c;
  });
  // Exact duplicates under other ids: ties must break by id.
  for (let i = 0; i < 5; i++) companies.push({ ...companies[i]!, id: `d${i}` });
  const needs: NeedInput[] = Array.from({ length: nn }, (_, i) => {
    const n: NeedInput = { id: `n${i}`, title: words(2), summary: words(4) };
    if (r() < 0.5) n.techFields = [pick(TECH)];
    if (r() < 0.5) n.clinicalAreas = [pick(CLIN)];
    if (r() < 0.5) {
      n.trlMin = 4;
      n.trlMax = 7;
    }
    if (r() < 0.2) n.requiredCertifications = ["mfds-class2"];
    if (r() < 0.1) {
      n.title = "전혀 다른 주제";
      n.summary = "겹치는 단어 없음";
    }
    return n;
  });
  return { companies, needs };
}

function build(companies: CompanyInput[], needs: NeedInput[]) {
  const idx = new NeedCompanyIndex();
  for (const c of companies) idx.upsertCompany(c);
  for (const n of needs) idx.upsertNeed(n);
  return idx;
}

describe("TopK", () => {
  it("keeps the best by score desc then id asc", () => {
    const t = new TopK(3);
    for (const [s, id] of [[5, "b"], [7, "z"], [5, "a"], [5, "c"], [1, "y"]] as const) t.offer(s, id);
    expect(t.result()).toEqual([
      { id: "z", score10: 7 },
      { id: "a", score10: 5 },
      { id: "b", score10: 5 },
    ]);
  });
});

describe("NeedCompanyIndex exact top-K", () => {
  it.each([1, 2, 3])("equals brute force, ties and no-overlap cases included (seed %i)", (seed) => {
    const { companies, needs } = data(seed, 150, 40);
    const idx = build(companies, needs);
    let refined = 0;
    let fallback = 0;
    for (const k of [1, 5, 20, 500]) {
      for (const n of needs) {
        expect(idx.topCompaniesForNeed(n.id, k)).toEqual(idx.topCompaniesForNeedBruteForce(n.id, k));
        refined += idx.lastQuery.refined;
        fallback += idx.lastQuery.unrelatedScored;
      }
    }
    // Both shortcuts (skipped common terms, companies sharing nothing with the need) were exercised.
    expect(refined).toBeGreaterThan(0);
    expect(fallback).toBeGreaterThan(0);
  });

  it("equals brute force on a larger collection: frequent-term columns, feasibility bounds, removals, ties", () => {
    // 700 companies over a 160-word vocabulary (Zipf-like: many terms held by > 3% of the
    // companies, so more than 64 get frequent-term columns), every feasibility signal varied.
    const r = prng(42);
    const vocab = Array.from({ length: 160 }, (_, i) => (i % 2 ? `word${i}` : `단어${String.fromCharCode(0xac00 + i * 7)}${String.fromCharCode(0xac00 + i * 13)}`));
    const w = () => vocab[Math.floor(vocab.length * r() ** 2.2)]!;
    const text = (k: number) => Array.from({ length: k }, w).join(" ");
    const companies: CompanyInput[] = Array.from({ length: 700 }, (_, i) => {
      const c: CompanyInput = { id: `c${String(i).padStart(4, "0")}`, name: `c${i}`, description: text(8 + Math.floor(r() * 30)) };
      if (r() < 0.7) c.techFields = [TECH[Math.floor(r() * TECH.length)]!];
      if (r() < 0.6) c.clinicalAreas = [CLIN[Math.floor(r() * CLIN.length)]!];
      if (r() < 0.8) c.trl = 1 + Math.floor(r() * 9);
      if (r() < 0.6) c.collaborationTypes = r() < 0.5 ? ["testbed"] : ["clinical-validation", "joint-development"];
      if (r() < 0.5) c.responseRate = Math.round(r() * 100) / 100;
      if (r() < 0.5) {
        c.verifiedTestbeds = Math.floor(r() * 4);
        c.acceptedCollaborations = Math.floor(r() * 3);
      }
      if (r() < 0.5) {
        c.budgetMinKrw = (1 + Math.floor(r() * 50)) * 1e7;
        c.budgetMaxKrw = c.budgetMinKrw * 3;
      }
      if (r() < 0.3) c.certifications = ["mfds-class2"];
      return c;
    });
    for (let i = 0; i < 8; i++) companies.push({ ...companies[i * 7]!, id: `dup${i}` });
    const needs: NeedInput[] = Array.from({ length: 40 }, (_, i) => {
      const n: NeedInput = { id: `n${i}`, title: text(4), summary: text(10 + Math.floor(r() * 20)) };
      if (r() < 0.6) n.techFields = [TECH[Math.floor(r() * TECH.length)]!];
      if (r() < 0.6) n.clinicalAreas = [CLIN[Math.floor(r() * CLIN.length)]!];
      if (r() < 0.6) {
        n.trlMin = 3 + Math.floor(r() * 4);
        n.trlMax = n.trlMin + Math.floor(r() * 3);
      }
      if (r() < 0.6) n.collaborationTypes = r() < 0.5 ? ["testbed"] : ["joint-development"];
      if (r() < 0.5) {
        n.budgetMinKrw = (1 + Math.floor(r() * 30)) * 1e7;
        n.budgetMaxKrw = n.budgetMinKrw * 2;
      }
      if (r() < 0.2) n.requiredCertifications = ["mfds"];
      return n;
    });
    const idx = build(companies, needs);
    // Frequent-term columns beyond the 64 presence bits are in use (internal, asserted so the
    // test keeps covering that path).
    expect((idx as unknown as { nBits: number }).nBits).toBeGreaterThan(64);
    let refined = 0;
    const check = () => {
      for (const k of [1, 3, 20, 100]) {
        for (const n of needs) {
          expect(idx.topCompaniesForNeed(n.id, k)).toEqual(idx.topCompaniesForNeedBruteForce(n.id, k));
          refined += idx.lastQuery.refined;
        }
      }
    };
    check();
    // Removed, re-added and changed companies (ords left empty, new ords at the end).
    for (let i = 0; i < 60; i++) idx.removeCompany(companies[(i * 11) % companies.length]!.id);
    for (let i = 0; i < 30; i++) idx.upsertCompany({ ...companies[(i * 13) % companies.length]!, description: text(20), trl: 5, responseRate: 1 });
    check();
    expect(refined).toBeGreaterThan(0);
    // The duplicates tie with their originals and come after them (id order).
    const top = idx.topCompaniesForNeed("n0", 800);
    const pos = new Map(top.map((x, i) => [x.id, i]));
    for (let i = 0; i < 8; i++) {
      const orig = companies[i * 7]!.id;
      if (!idx.hasCompany(orig) || !idx.hasCompany(`dup${i}`)) continue;
      const [a, d] = [top[pos.get(orig)!]!, top[pos.get(`dup${i}`)!]!];
      if (a.score10 === d.score10) expect(pos.get(orig)!).toBeLessThan(pos.get(`dup${i}`)!);
    }
  });

  it("returns companies sharing nothing with the need when K exceeds the related ones", () => {
    const idx = build(
      [
        { id: "a", name: "a", description: "패혈증 진단 키트" },
        { id: "b", name: "b", description: "회계 소프트웨어" },
        { id: "c", name: "c", description: "물류 로봇" },
      ],
      [{ id: "n", title: "패혈증", summary: "조기 진단" }],
    );
    const top = idx.topCompaniesForNeed("n", 3);
    expect(top.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(top.slice(1).every((r) => r.score10 === 0)).toBe(true);
    expect(idx.lastQuery.unrelatedScored).toBe(2);
  });

  it("stays exact under incremental add, update and remove", () => {
    const { companies, needs } = data(7, 120, 25);
    const idx = build(companies, needs);
    const fresh = () => build([...companiesNow.values()], needs);
    const companiesNow = new Map(companies.map((c) => [c.id, c]));
    const r = prng(99);
    for (let step = 0; step < 30; step++) {
      const c = companies[Math.floor(r() * companies.length)]!;
      if (step % 3 === 0) {
        idx.removeCompany(c.id);
        companiesNow.delete(c.id);
      } else {
        const updated = { ...c, description: `${c.description} 패혈증 조기 진단`, trl: 6 };
        idx.upsertCompany(updated);
        companiesNow.set(c.id, updated);
      }
    }
    const rebuilt = fresh();
    for (const n of needs) {
      const got = idx.topCompaniesForNeed(n.id, 10);
      expect(got).toEqual(idx.topCompaniesForNeedBruteForce(n.id, 10));
      // Same scores as an index built from scratch on the same data.
      for (const g of got) expect(rebuilt.score10(n.id, g.id)).toBe(g.score10);
    }
  });

  it("needs for a company use the same pair score", () => {
    const { companies, needs } = data(4, 60, 20);
    const idx = build(companies, needs);
    for (const c of companies.slice(0, 10)) {
      for (const r of idx.topNeedsForCompany(c.id, 5)) expect(idx.score10(r.id, c.id)).toBe(r.score10);
    }
  });

  it("scores a given page of needs as the full ranking does; every change moves the revision", () => {
    const { companies, needs } = data(6, 40, 30);
    const idx = build(companies, needs);
    const c = companies[3]!.id;
    const full = new Map(idx.topNeedsForCompany(c, idx.needCount).map((r) => [r.id, r.score10]));
    const page = [needs[7]!.id, "nope", needs[2]!.id, needs[19]!.id];
    expect(idx.scoreNeedsForCompany(c, page)).toEqual(new Map(page.filter((id) => id !== "nope").map((id) => [id, full.get(id)])));
    const seen = [idx.revision];
    idx.upsertNeed({ ...needs[0]!, title: "다른 제목" });
    seen.push(idx.revision);
    idx.removeNeed(needs[1]!.id);
    seen.push(idx.revision);
    idx.upsertCompany({ ...companies[0]!, description: "새 설명" });
    seen.push(idx.revision);
    idx.removeCompany(companies[1]!.id);
    seen.push(idx.revision);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  });

  it("a need can be removed and scored ad hoc without being stored", () => {
    const { companies, needs } = data(5, 40, 5);
    const idx = build(companies, needs);
    idx.removeNeed("n0");
    expect(idx.hasNeed("n0")).toBe(false);
    expect(idx.topCompaniesForNeed(needs[0]!, 5)).toEqual(idx.topCompaniesForNeedBruteForce(needs[0]!, 5));
  });
});

describe("PitchInvestorIndex", () => {
  it("ranks by thesis fit, stage and ticket; parts add up", () => {
    const idx = new PitchInvestorIndex();
    idx.upsertPitch({ id: "p1", title: "흉부 CT 판독 AI", oneLiner: "폐결절 자동 검출", techFields: ["medical-imaging-ai"], stage: "Series A", askKrw: 3e9 });
    idx.upsertPitch({ id: "p2", title: "불면증 디지털 치료제", oneLiner: "CBT-I 앱", techFields: ["DTx"], stage: "seed", askKrw: 5e8 });
    idx.upsertInvestor({ id: "i1", name: "A", thesis: "의료영상 AI 판독 소프트웨어", techFields: ["medical-imaging-ai"], stages: ["series-a"], ticketMinKrw: 1e9, ticketMaxKrw: 5e9 });
    idx.upsertInvestor({ id: "i2", name: "B", thesis: "digital therapeutics for sleep and mental health", techFields: ["digital-therapeutics"], stages: ["seed"] });
    expect(idx.topPitchesForInvestor("i1", 1)[0]!.id).toBe("p1");
    expect(idx.topInvestorsForPitch("p2", 1)[0]!.id).toBe("i2");
    const s = idx.explain("p1", "i1");
    expect(s.parts.reduce((a, p) => a + Math.round(p.points * 10), 0)).toBe(Math.round(s.score * 10));
    expect(idx.score10("p1", "i1")).toBe(Math.round(s.score * 10));
    expect(idx.removePitch("p1")).toBe(true);
    expect(idx.topPitchesForInvestor("i1", 5).map((r) => r.id)).toEqual(["p2"]);
  });

  it("scores a given page of pitches as the full ranking does; every change moves the revision", () => {
    const idx = new PitchInvestorIndex();
    const r0 = idx.revision;
    idx.upsertPitch({ id: "p1", title: "흉부 CT 판독 AI", oneLiner: "폐결절 자동 검출", techFields: ["medical-imaging-ai"], stage: "Series A", askKrw: 3e9 });
    idx.upsertPitch({ id: "p2", title: "불면증 디지털 치료제", oneLiner: "CBT-I 앱", techFields: ["DTx"], stage: "seed", askKrw: 5e8 });
    idx.upsertInvestor({ id: "i1", name: "A", thesis: "의료영상 AI 판독 소프트웨어", techFields: ["medical-imaging-ai"], stages: ["series-a"], ticketMinKrw: 1e9, ticketMaxKrw: 5e9 });
    const full = new Map(idx.topPitchesForInvestor("i1", 10).map((r) => [r.id, r.score10]));
    expect(idx.scorePitchesForInvestor("i1", ["p2", "nope", "p1"])).toEqual(new Map([["p2", full.get("p2")], ["p1", full.get("p1")]]));
    const r1 = idx.revision;
    expect(r1).toBeGreaterThan(r0);
    idx.upsertInvestor({ id: "i1", name: "A", thesis: "sleep", techFields: ["digital-therapeutics"], stages: ["seed"] });
    expect(idx.revision).toBeGreaterThan(r1);
    const r2 = idx.revision;
    idx.removePitch("p2");
    expect(idx.revision).toBeGreaterThan(r2);
  });
});
