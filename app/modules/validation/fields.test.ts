import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalKrw, optionalText, requiredText } from "./fields";

const firstMessage = (r: { success: boolean; error?: z.ZodError }) => (r.success ? null : r.error!.issues[0].message);

describe("shared field schemas", () => {
  it("reads KRW amounts with separators and refuses words with the KRW message", () => {
    expect(optionalKrw.parse("50,000,000")).toBe(50_000_000);
    expect(firstMessage(optionalKrw.safeParse("3억"))).toBe("validation.krw");
    expect(firstMessage(optionalKrw.safeParse("abc"))).toBe("validation.krw");
    expect(optionalKrw.parse(undefined)).toBeNull();
    expect(optionalKrw.parse("  ")).toBeNull();
  });
  it("strips NUL and control characters that the database cannot store", () => {
    expect(requiredText().parse("a\u0000b\u0007c")).toBe("abc");
    expect(optionalText().parse("줄1\n줄2\u0000")).toBe("줄1\n줄2");
    expect(firstMessage(requiredText().safeParse("\u0000"))).toBe("validation.required");
  });
});
