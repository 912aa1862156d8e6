import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/client";
import { jsonColumn } from "../../../db/queries/json";

/**
 * Validation signals of a company, shown to investors and used by matching:
 * facts the platform itself recorded, never claims typed into a pitch.
 * hospital collaborations (applications a hospital accepted), completed
 * hospital-confirmed testbeds (with the hospitals' names) and
 * operator-verified certifications.
 */
export type ValidationSignals = {
  hospitalCollaborations: number;
  testbeds: number;
  testbedHospitals: { ko: string; en: string }[];
  certifications: string[];
};

const EMPTY: ValidationSignals = { hospitalCollaborations: 0, testbeds: 0, testbedHospitals: [], certifications: [] };

/**
 * Signals for each company id (companies without any get zeros): one query,
 * the three facts as correlated subqueries per company (a page of pitches
 * names at most 20 companies).
 */
export async function signalsForCompanies(db: DB, orgIds: string[]): Promise<Map<string, ValidationSignals>> {
  const out = new Map<string, ValidationSignals>(orgIds.map((id) => [id, { ...EMPTY, testbedHospitals: [], certifications: [] }]));
  if (!orgIds.length) return out;
  const rows = await db
    .selectFrom("organizations as o")
    .select([
      "o.id",
      // Distinct hospitals that accepted a proposal of the company.
      sql<number>`(select count(distinct n.org_id)::int from applications a join needs n on n.id = a.need_id where a.company_org_id = o.id and a.status = 'accepted')`.as("hospitals"),
      // Completed, hospital-confirmed testbeds, newest first (as completedTestbedsByCompany orders them).
      sql<{ h: string | null; e: string | null }[] | null>`(
        select json_agg(json_build_object('h', h.name, 'e', h.name_en) order by tr.completed_on desc, tr.id)
        from track_records tr left join organizations h on h.id = tr.hospital_org_id
        where tr.org_id = o.id and tr.kind = 'testbed' and tr.verified_at is not null)`.as("testbeds"),
      // Operator-verified certifications (vocabulary codes).
      sql<string[] | null>`(
        select json_agg(c.code order by c.code) from org_certifications c
        where c.org_id = o.id and c.status = 'obtained' and c.verified_at is not null)`.as("certs"),
    ])
    .where("o.id", "in", orgIds)
    .execute();
  for (const r of rows) {
    const s = out.get(r.id)!;
    s.hospitalCollaborations = Number(r.hospitals ?? 0);
    const testbeds = jsonColumn(r.testbeds) ?? [];
    s.testbeds = testbeds.length;
    for (const t of testbeds) {
      const ko = t.h ?? "";
      if (ko && !s.testbedHospitals.some((x) => x.ko === ko)) s.testbedHospitals.push({ ko, en: t.e || ko });
    }
    s.certifications = jsonColumn(r.certs) ?? [];
  }
  return out;
}

/** SQL condition for the /pitches filter "has a signal", on the company id column `orgRef`. */
export function signalCondition(signal: "hospital" | "testbed" | "certification", orgRef: string): RawBuilder<SqlBool> {
  switch (signal) {
    case "hospital":
      return sql<SqlBool>`exists (select 1 from applications sa where sa.company_org_id = ${sql.ref(orgRef)} and sa.status = 'accepted')`;
    case "testbed":
      return sql<SqlBool>`exists (select 1 from track_records st where st.org_id = ${sql.ref(orgRef)} and st.kind = 'testbed' and st.verified_at is not null)`;
    case "certification":
      return sql<SqlBool>`exists (select 1 from org_certifications sc where sc.org_id = ${sql.ref(orgRef)} and sc.status = 'obtained' and sc.verified_at is not null)`;
  }
}
