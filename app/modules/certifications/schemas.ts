import { z } from "zod";
import { isoDate } from "~/modules/needs/schemas";
import { certifications } from "~/modules/taxonomy/vocabulary";
import { optionalText } from "~/modules/validation/fields";

/** Certification readiness checklist: one row per certification code. Client-safe. */
export const certificationStatuses = ["planned", "in-progress", "obtained"] as const;
export type CertStatus = (typeof certificationStatuses)[number];

export const certificationCodes = certifications.map((c) => c.code) as [string, ...string[]];

export const CertificationSchema = z.object({
  code: z.enum(certificationCodes, { error: "validation.invalidChoice" }),
  status: z.enum(certificationStatuses, { error: "validation.invalidChoice" }),
  statusOn: isoDate.optional(),
  note: optionalText(500),
});
export type CertificationInput = z.infer<typeof CertificationSchema>;
