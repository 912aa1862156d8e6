import { sql } from "kysely";
import type { DB } from "../../../db/client";
import { pageParam, searchText } from "./search-params";

/** The audit log for operators: filter by who (e-mail or name), organisation, event type and period; newest first. */
export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { who?: string; org?: string; event?: string; from?: string; to?: string; page: number };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditFilters(sp: URLSearchParams): AuditFilters {
  const text = (k: string) => searchText(sp, k) || undefined;
  const day = (k: string) => {
    const v = sp.get(k);
    return v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;
  };
  const event = sp.get("event");
  return {
    who: text("who"),
    org: text("org"),
    event: event && /^[a-z.]{2,40}$/.test(event) ? event : undefined,
    from: day("from"),
    to: day("to"),
    page: pageParam(sp),
  };
}

const like = (v: string) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAudit(db: DB, f: AuditFilters) {
  let base = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .leftJoin("organizations as o", "o.id", "a.actor_org_id");
  if (f.who) base = base.where((eb) => eb.or([eb("u.email", "ilike", like(f.who!)), eb("u.name", "ilike", like(f.who!))]));
  if (f.org) base = base.where((eb) => eb.or([eb("o.name", "ilike", like(f.org!)), eb("o.name_en", "ilike", like(f.org!))]));
  if (f.event) base = base.where("a.event", "=", f.event);
  // Days are Korean calendar days.
  if (f.from) base = base.where("a.at", ">=", new Date(`${f.from}T00:00:00+09:00`));
  if (f.to) base = base.where("a.at", "<", new Date(new Date(`${f.to}T00:00:00+09:00`).getTime() + 86400_000));
  const [rows, count, events] = await Promise.all([
    base
      .select(["a.id", "a.at", "a.event", "a.target_type", "a.target_id", "a.detail", "a.ip", "u.email as actor_email", "u.name as actor_name", "o.name as org_name", "o.name_en as org_name_en"])
      .orderBy("a.at", "desc")
      .orderBy("a.id", "desc")
      .limit(AUDIT_PAGE_SIZE)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("audit_log").select("event").distinct().orderBy("event").execute(),
  ]);
  const total = Number(count.n);
  return {
    total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((e) => e.event),
    rows: rows.map((r) => ({ ...r, id: String(r.id), detail: JSON.stringify(r.detail ?? {}).slice(0, 300) })),
  };
}
