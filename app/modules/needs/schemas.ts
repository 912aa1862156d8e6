import { z } from "zod";
import { certifications, clinicalAreas, collaborationTypes, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { codeList, krw, optionalText, requiredText, trl } from "~/modules/validation/fields";
import { deadlineFilters, listSorts } from "./list-options";

// Not the shared `optionalKrw`: its union reports zod's generic "Invalid input"
// instead of validation.krw for a non-numeric amount.
const optionalKrw = krw.optional().transform((v) => v ?? null);

const codes = (terms: { code: string }[]) => terms.map((t) => t.code);

/** Adoption-pathway card: small closed lists so both languages can label them. */
export const adoptionPayers = ["hospital", "government", "insurance", "company", "patient", "undecided"] as const;
export const adoptionRoutes = ["direct-purchase", "public-tender", "innovative-procurement", "pilot-then-purchase", "research-only", "undecided"] as const;
export const adoptionReimbursements = ["covered", "non-covered", "new-health-tech", "innovative-pathway", "not-applicable", "undecided"] as const;

/** A calendar date (YYYY-MM-DD) that exists. */
export const isoDate = z
  .string({ error: "needs:validation.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "needs:validation.date" })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      const y = d.getUTCFullYear();
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && y >= 2000 && y <= 2100;
    },
    { error: "needs:validation.date" },
  );

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values, { error: "validation.invalidChoice" })
    .optional()
    .transform((v) => v ?? "");

/**
 * The need form (create and edit). Unknown fields are dropped by zod and the
 * module writes an explicit column list (no mass assignment).
 */
export const NeedSchema = z
  .object({
    title: requiredText(120),
    summary: requiredText(2000),
    details: optionalText(20000),
    clinicalAreas: codeList(codes(clinicalAreas)),
    techFields: codeList(codes(techFields)),
    collaborationTypes: codeList(codes(collaborationTypes)),
    certifications: codeList(codes(certifications)),
    /** Company growth stages the need suits (optional; a filter on /needs). */
    growthStages: codeList(codes(growthStages)),
    trlMin: trl.optional(),
    trlMax: trl.optional(),
    budgetMinKrw: optionalKrw,
    budgetMaxKrw: optionalKrw,
    durationMonths: z.coerce
      .number({ error: "needs:validation.duration" })
      .int({ error: "needs:validation.duration" })
      .min(1, { error: "needs:validation.duration" })
      .max(120, { error: "needs:validation.duration" })
      .optional(),
    deadline: isoDate.optional(),
    programCallId: z.uuid({ error: "validation.invalidChoice" }).optional(),
    adoptionPayer: optionalEnum(adoptionPayers),
    adoptionRoute: optionalEnum(adoptionRoutes),
    adoptionReimbursement: optionalEnum(adoptionReimbursements),
    ndaText: optionalText(10000),
  })
  .refine((v) => v.trlMin === undefined || v.trlMax === undefined || v.trlMin <= v.trlMax, { path: ["trlMax"], error: "validation.rangeOrder" })
  .refine((v) => v.budgetMinKrw === null || v.budgetMaxKrw === null || v.budgetMinKrw <= v.budgetMaxKrw, {
    path: ["budgetMaxKrw"],
    error: "validation.rangeOrder",
  });

export type NeedInput = z.infer<typeof NeedSchema>;

export const needStatusIntents = ["publish", "close", "match", "reopen"] as const;
export type NeedStatusIntent = (typeof needStatusIntents)[number];

/** Query string of /needs: anything unexpected falls back to its default, never an error. */
// listSorts, deadlineFilters and isUuid live in list-options.ts (no zod: the browser bundles of the list and detail pages stay small).
export { deadlineFilters, isUuid, listSorts } from "./list-options";
const fallback = <T extends z.ZodType>(schema: T, value: z.output<T>) => schema.catch(value);

export const NeedListQuerySchema = z.object({
  q: fallback(z.string().trim().transform((v) => v.slice(0, 100)), "").default(""),
  area: fallback(z.enum(codes(clinicalAreas) as [string, ...string[]]).optional(), undefined),
  field: fallback(z.enum(codes(techFields) as [string, ...string[]]).optional(), undefined),
  type: fallback(z.enum(codes(collaborationTypes) as [string, ...string[]]).optional(), undefined),
  stage: fallback(z.enum(codes(growthStages) as [string, ...string[]]).optional(), undefined),
  deadline: fallback(z.enum(deadlineFilters), "all").default("all"),
  sort: fallback(z.enum(listSorts), "newest").default("newest"),
  page: fallback(z.coerce.number().int().min(1).max(10_000), 1).default(1),
});
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;

/** Parse URLSearchParams; empty strings count as "not given". */
export function parseListQuery(sp: URLSearchParams): NeedListQuery {
  const raw: Record<string, string> = {};
  for (const key of ["q", "area", "field", "type", "stage", "deadline", "sort", "page"]) {
    const v = sp.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  return NeedListQuerySchema.parse(raw);
}

export const CallSchema = z
  .object({
    name: requiredText(150),
    nameEn: optionalText(150),
    description: optionalText(5000),
    eligibility: optionalText(3000),
    budgetKrw: optionalKrw,
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, { path: ["endsOn"], error: "validation.rangeOrder" });
export type CallInput = z.infer<typeof CallSchema>;


