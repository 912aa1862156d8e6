import { z } from "zod";
import { isoDate } from "~/modules/needs/schemas";
import { codeList, optionalText, requiredText } from "~/modules/validation/fields";
import { seoulLocalToDate } from "./dates";
import { fundingRounds } from "./rounds";

/**
 * Forms of the pitch events ("나는 바이오벤처다" rounds). Client-safe: the same
 * schemas validate in the browser (Conform) and on the server. Messages are
 * i18n keys.
 */

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const EventSchema = z
  .object({
    name: requiredText(150),
    nameEn: optionalText(150),
    description: optionalText(5000),
    startsAt: z
      .string({ error: "events:validation.startsAt" })
      .trim()
      .refine((v) => seoulLocalToDate(v) !== null, { error: "events:validation.startsAt" }),
    online: checkbox,
    place: optionalText(200),
    stageFocus: codeList(fundingRounds),
    applyOpensOn: isoDate,
    applyClosesOn: isoDate,
    cohortSize: z.coerce
      .number({ error: "events:validation.cohortSize" })
      .int({ error: "events:validation.cohortSize" })
      .min(1, { error: "events:validation.cohortSize" })
      .max(100, { error: "events:validation.cohortSize" })
      .optional(),
  })
  .refine((v) => v.online || v.place.length > 0, { path: ["place"], error: "events:validation.place" })
  .refine((v) => v.applyOpensOn <= v.applyClosesOn, { path: ["applyClosesOn"], error: "events:validation.windowOrder" });

export type EventInput = z.infer<typeof EventSchema>;

const uuid = z.uuid({ error: "validation.invalidChoice" });

/** A company applies with one of its published pitches. */
export const ApplySchema = z.object({ pitchId: uuid });

const score = z.coerce
  .number({ error: "events:validation.score" })
  .int({ error: "events:validation.score" })
  .min(1, { error: "events:validation.score" })
  .max(5, { error: "events:validation.score" });

/** A registered investor's rating of one cohort pitch. */
export const RateSchema = z.object({
  pitchId: uuid,
  team: score,
  technology: score,
  market: score,
  comment: optionalText(2000),
});
export type RateInput = z.infer<typeof RateSchema>;

export const DecideSchema = z.object({
  applicationId: uuid,
  decision: z.enum(["selected", "not-selected", "applied"], { error: "validation.invalidChoice" }),
});
export type DecideInput = z.infer<typeof DecideSchema>;

export const ratingParts = ["team", "technology", "market"] as const;
