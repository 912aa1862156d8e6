import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends lines with CRLF", () => {
    const s = toCsv(["기관", "건수"], [["한빛대학교병원", 3]]);
    expect(s.charCodeAt(0)).toBe(0xfeff);
    expect(s).toBe("\uFEFF기관,건수\r\n한빛대학교병원,3\r\n");
    expect(Buffer.from(s, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('그가 "좋다"고')).toBe('"그가 ""좋다""고"');
    expect(csvCell("첫 줄\n둘째 줄")).toBe('"첫 줄\n둘째 줄"');
    expect(csvCell("\r")).toBe(`"'\r"`);
    expect(csvCell(" 앞 공백")).toBe('" 앞 공백"');
  });

  it("neutralises spreadsheet formulas in text but keeps numbers numeric", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+82 10")).toBe("'+82 10");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("names a Korean file with an ASCII fallback and RFC 5987 filename*", () => {
    const h = attachmentDisposition("메디브릿지_월별추이_2026-01_2026-11.csv");
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(h).toContain(`filename*=UTF-8''${encodeURIComponent("메디브릿지_월별추이_2026-01_2026-11.csv")}`);
    const q = attachmentDisposition(`a"b'(c)*.csv`);
    expect(q).toContain('filename="a_b\'(c)*.csv"');
    expect(q).toContain("filename*=UTF-8''a%22b%27%28c%29%2A.csv");
    expect(q).not.toMatch(/[\r\n]/);
  });
});
