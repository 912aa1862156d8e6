import { sql } from "kysely";
import type { DB } from "../../../db/client";

/**
 * Validation signals for investors and matching: completed testbeds (verified
 * track-record entries) and operator-verified certifications, per company.
 * For the pitch list and its filter (wired by the pitches area) and for
 * matching's companyInputs. Pass `orgIds` to read only those companies.
 */

export type TestbedSignal = {
  /** Completed, hospital-confirmed testbeds. */
  count: number;
  /** Hospitals that confirmed them (distinct, newest first), Korean names. */
  hospitals: string[];
  hospitalsEn: string[];
  /** "한빛대학교병원 가늠터 완료: <title>" lines, newest first. */
  lines: string[];
  /** YYYY-MM-DD of the newest completion. */
  latest: string | null;
};

const none = ["00000000-0000-0000-0000-000000000000"];

export async function completedTestbedsByCompany(db: DB, orgIds?: string[]): Promise<Map<string, TestbedSignal>> {
  let q = db
    .selectFrom("track_records as tr")
    .leftJoin("organizations as h", "h.id", "tr.hospital_org_id")
    .select(["tr.org_id", "tr.title", sql<string>`to_char(tr.completed_on, 'YYYY-MM-DD')`.as("completed_on"), "h.name as hospital", "h.name_en as hospital_en"])
    .where("tr.kind", "=", "testbed")
    .where("tr.verified_at", "is not", null);
  if (orgIds) q = q.where("tr.org_id", "in", orgIds.length ? orgIds : none);
  const rows = await q.orderBy("tr.completed_on", "desc").orderBy("tr.id").execute();
  const out = new Map<string, TestbedSignal>();
  for (const r of rows) {
    const s = out.get(r.org_id) ?? { count: 0, hospitals: [], hospitalsEn: [], lines: [], latest: null };
    s.count += 1;
    const h = r.hospital ?? "";
    if (h && !s.hospitals.includes(h)) {
      s.hospitals.push(h);
      s.hospitalsEn.push(r.hospital_en || h);
    }
    s.lines.push(`${h ? `${h} ` : ""}가늠터 완료: ${r.title}`);
    s.latest ??= r.completed_on;
    out.set(r.org_id, s);
  }
  return out;
}

/** Operator-verified certifications (status obtained) per company: vocabulary codes. */
export async function verifiedCertificationsByCompany(db: DB, orgIds?: string[]): Promise<Map<string, string[]>> {
  let q = db.selectFrom("org_certifications").select(["org_id", "code"]).where("status", "=", "obtained").where("verified_at", "is not", null);
  if (orgIds) q = q.where("org_id", "in", orgIds.length ? orgIds : none);
  const rows = await q.orderBy("org_id").orderBy("code").execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.code]);
  return out;
}

/** Obtained certifications (verified or not) per company: what matching treats as held. */
export async function obtainedCertificationsByCompany(db: DB, orgIds?: string[]): Promise<Map<string, string[]>> {
  let q = db.selectFrom("org_certifications").select(["org_id", "code"]).where("status", "=", "obtained");
  if (orgIds) q = q.where("org_id", "in", orgIds.length ? orgIds : none);
  const rows = await q.orderBy("org_id").orderBy("code").execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.code]);
  return out;
}

/** Ids of the companies with at least one completed testbed / verified certification (for list filters). */
export async function companiesWithSignal(db: DB, signal: "testbed" | "certification"): Promise<Set<string>> {
  if (signal === "testbed") {
    const rows = await db.selectFrom("track_records").select("org_id").distinct().where("kind", "=", "testbed").where("verified_at", "is not", null).execute();
    return new Set(rows.map((r) => r.org_id));
  }
  const rows = await db.selectFrom("org_certifications").select("org_id").distinct().where("status", "=", "obtained").where("verified_at", "is not", null).execute();
  return new Set(rows.map((r) => r.org_id));
}
