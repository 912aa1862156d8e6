import { describe, expect, it } from "vitest";
import { originCheck, securityHeaders, type OriginInput } from "./security.server";

const HOST = "medibridge.example.kr";
const post = (over: Partial<OriginInput>): OriginInput => ({ method: "POST", host: HOST, origin: undefined, referer: undefined, secFetchSite: undefined, ...over });

describe("originCheck (CSRF)", () => {
  it("lets a same-origin POST through", () => {
    expect(originCheck(post({ origin: `https://${HOST}`, secFetchSite: "same-origin" }))).toEqual({ ok: true });
    expect(originCheck(post({ origin: `http://${HOST}` })).ok).toBe(true);
  });

  it("refuses a cross-origin POST", () => {
    expect(originCheck(post({ origin: "https://evil.example", secFetchSite: "cross-site" })).ok).toBe(false);
    // Same registrable domain, different host: still another origin.
    expect(originCheck(post({ origin: `https://sub.${HOST}` })).ok).toBe(false);
    // Another port is another origin.
    expect(originCheck(post({ origin: `https://${HOST}:8443` })).ok).toBe(false);
  });

  it("refuses every non-GET method from another origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(originCheck(post({ method, origin: "https://evil.example" })).ok, method).toBe(false);
    }
  });

  it('refuses Origin "null" (sandboxed frames, data: URLs)', () => {
    expect(originCheck(post({ origin: "null" })).ok).toBe(false);
    expect(originCheck(post({ origin: "null", referer: `https://${HOST}/login` })).ok).toBe(false);
  });

  it("falls back to the Referer when there is no Origin", () => {
    expect(originCheck(post({ referer: `https://${HOST}/login?next=/x` })).ok).toBe(true);
    expect(originCheck(post({ referer: "https://evil.example/form" })).ok).toBe(false);
    expect(originCheck(post({ referer: "not a url" })).ok).toBe(false);
  });

  it("refuses a cross-site Sec-Fetch-Site without Origin or Referer", () => {
    expect(originCheck(post({ secFetchSite: "cross-site" })).ok).toBe(false);
    expect(originCheck(post({ secFetchSite: "same-site" })).ok).toBe(false);
    expect(originCheck(post({ secFetchSite: "same-origin" })).ok).toBe(true);
  });

  it("refuses a signed-in POST that carries no Origin, Referer or Sec-Fetch-Site; lets a session-less one through", () => {
    expect(originCheck(post({ hasSession: true })).ok).toBe(false);
    expect(originCheck(post({ hasSession: false })).ok).toBe(true);
    expect(originCheck(post({ hasSession: true, origin: `https://${HOST}` })).ok).toBe(true);
  });

  it("refuses a POST without a Host header", () => {
    expect(originCheck(post({ host: undefined, origin: `https://${HOST}` })).ok).toBe(false);
  });

  it("always lets GET, HEAD and OPTIONS through (they change nothing)", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(originCheck({ method, host: HOST, origin: "https://evil.example", referer: undefined, secFetchSite: "cross-site" })).toEqual({ ok: true });
    }
  });
});

describe("securityHeaders", () => {
  const nonce = "bm9uY2UtZm9yLXRlc3Rz";
  const prod = securityHeaders(nonce, "production");
  const csp = prod.get("Content-Security-Policy") ?? "";
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it("sends an enforced CSP whose scripts need the request's nonce", () => {
    expect(prod.has("Content-Security-Policy-Report-Only")).toBe(false);
    expect(directives.get("script-src")).toContain(`'nonce-${nonce}'`);
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
  });

  it("forbids framing", () => {
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("X-Frame-Options")).toBe("DENY");
  });

  it("sets nosniff and a referrer policy", () => {
    expect(prod.get("X-Content-Type-Options")).toBe("nosniff");
    expect(prod.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });

  it("uses a different nonce per call", () => {
    expect(securityHeaders("other", "production").get("Content-Security-Policy")).toContain("'nonce-other'");
  });

  it("allows eval only in development (live reload)", () => {
    expect(securityHeaders(nonce, "development").get("Content-Security-Policy")).toContain("'unsafe-eval'");
  });
});
