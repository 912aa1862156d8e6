/**
 * Shared by the security specs: sign in as a demo actor (a request context
 * that sends a same-origin Origin), crawl the pages an actor can reach, and
 * the route list from the Remix build manifest.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO, type DemoRole } from "../fixtures";

export const SECURITY_ACTORS = ["visitor", "hospital1", "company1", "investor1", "operator"] as const;
export type SecurityActor = DemoRole | "visitor";

export async function contextAs(baseURL: string, role: SecurityActor, opts: { origin?: boolean } = {}): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: opts.origin === false ? {} : { Origin: baseURL } });
  if (role !== "visitor") {
    const res = await ctx.post("/login", { form: { email: DEMO.users[role].email, password: DEMO.password }, headers: { Origin: baseURL } });
    expect(res.status(), `sign-in as ${role}`).toBe(302);
  }
  return ctx;
}

/** Routes with a loader or action, from the build the web server runs. */
export async function manifestRoutes(): Promise<{ id: string; hasLoader: boolean; hasAction: boolean }[]> {
  const file = path.resolve("build/index.js");
  expect(existsSync(file), "build/index.js must exist (the web server builds it)").toBe(true);
  const build = (await import(pathToFileURL(file).href)) as { routes: Record<string, { module: { loader?: unknown; action?: unknown } }> };
  return Object.entries(build.routes)
    .map(([id, r]) => ({ id, hasLoader: typeof r.module.loader === "function", hasAction: typeof r.module.action === "function" }))
    .filter((r) => r.hasLoader || r.hasAction);
}

/** Never follow: sign-out, downloads of exports, the live-reload socket. */
export function skipUrl(url: string): boolean {
  return /^\/(logout|build\/|favicon)|\.(ics|csv|pdf|js|css|png|svg|ico)(\?|$)|\/deck(\?|$)|^\/admin\/export/.test(url);
}

export function linksIn(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/href="(\/[^"#]*)(?:#[^"]*)?"/g)) {
    const u = m[1].replace(/&amp;/g, "&");
    if (!u.startsWith("//")) out.add(u);
  }
  return [...out];
}

export type Page = { url: string; status: number; headers: Record<string, string>; body: string };

/** Breadth-first over same-site links (GET only), from the given start pages. */
export async function crawl(ctx: APIRequestContext, start: string[], max: number): Promise<Page[]> {
  const seen = new Set<string>();
  const queue = [...start];
  const pages: Page[] = [];
  // Pages of one kind (e.g. /needs/<id>) are many: visit a few of each shape.
  const shapes = new Map<string, number>();
  while (queue.length && pages.length < max) {
    const url = queue.shift()!;
    if (seen.has(url) || skipUrl(url)) continue;
    seen.add(url);
    const shape = url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\?.*$/, "?");
    const n = shapes.get(shape) ?? 0;
    if (n >= 3) continue;
    shapes.set(shape, n + 1);
    const res = await ctx.get(url);
    const headers = res.headers();
    const body = /text\/html/.test(headers["content-type"] ?? "") ? await res.text() : "";
    pages.push({ url, status: res.status(), headers, body });
    for (const l of linksIn(body)) if (!seen.has(l)) queue.push(l);
  }
  return pages;
}

export const START_PAGES = ["/", "/dashboard", "/needs", "/applications", "/calls", "/pitches", "/events", "/testbeds", "/meetings", "/pipeline", "/notifications", "/settings", "/account", "/admin", "/login", "/signup"];

export const UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
