import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine, icsDate } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undo folding (RFC 5545 §3.1): CRLF followed by one space or tab. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

const event = {
  uid: "4b1f0c1e-0000-4000-8000-000000000001@medibridge.kr",
  stamp: new Date("2026-11-25T05:00:00Z"),
  start: new Date("2026-12-03T05:00:00Z"), // 14:00 in Seoul
  end: new Date("2026-12-03T06:00:00Z"),
  summary: "투자 미팅: 루멘헬스케어 × 한강바이오파트너스",
  location: "서울 강남구 테헤란로 123, 5층; 회의실 A",
  description: "AI 폐결절 판독 보조 (Series A)\n질문: 임상 데이터\\인허가 일정, 투자 조건",
};

describe("ics builder", () => {
  it("writes one VEVENT inside a VCALENDAR with CRLF line endings and UTC times", () => {
    const ics = buildIcs(event);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    // No bare LF anywhere: every line break is CRLF.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("DTSTART:20261203T050000Z");
    expect(lines).toContain("DTEND:20261203T060000Z");
    expect(lines).toContain("DTSTAMP:20261125T050000Z");
    expect(lines).toContain(`UID:${event.uid}`);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
  });

  it("escapes commas, semicolons, backslashes and newlines in text", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const lines = unfold(buildIcs(event)).split("\r\n");
    expect(lines).toContain("LOCATION:서울 강남구 테헤란로 123\\, 5층\\; 회의실 A");
    expect(lines).toContain("DESCRIPTION:AI 폐결절 판독 보조 (Series A)\\n질문: 임상 데이터\\\\인허가 일정\\, 투자 조건");
    expect(lines).toContain("SUMMARY:투자 미팅: 루멘헬스케어 × 한강바이오파트너스");
  });

  it("folds long lines at 75 octets without splitting a Korean character", () => {
    const long = `DESCRIPTION:${"가나다라마바사아자차카타파하".repeat(10)}`;
    const folded = foldLine(long);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(" ")).toBe(true);
    // Each physical line is valid UTF-8 on its own (no character cut in half).
    for (const p of physical) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
    expect(unfold(folded)).toBe(long);
    // Short lines stay as they are.
    expect(foldLine("SUMMARY:짧은 제목")).toBe("SUMMARY:짧은 제목");
    // ASCII: exactly 75 octets on the first line.
    const ascii = foldLine("X".repeat(200));
    expect(octets(ascii.split("\r\n")[0])).toBe(75);
    expect(unfold(ascii)).toBe("X".repeat(200));
  });

  it("every physical line of a whole file is at most 75 octets", () => {
    const ics = buildIcs({ ...event, description: "긴 설명, 쉼표; 세미콜론\n".repeat(20) });
    for (const p of ics.split("\r\n")) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(icsDate(new Date("2027-01-01T00:00:00.000Z"))).toBe("20270101T000000Z");
  });
});
