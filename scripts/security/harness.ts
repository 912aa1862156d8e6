/**
 * In-process harness for the security tests that run under vitest: every
 * route module in app/routes, called the way Remix calls it (a real Request,
 * params, load context), against an in-memory PGlite seeded with the demo data.
 * No HTTP server and no build are needed, and the database can be inspected
 * directly between calls (row counts, integrity queries).
 *
 * Import it only after setting the environment (see `prepareEnv`).
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { DB, DbHandle } from "../../db/client";

/** Configuration a test sets before any app module reads getEnv(). */
export function prepareEnv() {
  process.env.RATE_LIMIT_IP_PER_MINUTE = "10000000";
  process.env.RATE_LIMIT_ACCOUNT_PER_HOUR = "10000000";
  process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "mb-fuzz-uploads-"));
  process.env.UPLOAD_MAX_BYTES = String(256 * 1024);
  delete process.env.MAIL_DROP_DIR;
  delete process.env.SMTP_URL;
  delete process.env.DATABASE_URL;
  delete process.env.PUBLIC_URL;
  delete process.env.SECURE_COOKIES;
}

export type RouteModule = {
  loader?: (args: unknown) => unknown;
  action?: (args: unknown) => unknown;
};
export type RouteEntry = { id: string; file: string; pattern: string; params: string[]; load: () => Promise<RouteModule> };

/**
 * Remix flat-route file name → URL pattern. `needs.$id.apply` → /needs/:id/apply,
 * `_index` → /, `admin.tsx` layout → /admin, `meetings.$id[.ics]` → /meetings/:id.ics,
 * `folder/route.tsx` → the folder's name.
 */
export function routePattern(id: string): { pattern: string; params: string[] } {
  const params: string[] = [];
  const segs: string[] = [];
  // Split on dots that are not inside [brackets].
  const parts: string[] = [];
  let cur = "";
  let depth = 0;
  for (const ch of id) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === "." && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    if (raw === "_index" || (raw.startsWith("_") && raw !== "_")) continue; // index / pathless layout
    const part = raw.replace(/_$/, "").replace(/\[([^\]]*)\]/g, "$1");
    if (part === "$") {
      params.push("*");
      segs.push("*");
    } else if (part.startsWith("$")) {
      const name = part.slice(1).replace(/\..*$/, "");
      params.push(name);
      segs.push(`:${part.slice(1)}`);
    } else segs.push(part);
  }
  return { pattern: `/${segs.join("/")}`, params };
}

export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? "x")).replace(/\*$/, values["*"] ?? "x");
}

/** Every route module under app/routes (vite's import.meta.glob, so no build is needed). */
export function routeEntries(modules: Record<string, () => Promise<unknown>>): RouteEntry[] {
  return Object.entries(modules)
    .filter(([file]) => !/\.test\.tsx?$/.test(file))
    .map(([file, load]) => {
      const rel = file.replace(/^.*app\/routes\//, "");
      const id = rel.replace(/\/route\.tsx?$/, "").replace(/\.tsx?$/, "");
      const { pattern, params } = routePattern(id);
      return { id, file: rel, pattern, params, load: load as () => Promise<RouteModule> };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type Outcome = { status: number; body: string; location: string | null; setCookie: string | null; threw: boolean; error?: string };

/** Whatever a loader/action returned or threw, as Remix would answer it (an unexpected throw is a 500). */
export async function settle(fn: () => unknown): Promise<Outcome> {
  let value: unknown;
  let threw = false;
  try {
    value = await fn();
  } catch (err) {
    value = err;
    threw = true;
  }
  if (value instanceof Response) {
    const body = await value
      .clone()
      .text()
      .catch(() => "");
    return { status: value.status, body, location: value.headers.get("Location"), setCookie: value.headers.get("Set-Cookie"), threw };
  }
  const d = value as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } | null } | null;
  if (d && d.type === "DataWithResponseInit") {
    const h = new Headers(d.init?.headers);
    return { status: d.init?.status ?? 200, body: safeJson(d.data), location: h.get("Location"), setCookie: h.get("Set-Cookie"), threw };
  }
  if (threw) {
    const e = value as Error;
    return { status: 500, body: "", location: null, setCookie: null, threw, error: e?.stack ?? String(value) };
  }
  return { status: 200, body: safeJson(value), location: null, setCookie: null, threw };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "";
  } catch {
    return String(v);
  }
}

export const LOAD_CONTEXT = { cspNonce: "fuzz-nonce", clientIp: "198.51.100.7" };
export const ORIGIN = "http://localhost:3000";

export type ActorName = "visitor" | "hospital" | "company" | "investor" | "operator";
export const ACTOR_EMAILS: Record<Exclude<ActorName, "visitor">, string> = {
  hospital: "hospital1@demo.medibridge.kr",
  company: "company1@demo.medibridge.kr",
  investor: "investor1@demo.medibridge.kr",
  operator: "operator@demo.medibridge.kr",
};

/** Opens an in-memory PGlite, migrates, seeds the demo data and publishes it as the app's database. */
export async function seededApp(): Promise<DbHandle> {
  const { openDb } = await import("../../db/client");
  const { migrateToLatest } = await import("../../db/migrate");
  const { seedIfEmpty } = await import("../../db/seed/seed");
  const { setDbHandle } = await import("../../app/utils/db.server");
  const { resetEnvCache } = await import("../../app/utils/env.server");
  resetEnvCache();
  const handle = await openDb({ kind: "pglite", dataDir: null });
  await migrateToLatest(handle.db);
  await seedIfEmpty(handle.db, { log: () => {} });
  setDbHandle(handle);
  return handle;
}

/** A fresh session cookie for each demo actor (re-enabling the user if a fuzzed call disabled it). */
export async function actorCookies(db: DB): Promise<Record<ActorName, string | null>> {
  const { startSession } = await import("../../app/modules/auth/session.server");
  const out: Record<ActorName, string | null> = { visitor: null, hospital: null, company: null, investor: null, operator: null };
  for (const [actor, email] of Object.entries(ACTOR_EMAILS) as [Exclude<ActorName, "visitor">, string][]) {
    const u = await db.updateTable("users").set({ disabled_at: null }).where("email", "=", email).returning("id").executeTakeFirstOrThrow();
    out[actor] = (await startSession(u.id)).split(";")[0];
  }
  return out;
}

export function makeRequest(url: string, init: { method?: string; cookie?: string | null; body?: BodyInit | null; contentType?: string | null; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.contentType) headers.set("Content-Type", init.contentType);
  if (init.method && init.method !== "GET") headers.set("Origin", ORIGIN);
  return new Request(new URL(url, ORIGIN), { method: init.method ?? "GET", headers, body: init.body ?? undefined });
}

/** Row counts of every table in public. */
export async function rowCounts(db: DB): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(db);
  const out: Record<string, number> = {};
  for (const { table_name } of rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(db);
    out[table_name] = Number(r.rows[0].n);
  }
  return out;
}

