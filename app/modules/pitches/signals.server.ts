import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/client";
import { completedTestbedsByCompany, verifiedCertificationsByCompany } from "../testbeds/signals.server";

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

/** Signals for each company id (companies without any get zeros). */
export async function signalsForCompanies(db: DB, orgIds: string[]): Promise<Map<string, ValidationSignals>> {
  const out = new Map<string, ValidationSignals>(orgIds.map((id) => [id, { ...EMPTY, testbedHospitals: [], certifications: [] }]));
  if (!orgIds.length) return out;
  // Distinct hospitals that accepted a proposal of the company.
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("needs as n", "n.id", "a.need_id")
    .select(["a.company_org_id", sql<number>`count(distinct n.org_id)::int`.as("hospitals")])
    .where("a.status", "=", "accepted")
    .where("a.company_org_id", "in", orgIds)
    .groupBy("a.company_org_id")
    .execute();
  for (const r of rows) out.get(r.company_org_id)!.hospitalCollaborations = Number(r.hospitals);
  const [testbeds, certs] = await Promise.all([completedTestbedsByCompany(db, orgIds), verifiedCertificationsByCompany(db, orgIds)]);
  for (const [id, s] of out) {
    const tb = testbeds.get(id);
    if (tb) {
      s.testbeds = tb.count;
      s.testbedHospitals = tb.hospitals.map((ko, i) => ({ ko, en: tb.hospitalsEn[i] ?? ko }));
    }
    s.certifications = certs.get(id) ?? [];
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
