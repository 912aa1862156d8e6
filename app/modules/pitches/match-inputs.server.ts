import type { DB } from "../../../db/client";
import { groupTerms } from "../../../db/queries/terms";
import type { InvestorInput, PitchInput } from "~/modules/matching/types";
import { investorRounds } from "./rounds";
import { signalsForCompanies } from "./signals.server";

/**
 * What the pitch ↔ investor index scores: only what the other side may read.
 * Pitches: published, not hidden, of a verified company (investors may read
 * these in full). Investors: verified, their public thesis and preferences.
 */
const NONE = ["00000000-0000-0000-0000-000000000000"];

export async function pitchMatchInputs(db: DB, ids?: string[]): Promise<PitchInput[]> {
  let q = db
    .selectFrom("pitches as p")
    .innerJoin("organizations as o", "o.id", "p.org_id")
    .select(["p.id", "p.org_id", "p.title", "p.one_liner", "p.problem", "p.solution", "p.market", "p.traction", "p.round", "p.ask_krw"])
    .where("p.status", "=", "published")
    .where("p.hidden_at", "is", null)
    .where("o.status", "=", "verified");
  if (ids) q = q.where("p.id", "in", ids.length ? ids : NONE);
  const rows = await q.execute();
  if (!rows.length) return [];
  const termRows = await db
    .selectFrom("pitch_terms")
    .select(["pitch_id", "kind", "code"])
    .where(
      "pitch_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const terms = groupTerms(termRows, (r) => r.pitch_id);
  const signals = await signalsForCompanies(db, [...new Set(rows.map((r) => r.org_id))]);
  return rows.map((r) => {
    const s = signals.get(r.org_id);
    return {
      id: r.id,
      title: r.title,
      oneLiner: r.one_liner,
      problem: r.problem,
      solution: r.solution,
      market: r.market,
      traction: r.traction,
      techFields: terms.get(r.id)?.tech_field,
      stage: r.round ?? undefined,
      askKrw: r.ask_krw === null ? undefined : Number(r.ask_krw),
      validation: s ? { hospitalCollaborations: s.hospitalCollaborations, testbeds: s.testbeds, certifications: s.certifications } : undefined,
    };
  });
}

export async function investorMatchInputs(db: DB, ids?: string[]): Promise<InvestorInput[]> {
  let q = db
    .selectFrom("organizations")
    .select(["id", "name", "thesis", "description", "description_en", "ticket_min_krw", "ticket_max_krw"])
    .where("kind", "=", "investor")
    .where("status", "=", "verified");
  if (ids) q = q.where("id", "in", ids.length ? ids : NONE);
  const rows = await q.execute();
  if (!rows.length) return [];
  const termRows = await db
    .selectFrom("org_terms")
    .select(["org_id", "kind", "code"])
    .where(
      "org_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const terms = groupTerms(termRows, (r) => r.org_id);
  return rows.map((r) => {
    const t = terms.get(r.id) ?? {};
    return {
      id: r.id,
      name: r.name,
      thesis: [r.thesis, r.description, r.description_en].filter(Boolean).join("\n"),
      techFields: t.tech_field,
      stages: investorRounds(t),
      ticketMinKrw: r.ticket_min_krw === null ? undefined : Number(r.ticket_min_krw),
      ticketMaxKrw: r.ticket_max_krw === null ? undefined : Number(r.ticket_max_krw),
    };
  });
}
