import { describe, expect, it } from "vitest";
import { NeedCompanyIndex, PitchInvestorIndex } from "./match-index";
import { formatKrw, formatReason, formatSuggestion, REASON_KEYS, renderReason } from "./reasons";
import { prepareCompany, prepareInvestor, preparePitch } from "./score";
import { suggestForCompany, suggestForPitch } from "./suggestions";
import type { Reason } from "./types";

describe("formatReason", () => {
  it.each<[Reason, string, string]>([
    [
      { key: "match.techFields", params: { matched: [{ kind: "tech_field", code: "medical-imaging-ai" }, { kind: "tech_field", code: "digital-therapeutics" }], total: 3 } },
      "기술 분야 3개 중 2개 일치: 의료영상 AI, 디지털 치료제",
      "2 of 3 technology fields match: Medical imaging AI, Digital therapeutics",
    ],
    [{ key: "match.techFields", params: { matched: [], total: 2 } }, "기술 분야 2개 중 일치 없음", "None of 2 technology fields match"],
    [
      { key: "match.clinicalAreas", params: { matched: [{ kind: "clinical_area", code: "ptsd" }], total: 1 } },
      "임상 분야 1개 중 1개 일치: ptsd",
      "1 of 1 clinical areas match: ptsd",
    ],
    [{ key: "match.trl", params: { trl: 5, min: 6, max: 8, relevance: 100 } }, "TRL 5: 희망 범위(6–8)보다 1단계 낮음", "TRL 5 is 1 level below the wanted range (6–8)"],
    [
      { key: "match.trl", params: { trl: 7, min: 6, max: 8, relevance: 40 } },
      "TRL 7: 희망 범위(6–8) 안 (관련도 40% 반영)",
      "TRL 7 is within the wanted range (6–8) (weighted by relevance 40%)",
    ],
    [
      { key: "match.text", params: { percent: 42, terms: ["폐결절", "판독"], concepts: [{ kind: "glossary", code: "reading" }] } },
      "내용 유사도 42%: 폐결절, 판독",
      "Text similarity 42%: 폐결절, 판독, reading",
    ],
    [
      { key: "match.gate.certifications.fail", params: { missing: [{ kind: "certification", code: "mfds-class2" }], keepPercent: 50 } },
      "필수 인증 미충족: 식약처 2등급 인증 (점수의 50%만 인정)",
      "Missing required certification: MFDS Class II certification (only 50% of the score counts)",
    ],
  ])("%j", (reason, ko, en) => {
    expect(renderReason(reason)).toEqual({ ko, en });
  });

  it("unknown keys render as the key, never throw", () => {
    expect(formatReason({ key: "match.nope", params: {} }, "ko")).toBe("match.nope");
  });

  it("every key renders differently in Korean and English", () => {
    for (const key of REASON_KEYS) {
      const r = renderReason({ key, params: {} });
      expect(r.ko).not.toBe(key);
      expect(r.en).not.toBe(key);
    }
  });

  it.each([
    [150_000_000, "1억 5,000만 원", "KRW 150M"],
    [3_000_000_000, "30억 원", "KRW 3B"],
    [50_000_000, "5,000만 원", "KRW 50M"],
  ])("KRW %i", (v, ko, en) => {
    expect(formatKrw(v, "ko")).toBe(ko);
    expect(formatKrw(v, "en")).toBe(en);
  });
});

describe("suggestions", () => {
  const idx = new NeedCompanyIndex();
  idx.upsertCompany({ id: "c", name: "c", description: "흉부 CT 폐결절 판독 AI", techFields: ["medical-imaging-ai"], trl: 5, collaborationTypes: ["joint-rnd"], verifiedTestbeds: 1 });
  idx.upsertCompany({ id: "d", name: "d", description: "회계 소프트웨어" });
  idx.upsertNeed({
    id: "n",
    title: "흉부 CT 폐결절 판독 AI",
    summary: "영상의학과 시범 도입",
    techFields: ["medical-imaging-ai"],
    clinicalAreas: ["radiology"],
    collaborationTypes: ["procurement-pilot"],
    trlMin: 7,
    trlMax: 9,
    requiredCertifications: ["mfds-class2"],
  });
  const n = idx.preparedNeed("n")!;
  const c = idx.prepared("c")!;
  const q = idx.queryFor(n);

  it("are exact re-scores, largest gain first", () => {
    const s = suggestForCompany(q, n, c, 10);
    expect(s[0]!.key).toBe("suggest.addCertification");
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!.gain).toBeGreaterThanOrEqual(s[i]!.gain);
    const base = idx.score10("n", "c");
    const withCert = prepareCompany({ ...c.input, certifications: ["mfds-class2"] }, idx.dict);
    const idx2 = new NeedCompanyIndex();
    idx2.upsertCompany({ ...c.input, certifications: ["mfds-class2"] });
    idx2.upsertCompany({ id: "d", name: "d", description: "회계 소프트웨어" });
    idx2.upsertNeed(n.input);
    expect(withCert.certs.has("mfds-class2")).toBe(true);
    expect(Math.round(s[0]!.gain * 10)).toBe(idx2.score10("n", "c") - base);
    expect(formatSuggestion(s[0]!, "ko")).toMatch(/^식약처 2등급 인증을 등록하면 \+\d+(\.\d)?$/);
    expect(formatSuggestion(s[0]!, "en")).toMatch(/^Registering MFDS Class II certification would add \+/);
    expect(s.map((x) => x.key)).toEqual(expect.arrayContaining(["suggest.addClinicalArea", "suggest.addCollaborationType", "suggest.reachTrl"]));
  });
});

describe("pitch suggestions", () => {
  it("suggest adding validation and missing thesis fields", () => {
    const pi = new PitchInvestorIndex();
    pi.upsertPitch({ id: "p", title: "흉부 CT AI", oneLiner: "판독 보조", stage: "seed", techFields: ["wearables"], validation: {} });
    const inv = prepareInvestor({ id: "i", name: "i", thesis: "의료영상 AI 판독", techFields: ["medical-imaging-ai"], stages: ["seed"] });
    pi.upsertInvestor(inv.input);
    const p = preparePitch({ id: "p", title: "흉부 CT AI", oneLiner: "판독 보조", stage: "seed", techFields: ["wearables"], validation: {} }, pi.dict);
    const s = suggestForPitch(pi.queryFor(inv), inv, p, 5);
    expect(s.map((x) => x.key)).toEqual(expect.arrayContaining(["suggest.addPitchTechField", "suggest.addValidation"]));
    expect(s.every((x) => x.gain > 0)).toBe(true);
  });
});

describe("objectParticle: suggestions read as natural Korean", () => {
  it("follows the last sound of Hangul, digits and Latin letters", async () => {
    const { objectParticle } = await import("./reasons");
    expect(objectParticle("식약처 2등급 인증")).toBe("을");
    expect(objectParticle("'의료영상 AI'")).toBe("를");
    expect(objectParticle("'디지털 치료제'")).toBe("를");
    expect(objectParticle("FDA 510(k)/De Novo")).toBe("를");
    expect(objectParticle("ISO 13485")).toBe("를");
    expect(objectParticle("IEC 62304")).toBe("를");
    expect(objectParticle("'임상의사결정지원'")).toBe("을");
    expect(objectParticle("CE-MDR")).toBe("을");
  });
});
