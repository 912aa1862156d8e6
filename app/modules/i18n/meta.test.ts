import { afterEach, describe, expect, it, vi } from "vitest";
import { errorKey, metaLng, metaT, pageTitle } from "./meta";
import { resources } from "./resources";

const args = (lng?: unknown) => ({ matches: [{ id: "root", data: lng === undefined ? {} : { lng } }, { id: "routes/needs._index", data: {} }] });

describe("page titles in the page's language", () => {
  it("reads the language from the root loader's data, Korean when it has none", () => {
    expect(metaLng(args("en"))).toBe("en");
    expect(metaLng(args("ko"))).toBe("ko");
    expect(metaLng(args())).toBe("ko");
    expect(metaLng(args("fr"))).toBe("ko");
    expect(metaLng({ matches: [] })).toBe("ko");
  });

  it("titles a page by key, then the site name", () => {
    expect(pageTitle(args("ko"), "needs:meta.list")).toEqual([{ title: "임상 수요 · MediBridge" }]);
    expect(pageTitle(args("en"), "needs:meta.list")).toEqual([{ title: "Clinical needs · MediBridge" }]);
    // A bare key is in `common`.
    expect(pageTitle(args("en"), "errors.notFound.title")).toEqual([{ title: "Page not found · MediBridge" }]);
  });

  it("keeps loader data in the title and leaves out what is missing", () => {
    expect(pageTitle(args("en"), (t) => ["Org", t("admin:title")])).toEqual([{ title: "Org · Operator console · MediBridge" }]);
    expect(pageTitle(args("ko"), (_t, lng) => (lng === "ko" ? "한국어" : "English"))).toEqual([{ title: "한국어 · MediBridge" }]);
    expect(pageTitle(args("en"), () => undefined)).toEqual([{ title: "MediBridge" }]);
    expect(pageTitle(args("en"), () => [null, "", "Need"])).toEqual([{ title: "Need · MediBridge" }]);
  });

  it("has every meta string in both languages", () => {
    for (const lng of ["ko", "en"] as const) {
      const t = metaT(args(lng));
      expect(t("meta.site")).toBe(resources[lng].common.meta.site);
      expect(t("meta.landing")).not.toBe("");
      expect(t("testbeds:meta.requests")).not.toBe("");
    }
    expect(metaT(args("en"))("meta.landing")).not.toBe(metaT(args("ko"))("meta.landing"));
  });

  it("matches the root ErrorBoundary's choice of error text", () => {
    const response = (status: number) => ({ status, statusText: "", internal: false, data: null });
    expect(errorKey(response(404))).toBe("notFound");
    expect(errorKey(response(403))).toBe("forbidden");
    expect(errorKey(response(503))).toBe("unavailable");
    expect(errorKey(new Error("boom"))).toBe("serverError");
  });
});

describe("in the browser", () => {
  afterEach(() => {
    vi.doUnmock("./bundle.server");
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("uses the strings of the /i18n/<lng> script, and the site name alone until they have loaded", async () => {
    // The browser build gets an empty module for *.server files.
    vi.resetModules();
    vi.doMock("./bundle.server", () => ({ serverStrings: undefined }));
    vi.stubGlobal("window", { __mbI18n: { en: resources.en } });
    const browser = await import("./meta");
    expect(browser.pageTitle(args("en"), "needs:meta.list")).toEqual([{ title: "Clinical needs · MediBridge" }]);
    expect(browser.pageTitle(args("ko"), "needs:meta.list")).toEqual([{ title: "MediBridge" }]);
  });
});
