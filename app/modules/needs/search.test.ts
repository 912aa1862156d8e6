import { describe, expect, it } from "vitest";
import { escapeLike, MAX_TOKENS, searchTokens, variants } from "./search";

describe("variants", () => {
  const cases: [string, string[]][] = [
    ["영상", ["영상"]],
    ["플랫폼을", ["플랫폼을", "플랫폼"]],
    ["플랫폼에서", ["플랫폼에서", "플랫폼"]],
    ["환자가", ["환자가", "환자"]],
    ["재활로봇으로", ["재활로봇으로", "재활로봇"]],
    ["병원과", ["병원과", "병원"]],
    ["데이터의", ["데이터의", "데이터"]],
    ["내년까지", ["내년까지", "내년"]],
    ["의료진에게", ["의료진에게", "의료진"]],
    ["교수께", ["교수께", "교수"]],
    // Two syllables: only a one-syllable particle comes off, and a stem keeps ≥ 1 syllable.
    ["뇌를", ["뇌를", "뇌"]],
    ["에서", ["에서"]],
    ["을", ["을"]],
    ["CT를", ["CT를", "CT"]],
    ["AI", ["AI"]],
    ["sepsis", ["sepsis"]],
    ["데이터", ["데이터"]],
  ];
  it.each(cases)("%s → %j", (token, want) => {
    expect(variants(token)).toEqual(want);
  });
});

describe("searchTokens", () => {
  const cases: [string | null, string[][]][] = [
    [null, []],
    ["", []],
    ["   ", []],
    ["영상", [["영상"]]],
    ["의료영상 플랫폼을", [["의료영상"], ["플랫폼을", "플랫폼"]]],
    ["  \"폐결절\", AI  ", [["폐결절"], ["AI"]]],
    ["영상 영상", [["영상"]]],
    ["100%_\\", [["100%_\\"]]],
    ["영상\u0000플랫폼", [["영상"], ["플랫폼"]]],
  ];
  it.each(cases)("%j", (q, want) => {
    expect(searchTokens(q)).toEqual(want);
  });

  it("keeps at most MAX_TOKENS tokens and trims very long ones", () => {
    const many = Array.from({ length: 20 }, (_, i) => `t${i}`).join(" ");
    expect(searchTokens(many)).toHaveLength(MAX_TOKENS);
    expect(searchTokens("가".repeat(500))[0][0].length).toBeLessThanOrEqual(40);
  });
});

describe("escapeLike", () => {
  it.each([
    ["abc", "abc"],
    ["100%", "100\\%"],
    ["a_b", "a\\_b"],
    ["c:\\x", "c:\\\\x"],
  ])("%s → %s", (input, want) => {
    expect(escapeLike(input)).toBe(want);
  });
});
