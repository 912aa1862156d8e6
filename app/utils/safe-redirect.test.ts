import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each(["/dashboard", "/needs/123?tab=apps#x", "/", "/en/login?next=%2Fdashboard"])("follows the same-site path %s", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["absolute https", "https://evil.example/"],
    ["absolute http", "http://evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["backslash", "/\\evil.example"],
    ["backslash later", "/foo\\..\\/evil"],
    ["relative", "dashboard"],
    ["control characters", "/\t/evil.example"],
    ["newline", "/ok\r\nSet-Cookie: x=1"],
    ["empty", ""],
    ["whitespace", "   "],
  ])("falls back for %s", (_, to) => {
    expect(safeRedirect(to)).toBe("/dashboard");
  });

  it("falls back for missing and non-string values", () => {
    expect(safeRedirect(null)).toBe("/dashboard");
    expect(safeRedirect(undefined)).toBe("/dashboard");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/dashboard");
  });

  it("uses the fallback given", () => {
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect(null, "/login")).toBe("/login");
  });

  it("trims surrounding whitespace", () => {
    expect(safeRedirect("  /dashboard  ", "/")).toBe("/dashboard");
  });
});
