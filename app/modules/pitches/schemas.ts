import { z } from "zod";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { codeList, krw, optionalText, requiredText, trl } from "~/modules/validation/fields";
import { pitchSorts, signalFilters } from "./list-options";
import { ROUND_CODES } from "./rounds";

const codes = (terms: { code: string }[]) => terms.map((t) => t.code);
const optionalKrw = krw.optional().transform((v) => v ?? null);

/**
 * The pitch form (create and edit). Unknown fields are dropped by zod and the
 * module writes an explicit column list (no mass assignment). The deck is a
 * file part read by the upload parser, not part of this schema.
 */
export const PitchSchema = z.object({
  title: requiredText(120),
  oneLiner: requiredText(200),
  problem: optionalText(5000),
  solution: optionalText(5000),
  market: optionalText(5000),
  traction: optionalText(5000),
  team: optionalText(5000),
  askKrw: optionalKrw,
  round: z
    .enum(ROUND_CODES, { error: "validation.invalidChoice" })
    .optional()
    .transform((v) => v ?? null),
  techFields: codeList(codes(techFields)),
  clinicalAreas: codeList(codes(clinicalAreas)),
  trl: trl.optional(),
});
export type PitchInput = z.infer<typeof PitchSchema>;

const fallback = <T extends z.ZodType>(schema: T, value: z.output<T>) => schema.catch(value);
const amount = fallback(z.coerce.number().int().min(0).max(1e15).optional(), undefined);

/** Query string of /pitches: anything unexpected falls back to its default, never an error. */
export const PitchListQuerySchema = z.object({
  q: fallback(z.string().trim().transform((v) => v.slice(0, 100)), "").default(""),
  field: fallback(z.enum(codes(techFields) as [string, ...string[]]).optional(), undefined),
  area: fallback(z.enum(codes(clinicalAreas) as [string, ...string[]]).optional(), undefined),
  round: fallback(z.enum(ROUND_CODES).optional(), undefined),
  askMin: amount,
  askMax: amount,
  signal: fallback(z.enum(signalFilters).optional(), undefined),
  /** The company's growth stage (organizations.growth_stage). */
  stage: fallback(z.enum(codes(growthStages) as [string, ...string[]]).optional(), undefined),
  sort: fallback(z.enum(pitchSorts), "newest").default("newest"),
  page: fallback(z.coerce.number().int().min(1).max(10_000), 1).default(1),
});
export type PitchListQuery = z.infer<typeof PitchListQuerySchema>;

export function parsePitchListQuery(sp: URLSearchParams): PitchListQuery {
  const raw: Record<string, string> = {};
  for (const key of ["q", "field", "area", "round", "askMin", "askMax", "signal", "stage", "sort", "page"]) {
    const v = sp.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  return PitchListQuerySchema.parse(raw);
}

export * from "./list-options";
