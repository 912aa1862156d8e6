/**
 * patches/@remix-run+router+*.patch (applied by `postinstall`) memoises route
 * matching in the CommonJS build Node loads on the server. These checks fail
 * when the patch did not apply (e.g. after a router upgrade) or when the memo
 * would return stale matches after client-side route discovery patched a tree.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Vite would resolve the ESM browser build; the server uses the CJS one.
const req = createRequire(import.meta.url);
const router = req("@remix-run/router") as typeof import("@remix-run/router");
const ids = (m: ReturnType<typeof router.matchRoutes>) => m?.map((x) => x.route.id).join(">") ?? null;

describe("@remix-run/router server patch", () => {
  it("is applied to the CommonJS build", () => {
    const file = req.resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    const source = readFileSync(file, "utf8");
    expect(source).toContain("const compilePathCache = new Map()");
    expect(source).toContain("const rankedBranchesCache = new WeakMap()");
  });

  it("matches the same on repeated calls, with params, splats and optional segments", () => {
    const routes = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "home", index: true },
          { id: "needs", path: "needs/:id" },
          { id: "opt", path: "a/:x?/b" },
          { id: "case", path: "Case", caseSensitive: true },
          { id: "splat", path: "*" },
        ],
      },
    ];
    for (let i = 0; i < 3; i++) {
      expect(ids(router.matchRoutes(routes, "/"))).toBe("root>home");
      expect(router.matchRoutes(routes, "/needs/42")?.[1].params).toEqual({ id: "42" });
      expect(ids(router.matchRoutes(routes, "/a/b"))).toBe("root>opt");
      expect(router.matchRoutes(routes, "/a/7/b")?.[1].params).toEqual({ x: "7" });
      expect(ids(router.matchRoutes(routes, "/Case"))).toBe("root>case");
      expect(ids(router.matchRoutes(routes, "/case"))).toBe("root>splat");
      expect(router.matchRoutes(routes, "/x/y")?.[1].params).toEqual({ "*": "x/y" });
    }
    expect(router.matchPath("/needs/:id", "/NEEDS/1")?.params).toEqual({ id: "1" });
    expect(router.matchPath({ path: "/needs", caseSensitive: true, end: false }, "/NEEDS/1")).toBeNull();
  });

  it("sees routes added by lazy route discovery (patchRoutesOnNavigation)", async () => {
    const r = router
      .createRouter({
        history: router.createMemoryHistory({ initialEntries: ["/"] }),
        routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
        patchRoutesOnNavigation: ({ path, patch }) => {
          if (path.startsWith("/lazy")) patch("root", [{ id: "lazy", path: "lazy", children: [{ id: "deep", path: ":x" }] }]);
        },
      })
      .initialize();
    expect(router.matchRoutes(r.routes, "/lazy/5")).toBeNull(); // memoised before the patch
    await r.navigate("/lazy/5");
    expect(r.state.matches.map((m) => m.route.id).join(">")).toBe("root>lazy>deep");
    r.dispose();
  });
});
