import { describe, expect, it } from "vitest";
import { analyze, CorpusStats, prepareQuery, bm25Sim, stem, stripParticle, TermDict, toDoc, DEFAULT_ANALYZER, type AnalyzerOptions } from "./text";

const plain: AnalyzerOptions = { split: "bigrams+runs", stem: true, concepts: false, glossary: false };

describe("analyze", () => {
  it("splits Hangul runs into two-syllable pieces plus the particle-free run", () => {
    const { tokens } = analyze("데이터플랫폼을", plain);
    expect(tokens).toEqual(["데이", "이터", "터플", "플랫", "랫폼", "데이터플랫폼"]);
  });

  it.each([
    ["플랫폼을", "플랫폼"],
    ["환자들의", "환자"],
    ["병원에서는", "병원"],
    ["의료영상", "의료영상"],
    ["암을", "암을"], // too short to strip safely
  ])("strips the particle of %s → %s", (run, expected) => expect(stripParticle(run)).toBe(expected));

  it.each([
    ["imaging", "imag"],
    ["images", "imag"],
    ["patients", "patient"],
    ["monitoring", "monitor"],
    ["diagnostics", "diagnost"],
    ["analysis", "analysis"],
  ])("stems %s → %s", (w, s) => expect(stem(w)).toBe(s));

  it("drops English stop words and keeps codes", () => {
    expect(analyze("The AI for CT and MRI", plain).tokens).toEqual(["ai", "ct", "mri"]);
  });

  it("adds language-neutral concept tokens for vocabulary and glossary words", () => {
    const ko = analyze("의료영상 판독 보조", DEFAULT_ANALYZER).tokens.filter((t) => t.startsWith("⟨"));
    const en = analyze("radiology image reading assistant", DEFAULT_ANALYZER).tokens.filter((t) => t.startsWith("⟨"));
    expect(ko).toContain("⟨g:reading⟩");
    expect(en).toContain("⟨g:reading⟩");
    expect(ko.filter((t) => en.includes(t)).length).toBeGreaterThanOrEqual(2);
  });

  it("matches single-syllable words only as whole words", () => {
    const t = (s: string) => analyze(s, DEFAULT_ANALYZER).tokens;
    expect(t("암 환자")).toContain("⟨g:cancer⟩");
    expect(t("암을 진단")).toContain("⟨g:cancer⟩");
    expect(t("암호화 기술")).not.toContain("⟨g:cancer⟩");
  });

  it("is deterministic", () => {
    const s = "환자들의 심전도를 원격으로 모니터링하는 wearable ECG patch";
    expect(analyze(s)).toEqual(analyze(s));
  });
});

describe("bm25Sim", () => {
  const dict = new TermDict();
  const stats = new CorpusStats();
  const docs = ["플랫폼의 데이터를 연동합니다", "수술 로봇 개발", "회계 소프트웨어", "데이터 분석 플랫폼"].map((t) => {
    const d = toDoc(dict, analyze(t).tokens);
    stats.add(d);
    return d;
  });
  const q = prepareQuery(dict, stats, analyze("플랫폼을 구축"));

  it("particles do not prevent a match (플랫폼을 ↔ 플랫폼의)", () => {
    expect(bm25Sim(q, docs[0]!)).toBeGreaterThan(0);
    expect(bm25Sim(q, docs[1]!)).toBe(0);
  });

  it("stays within 0..1 and shares sum to 1", () => {
    expect([...q.share].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    for (const d of docs) {
      const s = bm25Sim(q, d);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
