import { sql } from "kysely";
import type { DB } from "../client";
import type { NeedStatus } from "../schema";
import { searchTokens } from "../../app/modules/needs/search";
import { containsAny } from "./text-search";
import { termsOfNeeds } from "./terms";

/**
 * Needs: reads for the list, the detail page, the edit form, the dashboard and
 * program calls. `details` (confidential) is selected ONLY by getNeedDetails and
 * getNeedForEdit; every other query names its public columns.
 */

export const PAGE_SIZE = 20;

const ymd = (col: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;


export type ListFilters = {
  q?: string;
  area?: string;
  field?: string;
  type?: string;
  /** Suitable company growth stage (need term kind growth_stage). */
  stage?: string;
  deadline?: "all" | "open-deadline" | "always-on";
  sort?: "newest" | "closing" | "match";
  page?: number;
  callId?: string;
};

/**
 * Public list: open, not hidden, of a verified hospital, deadline not passed.
 * With sort "match" and a `rank` (need id → score) the page is ordered by score.
 */
export async function listOpenNeeds(db: DB, f: ListFilters, pageSize = PAGE_SIZE, rank?: Map<string, number>) {
  let base = db
    .selectFrom("needs as n")
    .innerJoin("organizations as o", "o.id", "n.org_id")
    .where("n.status", "=", "open")
    .where("n.hidden_at", "is", null)
    .where("o.status", "=", "verified")
    .where((eb) => eb.or([eb("n.deadline", "is", null), eb("n.deadline", ">=", sql<Date>`current_date`)]));
  const term = (kind: string, code: string | undefined) => {
    if (!code) return;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom("need_terms as t").select(sql`1`.as("one")).whereRef("t.need_id", "=", "n.id").where("t.kind", "=", kind).where("t.code", "=", code)),
    );
  };
  term("clinical_area", f.area);
  term("tech_field", f.field);
  term("collaboration_type", f.type);
  term("growth_stage", f.stage);
  if (f.callId) base = base.where("n.program_call_id", "=", f.callId);
  if (f.deadline === "open-deadline") base = base.where("n.deadline", "is not", null);
  if (f.deadline === "always-on") base = base.where("n.deadline", "is", null);
  for (const group of searchTokens(f.q)) {
    // AND across tokens, OR across a token's variants; wildcards in input are
    // literal; short words go through the gram index (see text-search.ts).
    base = base.where(containsAny("n.search_text", group));
  }

  const { n: total } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const page = Math.max(1, f.page ?? 1);
  // Best match first: rank the filtered ids in memory, then read one page of rows.
  let pageIds: string[] | null = null;
  if (f.sort === "match" && rank) {
    const ids = (await base.select("n.id").execute()).map((r) => r.id);
    ids.sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0) || (a < b ? -1 : 1));
    pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
  }
  let q = base.select([
    "n.id",
    "n.title",
    sql<string>`left(n.summary, 240)`.as("summary"),
    "n.budget_min_krw",
    "n.budget_max_krw",
    "n.trl_min",
    "n.trl_max",
    ymd("n.deadline").as("deadline"),
    "n.published_at",
    "o.name as org_name",
    "o.name_en as org_name_en",
    "o.slug as org_slug",
  ]);
  q = f.sort === "closing" ? q.orderBy(sql`n.deadline asc nulls last`).orderBy("n.published_at", "desc") : q.orderBy(sql`n.published_at desc nulls last`).orderBy("n.created_at", "desc");
  let rows;
  if (pageIds) {
    const order = new Map(pageIds.map((id, i) => [id, i]));
    rows = pageIds.length ? (await q.where("n.id", "in", pageIds).execute()).sort((a, b) => order.get(a.id)! - order.get(b.id)!) : [];
  } else {
    rows = await q
      .orderBy("n.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
  }
  const terms = await termsOfNeeds(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
    rows: rows.map((r) => ({ ...r, budget_min_krw: num(r.budget_min_krw), budget_max_krw: num(r.budget_max_krw), terms: terms.get(r.id) ?? {} })),
  };
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Everything public about a need (never `details`), or null. */
export async function getNeedPublic(db: DB, id: string) {
  const row = await db
    .selectFrom("needs as n")
    .innerJoin("organizations as o", "o.id", "n.org_id")
    .leftJoin("program_calls as c", "c.id", "n.program_call_id")
    .select([
      "n.id",
      "n.org_id",
      "n.status",
      "n.title",
      "n.summary",
      "n.trl_min",
      "n.trl_max",
      "n.budget_min_krw",
      "n.budget_max_krw",
      "n.duration_months",
      ymd("n.deadline").as("deadline"),
      "n.program_call_id",
      "n.adoption_payer",
      "n.adoption_route",
      "n.adoption_reimbursement",
      "n.nda_version",
      "n.nda_text",
      "n.hidden_at",
      "n.hidden_reason",
      "n.published_at",
      "n.updated_at",
      "o.name as org_name",
      "o.name_en as org_name_en",
      "o.slug as org_slug",
      "c.name as call_name",
      "c.name_en as call_name_en",
    ])
    .where("n.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const terms = (await termsOfNeeds(db, [id])).get(id) ?? {};
  return { ...row, budget_min_krw: num(row.budget_min_krw), budget_max_krw: num(row.budget_max_krw), terms };
}

/** The confidential part. Callers decide who may see it (see needs.server.ts). */
export async function getNeedDetails(db: DB, id: string): Promise<string | null> {
  const row = await db.selectFrom("needs").select("details").where("id", "=", id).executeTakeFirst();
  return row?.details ?? null;
}

/** The edit form's values: only for the owning organisation. */
export async function getNeedForEdit(db: DB, id: string, orgId: string) {
  const row = await db
    .selectFrom("needs")
    .select([
      "id",
      "org_id",
      "status",
      "title",
      "summary",
      "details",
      "trl_min",
      "trl_max",
      "budget_min_krw",
      "budget_max_krw",
      "duration_months",
      ymd("deadline").as("deadline"),
      "program_call_id",
      "adoption_payer",
      "adoption_route",
      "adoption_reimbursement",
      "nda_version",
      "nda_text",
    ])
    .where("id", "=", id)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return null;
  const terms = (await termsOfNeeds(db, [id])).get(id) ?? {};
  return { ...row, budget_min_krw: num(row.budget_min_krw), budget_max_krw: num(row.budget_max_krw), terms };
}

export async function hasNdaAcceptance(db: DB, needId: string, orgId: string, version: number): Promise<boolean> {
  const row = await db
    .selectFrom("nda_acceptances")
    .select("id")
    .where("need_id", "=", needId)
    .where("org_id", "=", orgId)
    .where("nda_version", "=", version)
    .executeTakeFirst();
  return Boolean(row);
}

/** Idempotent: the unique constraint decides double submits. True when a row was stored now. */
export async function insertNdaAcceptance(db: DB, v: { needId: string; orgId: string; userId: string; version: number }): Promise<boolean> {
  const r = await db
    .insertInto("nda_acceptances")
    .values({ need_id: v.needId, org_id: v.orgId, user_id: v.userId, nda_version: v.version })
    .onConflict((oc) => oc.columns(["need_id", "org_id", "nda_version"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return Boolean(r);
}

/** The hospital's own needs (all statuses) with their application counts. */
export async function listOrgNeeds(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("needs as n")
    .select([
      "n.id",
      "n.title",
      "n.status",
      ymd("n.deadline").as("deadline"),
      "n.updated_at",
      "n.hidden_at",
      (eb) => eb.selectFrom("applications as a").select(sql<number>`count(*)::int`.as("c")).whereRef("a.need_id", "=", "n.id").as("applications"),
    ])
    .where("n.org_id", "=", orgId)
    .orderBy("n.updated_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, applications: Number(r.applications ?? 0), hidden: r.hidden_at !== null, hidden_at: undefined }));
}

// ---- Program calls ----

const callColumns = ["id", "name", "name_en", "description", "eligibility", "budget_krw", "status", "created_at"] as const;

export async function listCalls(db: DB, opts: { openOnly?: boolean } = {}) {
  let q = db
    .selectFrom("program_calls as c")
    .select([
      ...callColumns.map((c) => `c.${c}` as const),
      ymd("c.starts_on").as("starts_on"),
      ymd("c.ends_on").as("ends_on"),
      (eb) =>
        eb
          .selectFrom("needs as n")
          .select(sql<number>`count(*)::int`.as("k"))
          .whereRef("n.program_call_id", "=", "c.id")
          .where("n.status", "=", "open")
          .where("n.hidden_at", "is", null)
          .as("open_needs"),
    ])
    .orderBy("c.status", "desc")
    .orderBy("c.created_at", "desc");
  if (opts.openOnly) q = q.where("c.status", "=", "open");
  const rows = await q.limit(200).execute();
  return rows.map((r) => ({ ...r, budget_krw: num(r.budget_krw), open_needs: Number(r.open_needs ?? 0) }));
}

export async function getCall(db: DB, id: string) {
  const r = await db
    .selectFrom("program_calls")
    .select([...callColumns, ymd("starts_on").as("starts_on"), ymd("ends_on").as("ends_on")])
    .where("id", "=", id)
    .executeTakeFirst();
  return r ? { ...r, budget_krw: num(r.budget_krw) } : null;
}

export async function isOpenCall(db: DB, id: string): Promise<boolean> {
  const r = await db.selectFrom("program_calls").select("id").where("id", "=", id).where("status", "=", "open").executeTakeFirst();
  return Boolean(r);
}

export type { NeedStatus };
