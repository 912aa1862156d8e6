import { describe, expect, it } from "vitest";
import { loader } from "~/routes/i18n.$lng";
import { i18nBundle, serverStrings } from "./bundle.server";
import { resources } from "./resources";

const ask = (path: string, headers: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost${path}`, { headers }), params: { lng: path.split("/")[2].split("?")[0] }, context: {} }) as Response;

describe("UI strings out of the page payload", () => {
  it("each language's script carries that language only, under a version of its own", () => {
    const ko = i18nBundle("ko");
    const en = i18nBundle("en");
    expect(ko.version).not.toBe(en.version);
    expect(ko.body).toContain(JSON.stringify(resources.ko.common));
    expect(ko.body).not.toContain(JSON.stringify(resources.en.common));
    expect(en.body).toContain(JSON.stringify(resources.en.common));
    expect(serverStrings.versions).toEqual({ ko: ko.version, en: en.version });
  });

  it("sets the strings where entry.client.tsx looks for them", () => {
    const self: { __mbI18n?: Record<string, unknown> } = {};
    new Function("self", i18nBundle("en").body)(self);
    new Function("self", i18nBundle("ko").body)(self);
    expect(self.__mbI18n).toEqual({ en: resources.en, ko: resources.ko });
  });

  it("is immutable at its current version only", async () => {
    const { version } = i18nBundle("en");
    const current = ask(`/i18n/en?v=${version}`);
    expect(current.status).toBe(200);
    expect(current.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await current.text()).toBe(i18nBundle("en").body);
    // A page rendered before a deploy asks for an old version: today's strings, revalidated.
    expect(ask("/i18n/en?v=0123456789abcdef").headers.get("cache-control")).toBe("public, no-cache");
    expect(ask("/i18n/en?v=x", { "If-None-Match": `"${version}"` }).status).toBe(304);
  });

  it("knows only Korean and English", () => {
    expect(() => ask("/i18n/xx")).toThrow();
    try {
      ask("/i18n/xx");
    } catch (e) {
      expect((e as Response).status).toBe(404);
    }
  });
});
