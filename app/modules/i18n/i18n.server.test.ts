import { describe, expect, it } from "vitest";
import { getLocale } from "./i18n.server";

const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("locale detection", () => {
  it("defaults to Korean", async () => {
    expect(await getLocale(req("/"))).toBe("ko");
  });
  it("follows Accept-Language when nothing else is set", async () => {
    expect(await getLocale(req("/", { "Accept-Language": "en-US,en;q=0.9" }))).toBe("en");
    expect(await getLocale(req("/", { "Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5" }))).toBe("ko");
    expect(await getLocale(req("/", { "Accept-Language": "fr-FR" }))).toBe("ko");
  });
  it("prefers the remembered cookie over Accept-Language", async () => {
    expect(await getLocale(req("/", { Cookie: "lng=ko", "Accept-Language": "en-US" }))).toBe("ko");
    expect(await getLocale(req("/", { Cookie: "other=1; lng=en" }))).toBe("en");
  });
  it("prefers ?lng= over everything and ignores unknown values", async () => {
    expect(await getLocale(req("/?lng=en", { Cookie: "lng=ko" }))).toBe("en");
    expect(await getLocale(req("/?lng=xx", { Cookie: "lng=en" }))).toBe("en");
  });
});
