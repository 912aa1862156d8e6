/// <reference types="vite/client" />
/**
 * Query budget: how many database queries one request of each main page
 * sends (root loader + the page's loader, as Remix runs them), on the demo
 * data plus a small scale seed so every list has a full page of rows. A
 * query per row (N+1) would show as 20+, and the same statement sent three
 * times in one request fails on its own; the budgets below are what the pages
 * need today plus at most one of slack, and the test fails above them.
 *
 * Counted on a warm process (each page is requested once first): the match
 * index loads itself from the database on first use, once per process.
 */
import type { LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_NEED_IDS } from "../../db/seed/demo-need-ids";
import { DEMO_PITCH_IDS } from "../../db/seed/demo-pitch-ids";
import { seedScale } from "../../db/seed/scale/seed-scale";
import { seedIfEmpty } from "../../db/seed/seed";
import { startSession } from "~/modules/auth/session.server";
import { setDbHandle } from "~/utils/db.server";
import { withPoolBudget } from "../../db/pool-budget";

/** Page → the most queries one request may send. */
export const QUERY_BUDGET: { page: string; as: Role; path: string; route: string; budget: number }[] = [
  { page: "/", as: "visitor", path: "/", route: "_index", budget: 2 },
  { page: "/ (signed in)", as: "company", path: "/", route: "_index", budget: 4 },
  { page: "/needs", as: "visitor", path: "/needs", route: "needs._index", budget: 3 },
  { page: "/needs?q=폐암", as: "visitor", path: "/needs?q=%ED%8F%90%EC%95%94", route: "needs._index", budget: 3 },
  { page: "/needs?q=&area=&sort=match", as: "company", path: "/needs?q=%EC%98%81%EC%83%81&area=radiology&sort=match", route: "needs._index", budget: 6 },
  { page: "/needs/:id", as: "visitor", path: `/needs/${DEMO_NEED_IDS.hanbitLungCt}`, route: "needs.$id._index", budget: 3 },
  { page: "/needs/:id (company)", as: "company", path: `/needs/${DEMO_NEED_IDS.hanbitLungCt}`, route: "needs.$id._index", budget: 6 },
  { page: "/needs/:id (owner)", as: "hospital", path: `/needs/${DEMO_NEED_IDS.hanbitLungCt}`, route: "needs.$id._index", budget: 7 },
  { page: "/dashboard (hospital)", as: "hospital", path: "/dashboard", route: "dashboard", budget: 5 },
  { page: "/dashboard (company)", as: "company", path: "/dashboard", route: "dashboard", budget: 12 },
  { page: "/dashboard (investor)", as: "investor", path: "/dashboard", route: "dashboard", budget: 8 },
  { page: "/dashboard (operator)", as: "operator", path: "/dashboard", route: "dashboard", budget: 5 },
  { page: "/pitches (investor)", as: "investor", path: "/pitches", route: "pitches._index", budget: 6 },
  { page: "/pitches?q=폐암 (investor)", as: "investor", path: "/pitches?q=%ED%8F%90%EC%95%94", route: "pitches._index", budget: 6 },
  { page: "/pitches/:id (investor)", as: "investor", path: `/pitches/${DEMO_PITCH_IDS.lumenLungAi}`, route: "pitches.$id._index", budget: 7 },
];

type Role = "visitor" | "hospital" | "company" | "investor" | "operator";
const EMAILS: Record<Exclude<Role, "visitor">, string> = {
  hospital: "hospital1@demo.medibridge.kr",
  company: "company1@demo.medibridge.kr",
  investor: "investor1@demo.medibridge.kr",
  operator: "operator@demo.medibridge.kr",
};

type RouteModule = { loader?: LoaderFunction };
// Every route module, so pages added later are found by name (and a missing one is reported, not a crash).
const routeModules = import.meta.glob<RouteModule>("../routes/*.{ts,tsx}");
const rootModule = () => import("../root") as Promise<RouteModule>;

let handle: DbHandle;
let counting = false;
let queries: string[] = [];
const cookies = new Map<Role, string>();

/** One request as Remix serves it: root and page loaders side by side; returns the queries sent. */
async function request(as: Role, path: string, route: string): Promise<{ status: number; queries: string[] }> {
  const load = routeModules[`../routes/${route}.tsx`] ?? routeModules[`../routes/${route}.ts`];
  if (!load) throw new Error(`no route module ${route}`);
  const [root, page] = await Promise.all([rootModule(), load()]);
  const headers = new Headers();
  const cookie = cookies.get(as);
  if (cookie) headers.set("Cookie", cookie);
  const url = new URL(`http://localhost${path}`);
  const params: Record<string, string> = {};
  const id = /^\/(?:needs|pitches)\/([^/]+)/.exec(url.pathname)?.[1];
  if (id) params.id = id;
  // As Remix does: each loader gets its own Request object, inside the server's per-request scope.
  const args = () => ({ request: new Request(url, { headers }), params, context: { cspNonce: "n", clientIp: "127.0.0.1" } });
  queries = [];
  counting = true;
  let status = 200;
  try {
    await withPoolBudget(() => Promise.all([root.loader!(args()), page.loader!(args())]), { readOnly: true });
  } catch (e) {
    status = e instanceof Response ? e.status : (e as { init?: { status?: number } })?.init?.status ?? 500;
    if (status === 500) throw e;
  } finally {
    counting = false;
  }
  return { status, queries };
}

describe("query budget per page", () => {
  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dataDir: null }, { onQuery: (e) => counting && queries.push(e.sql) });
    await migrateToLatest(handle.db);
    await seedIfEmpty(handle.db, { log: () => {} });
    // 200 needs, 100 companies, 60 pitches…: every list has full pages.
    await seedScale(handle.db, { factor: 0.02 });
    setDbHandle(handle);
    for (const [role, email] of Object.entries(EMAILS) as [Exclude<Role, "visitor">, string][]) {
      const u = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      cookies.set(role, (await startSession(u.id)).split(";")[0]);
    }
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  const report: string[] = [];
  afterAll(() => {
    console.log(`queries per request (budget):\n${report.join("\n")}`);
  });

  for (const row of QUERY_BUDGET) {
    it(`${row.page} as ${row.as}: at most ${row.budget} queries`, async () => {
      await request(row.as, row.path, row.route); // warm: the match index loads once per process
      const { status, queries: sent } = await request(row.as, row.path, row.route);
      report.push(`  ${row.page.padEnd(34)} ${row.as.padEnd(9)} ${String(sent.length).padStart(3)} (${row.budget})`);
      expect(status, "the page answers").toBe(200);
      expect(sent.length, `queries sent:\n${sent.join("\n")}`).toBeLessThanOrEqual(row.budget);
      // A statement sent three or more times in one request is a query per row (N+1).
      const repeats = new Map<string, number>();
      for (const q of sent) repeats.set(q, (repeats.get(q) ?? 0) + 1);
      expect([...repeats].filter(([, n]) => n >= 3).map(([q, n]) => `${n}× ${q}`), "the same statement once per row").toEqual([]);
    });
  }

  it("a page of 20 rows costs the same number of queries as a page of 1 (no query per row)", async () => {
    const many = await request("visitor", "/needs", "needs._index");
    const one = await request("visitor", "/needs?q=%ED%8F%90%EA%B2%B0%EC%A0%88", "needs._index"); // 폐결절: one demo need
    expect(many.queries.length).toBe(one.queries.length);
  });
});
