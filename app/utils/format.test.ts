import { describe, expect, it } from "vitest";
import { formatDateTime, formatKrw, formatKrwRange } from "./format";

describe("formatting for readers", () => {
  it("writes KRW the Korean way and compactly in English", () => {
    expect(formatKrw(50_000_000, "ko")).toBe("5,000만 원");
    expect(formatKrw(300_000_000, "ko")).toBe("3억 원");
    expect(formatKrw(150_000_000, "ko")).toBe("1억 5,000만 원");
    expect(formatKrw(300_000_000, "en")).toBe("KRW 300M");
    expect(formatKrwRange(null, 100_000_000, "ko")).toBe("1억 원 이하");
  });
  it("writes date-times in Seoul time with a 24-hour clock and no English day period in Korean", () => {
    const s = formatDateTime("2026-11-25T04:31:00Z", "ko");
    expect(s).toBe("2026년 11월 25일 13:31");
    expect(s).not.toMatch(/AM|PM/);
    expect(formatDateTime("2026-11-25T04:31:00Z", "en")).toBe("Nov 25, 2026, 13:31");
  });
});
