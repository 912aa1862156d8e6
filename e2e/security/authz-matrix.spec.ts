import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "../fixtures";
import { ACTORS, MATRIX, type Actor, type Outcome } from "./authz-matrix";
import { lookupApplicationIds } from "./matrix-applications";

const LOGIN: Record<Exclude<Actor, "visitor">, string> = {
  hospital: DEMO.users.hospital1.email,
  company: DEMO.users.company1.email,
  investor: DEMO.users.investor1.email,
  operator: DEMO.users.operator.email,
};
const OWN_SLUG: Record<Actor, string | null> = {
  visitor: null,
  hospital: "hanbit-univ-hospital",
  company: "lumen-healthcare",
  investor: "hangang-bio-partners",
  operator: "medibridge-operator",
};

/** Routes with a loader or action, read from the Remix build manifest. */
async function routesFromBuild(): Promise<{ id: string; hasLoader: boolean; hasAction: boolean }[]> {
  const file = path.resolve("build/index.js");
  expect(existsSync(file), "build/index.js must exist (the web server builds it)").toBe(true);
  const build = (await import(pathToFileURL(file).href)) as { routes: Record<string, { module: { loader?: unknown; action?: unknown } }> };
  return Object.entries(build.routes)
    .map(([id, r]) => ({ id, hasLoader: typeof r.module.loader === "function", hasAction: typeof r.module.action === "function" }))
    .filter((r) => r.hasLoader || r.hasAction);
}

function classify(status: number, location: string | null): Outcome {
  if (status >= 300 && status < 400) return location && /^\/login(\?|$)|\/\/[^/]+\/login(\?|$)/.test(location) ? "login" : "redirect";
  return status;
}

test("authorization matrix: every route × actor × own/other organisation", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const routes = await routesFromBuild();
  const missing = routes.filter((r) => !MATRIX[r.id]);
  const actionWithoutPost = routes.filter((r) => r.hasAction && MATRIX[r.id] && !MATRIX[r.id].some((c) => c.method === "POST"));

  const contexts = new Map<Actor, APIRequestContext>();
  for (const actor of ACTORS) {
    const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: { Origin: baseURL! } });
    if (actor !== "visitor") {
      const res = await ctx.post("/login", { form: { email: LOGIN[actor], password: DEMO.password } });
      expect(res.status(), `sign-in as ${actor}`).toBe(302);
    }
    contexts.set(actor, ctx);
  }
  const idMap = await lookupIds(contexts);

  let checked = 0;
  const mismatches: string[] = [];
  for (const [routeId, cells] of Object.entries(MATRIX)) {
    for (const cell of cells) {
      for (const actor of ACTORS) {
        const ctx = contexts.get(actor)!;
        const url = typeof cell.path === "function" ? cell.path({ ownSlug: OWN_SLUG[actor], ids: idMap }) : cell.path;
        const form = typeof cell.form === "function" ? cell.form({ ids: idMap, actor }) : cell.form;
        const res = cell.method === "GET" ? await ctx.get(url) : await ctx.post(url, { form: form ?? {} });
        const got = classify(res.status(), res.headers()["location"] ?? null);
        checked++;
        const want = cell.expect[actor];
        if (got !== want) mismatches.push(`${routeId} · ${cell.name} · ${cell.method} ${url} · ${actor} (${cell.scope}${cell.state ? `, ${cell.state}` : ""}): expected ${want}, got ${got}`);
        const body = res.status() >= 400 ? await res.text() : "";
        if (/at .+\.(js|ts):\d+:\d+|node_modules|SELECT .+ FROM/i.test(body)) mismatches.push(`${routeId} · ${cell.name} · ${actor}: response leaks a stack trace or SQL`);
      }
    }
  }
  for (const ctx of contexts.values()) await ctx.dispose();

  console.log(`authorization matrix: ${routes.length} routes with loaders/actions, ${checked} cells checked, ${mismatches.length} mismatches, ${missing.length} unmapped routes`);
  expect(missing.map((r) => r.id), "routes with a loader or action missing from e2e/security/authz-matrix.ts").toEqual([]);
  expect(actionWithoutPost.map((r) => r.id), "routes with an action but no POST cell").toEqual([]);
  expect(mismatches, mismatches.join("\n")).toEqual([]);
});

/**
 * Ids the cells target (members of other organisations, a pending
 * organisation), read the way their owners see them: from each owner's
 * settings page and the operator's verification queue.
 */
async function lookupIds(contexts: Map<Actor, APIRequestContext>): Promise<Record<string, string>> {
  const firstValue = async (actor: Actor, url: string, name: string) => {
    const html = await (await contexts.get(actor)!.get(url)).text();
    const m = new RegExp(`name="${name}" value="([0-9a-f-]{36})"`).exec(html);
    expect(m, `${actor} should see a ${name} on ${url}`).not.toBeNull();
    return m![1];
  };
  return {
    hospitalMember: await firstValue("hospital", "/settings", "userId"),
    companyMember: await firstValue("company", "/settings", "userId"),
    investorMember: await firstValue("investor", "/settings", "userId"),
    pendingOrg: await firstValue("operator", "/admin", "orgId"),
    // Applications, attachments and notifications, as the hospital and the company see them.
    ...(await lookupApplicationIds(contexts)),
  };
}
