import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CallSchema, isUuid, NeedSchema, parseListQuery } from "./schemas";

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const valid: [string, string][] = [
  ["title", "흉부 CT 폐결절 판독 보조 AI 임상검증"],
  ["summary", "영상의학과 판독 부담을 줄일 AI를 찾습니다."],
  ["clinicalAreas", "radiology"],
  ["clinicalAreas", "oncology"],
  ["techFields", "medical-imaging-ai"],
  ["trlMin", "5"],
  ["trlMax", "7"],
  ["budgetMinKrw", "50,000,000"],
  ["budgetMaxKrw", "300000000"],
  ["deadline", "2026-12-31"],
];

describe("NeedSchema", () => {
  it("accepts a full need and normalises its values", () => {
    const s = parseWithZod(form(valid), { schema: NeedSchema });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(s.value.clinicalAreas).toEqual(["radiology", "oncology"]);
    expect(s.value.budgetMinKrw).toBe(50_000_000);
    expect(s.value.trlMax).toBe(7);
    expect(s.value.details).toBe("");
    expect(s.value.adoptionPayer).toBe("");
  });

  const bad: [string, [string, string][], string, string][] = [
    ["missing title", valid.filter(([k]) => k !== "title"), "title", "validation.required"],
    ["TRL out of range", [...valid.filter(([k]) => k !== "trlMin"), ["trlMin", "12"]], "trlMin", "validation.trl"],
    ["TRL min above max", [...valid.filter(([k]) => !k.startsWith("trl")), ["trlMin", "8"], ["trlMax", "3"]], "trlMax", "validation.rangeOrder"],
    ["budget min above max", [...valid.filter(([k]) => !k.startsWith("budget")), ["budgetMinKrw", "500000000"], ["budgetMaxKrw", "1000"]], "budgetMaxKrw", "validation.rangeOrder"],
    ["budget not digits", [...valid.filter(([k]) => k !== "budgetMinKrw"), ["budgetMinKrw", "오천만"]], "budgetMinKrw", "validation.krw"],
    ["impossible date", [...valid.filter(([k]) => k !== "deadline"), ["deadline", "2026-02-30"]], "deadline", "needs:validation.date"],
    ["unknown clinical area", [...valid, ["clinicalAreas", "astrology"]], "clinicalAreas", "validation.invalidChoice"],
    ["bad duration", [...valid, ["durationMonths", "0"]], "durationMonths", "needs:validation.duration"],
    ["unknown payer", [...valid, ["adoptionPayer", "nobody"]], "adoptionPayer", "validation.invalidChoice"],
  ];
  it.each(bad)("refuses %s", (_name, entries, field, message) => {
    const s = parseWithZod(form(entries), { schema: NeedSchema });
    expect(s.status).toBe("error");
    const reply = s.reply();
    expect(JSON.stringify(reply.error?.[field] ?? reply.error)).toContain(message);
  });

  it("drops fields the form does not offer", () => {
    const s = parseWithZod(form([...valid, ["org_id", "x"], ["status", "open"], ["nda_version", "99"]]), { schema: NeedSchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(Object.keys(s.value)).not.toContain("org_id");
  });
});

describe("parseListQuery", () => {
  it.each([
    ["", { q: "", deadline: "all", sort: "newest", page: 1 }],
    ["q=영상&sort=closing&page=3&area=radiology", { q: "영상", sort: "closing", page: 3, area: "radiology" }],
    ["page=abc&sort=zzz&deadline=%00&area=nope&type=", { page: 1, sort: "newest", deadline: "all", area: undefined }],
    ["page=-5", { page: 1 }],
    [`q=${"가".repeat(300)}`, { q: "가".repeat(100) }],
  ])("%s", (qs, want) => {
    expect(parseListQuery(new URLSearchParams(qs))).toMatchObject(want);
  });
});

describe("CallSchema", () => {
  it("requires the end after the start", () => {
    const s = parseWithZod(form([["name", "2026 상시연계"], ["startsOn", "2026-05-01"], ["endsOn", "2026-01-01"]]), { schema: CallSchema });
    expect(s.status).toBe("error");
  });
});

describe("isUuid", () => {
  it.each([
    ["5eed0001-0000-4000-8000-000000000001", true],
    ["not-a-uuid", false],
    ["", false],
  ])("%s", (v, want) => expect(isUuid(v)).toBe(want));
});