/**
 * Rows no form may ever store: each query returns offending rows. A feature
 * that adds a table adds its rules here (a missing table is skipped).
 */
export const INTEGRITY_RULES: { name: string; table: string; where: string }[] = [
  { name: "need without a title or summary", table: "needs", where: "btrim(title) = '' or btrim(summary) = '' or length(title) > 120 or length(summary) > 2000" },
  { name: "need TRL outside 1–9 or min > max", table: "needs", where: "trl_min not between 1 and 9 or trl_max not between 1 and 9 or trl_min > trl_max" },
  { name: "need budget negative or min > max", table: "needs", where: "budget_min_krw < 0 or budget_max_krw < 0 or budget_min_krw > budget_max_krw" },
  { name: "need duration outside 1–120 months", table: "needs", where: "duration_months not between 1 and 120" },
  { name: "need tag not in the vocabulary", table: "need_terms", where: "not exists (select 1 from taxonomy_terms t where t.kind = need_terms.kind and t.code = need_terms.code)" },
  { name: "application without a proposal or with TRL/budget out of range", table: "applications", where: "btrim(approach) = '' or length(approach) > 5000 or trl not between 1 and 9 or budget_krw < 0" },
  { name: "empty or oversized message", table: "messages", where: "btrim(body) = '' or length(body) > 5000" },
  { name: "organisation without a name or slug", table: "organizations", where: "btrim(name) = '' or btrim(slug) = ''" },
  { name: "user e-mail not an address", table: "users", where: "email not like '%_@_%' or email <> lower(email)" },
  { name: "programme call without a name or with end before start", table: "program_calls", where: "btrim(name) = '' or ends_on < starts_on" },
  { name: "attachment that is not a stored PDF", table: "attachments", where: "content_type <> 'application/pdf' or size_bytes <= 0 or storage_key like '%/%' or storage_key like '%..%'" },
  { name: "pitch without a title", table: "pitches", where: "btrim(title) = ''" },
  { name: "deal note without text", table: "deal_notes", where: "btrim(body) = ''" },
];

export async function integrityViolations(db: DB): Promise<{ name: string; rows: number; error?: string }[]> {
  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(db);
  const have = new Set(tables.map((t) => t.table_name));
  const out: { name: string; rows: number; error?: string }[] = [];
  for (const rule of INTEGRITY_RULES) {
    if (!have.has(rule.table)) continue;
    try {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(rule.table)} where ${sql.raw(rule.where)}`.execute(db);
      const n = Number(r.rows[0].n);
      if (n > 0) out.push({ name: rule.name, rows: n });
    } catch (err) {
      // A rule written against a column that changed: report it, it must be fixed, not ignored.
      out.push({ name: rule.name, rows: -1, error: (err as Error).message });
    }
  }
  return out;
}

export const STACK_RE = /\bat [^\s]+ \(?[^\s]*\.(?:js|ts|tsx):\d+:\d+|node_modules\/|\bSELECT\s.+\sFROM\s|syntax error at or near/i;
