import { z } from "zod";
import { isoDate } from "~/modules/needs/schemas";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { codeList, optionalText, requiredText } from "~/modules/validation/fields";
import { declineReasons, irbStatuses } from "./testbed-options";

/**
 * Testbed (가늠터) forms and list query. Client-safe: shared by the routes'
 * actions and the browser (useZodForm). Messages are i18n keys. The codes
 * live in the zod-free testbed-options.ts (re-exported here).
 */
export * from "./testbed-options";

const codes = (terms: { code: string }[]) => terms.map((t) => t.code);

const capacity = z.coerce
  .number({ error: "testbeds:validation.capacity" })
  .int({ error: "testbeds:validation.capacity" })
  .min(1, { error: "testbeds:validation.capacity" })
  .max(1000, { error: "testbeds:validation.capacity" });

/** The offer form (create and edit). Unknown fields are dropped; the module writes an explicit column list. */
export const OfferSchema = z
  .object({
    title: requiredText(120),
    department: optionalText(100),
    description: requiredText(4000),
    equipment: optionalText(2000),
    capacity: capacity.optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    irbStatus: z.enum(irbStatuses, { error: "validation.invalidChoice" }).default("not-required"),
    costSupport: optionalText(1000),
    clinicalAreas: codeList(codes(clinicalAreas)),
    techFields: codeList(codes(techFields)),
    growthStages: codeList(codes(growthStages)),
  })
  .refine((v) => !v.periodStart || !v.periodEnd || v.periodStart <= v.periodEnd, { path: ["periodEnd"], error: "validation.rangeOrder" });
export type OfferInput = z.infer<typeof OfferSchema>;

/** A company's request for a slot. */
export const RequestSchema = z.object({
  plan: requiredText(4000).refine((v) => Array.from(v).length >= 20, { error: "testbeds:validation.planShort" }),
  preferredStart: isoDate.optional(),
});
export type RequestInput = z.infer<typeof RequestSchema>;

/** The hospital declines with a reason code; "other" needs a short note. */
export const DeclineSchema = z
  .object({
    reason: z.enum(declineReasons, { error: "testbeds:validation.reason" }),
    note: optionalText(1000),
  })
  .refine((v) => v.reason !== "other" || v.note.length > 0, { path: ["note"], error: "testbeds:validation.noteForOther" });

/** Completion: a short outcome statement the hospital confirms. */
export const CompleteSchema = z.object({
  outcome: requiredText(600).refine((v) => Array.from(v).length >= 10, { error: "testbeds:validation.outcomeShort" }),
  confirm: z.literal("on", { error: "testbeds:validation.confirm" }),
});

const fallback = <T extends z.ZodType>(schema: T, value: z.output<T>) => schema.catch(value);
const oneOf = (values: string[]) => fallback(z.enum(values as [string, ...string[]]).optional(), undefined);

/** Query string of /testbeds: anything unexpected falls back to its default, never an error. */
export const OfferListQuerySchema = z.object({
  q: fallback(z.string().trim().transform((v) => v.slice(0, 100)), "").default(""),
  area: oneOf(codes(clinicalAreas)),
  field: oneOf(codes(techFields)),
  stage: oneOf(codes(growthStages)),
  irb: oneOf([...irbStatuses]),
  page: fallback(z.coerce.number().int().min(1).max(10_000), 1).default(1),
});
export type OfferListQuery = z.infer<typeof OfferListQuerySchema>;

export function parseOfferListQuery(sp: URLSearchParams): OfferListQuery {
  const raw: Record<string, string> = {};
  for (const key of ["q", "area", "field", "stage", "irb", "page"]) {
    const v = sp.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  return OfferListQuerySchema.parse(raw);
}
