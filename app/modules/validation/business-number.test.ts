import { describe, expect, it } from "vitest";
import { demoOrgs } from "../../../db/seed/demo-orgs";
import { businessNumberCheckDigit, formatBusinessNumber, isValidBusinessNumber, normalizeBusinessNumber } from "./business-number";

const valid = demoOrgs.map((o) => o.businessNo);

/** Change one digit (position i) to a different digit. */
function changeDigit(n: string, i: number, by = 1) {
  return n.slice(0, i) + String((Number(n[i]) + by) % 10) + n.slice(i + 1);
}

describe("사업자등록번호 check digit", () => {
  it.each(valid)("accepts the demo organisation's number %s", (n) => {
    expect(isValidBusinessNumber(n)).toBe(true);
    expect(businessNumberCheckDigit(n.slice(0, 9))).toBe(Number(n[9]));
  });

  it("rejects a number with any single digit changed", () => {
    // Weights 1/3/7 are coprime to 10 and the ninth digit's 5d + ⌊5d/10⌋ takes
    // ten different values mod 10, so every single-digit change is caught.
    for (const n of valid) {
      for (let i = 0; i < 10; i++) {
        for (let by = 1; by <= 9; by++) {
          const changed = changeDigit(n, i, by);
          expect(isValidBusinessNumber(changed), `${n} → ${changed}`).toBe(false);
        }
      }
    }
  });

  it("accepts hyphens and spaces", () => {
    expect(isValidBusinessNumber("134-81-57595")).toBe(true);
    expect(isValidBusinessNumber(" 134 81 57595 ")).toBe(true);
    expect(isValidBusinessNumber("134 - 81 - 57595")).toBe(true);
    expect(normalizeBusinessNumber("134-81-57595")).toBe("1348157595");
  });

  it.each(["", "134815759", "13481575950", "134-81-5759", "abcdefghij", "134815759a", "１３４８１５７５９５"])("rejects %j", (n) => {
    expect(isValidBusinessNumber(n)).toBe(false);
  });

  it("formats as 000-00-00000", () => {
    expect(formatBusinessNumber("1348157595")).toBe("134-81-57595");
    expect(formatBusinessNumber("134-81-57595")).toBe("134-81-57595");
    expect(formatBusinessNumber("12345")).toBe("12345");
  });
});
