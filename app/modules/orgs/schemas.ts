import { z } from "zod";
import { ROUND_CODES } from "~/modules/pitches/rounds";
import { certifications, clinicalAreas, collaborationTypes, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { codeList, email, optionalKrw, optionalText, requiredText } from "~/modules/validation/fields";
import { institutionTypes } from "~/modules/auth/schemas";

const codes = (terms: { code: string }[]) => terms.map((t) => t.code);

export const investorTypes = ["vc", "cvc", "angel", "accelerator", "public"] as const;

/**
 * One schema for the profile form. Fields that do not belong to the
 * organisation's kind are dropped by the module (no mass assignment).
 */
export const ProfileSchema = z
  .object({
    name: requiredText(100),
    nameEn: optionalText(100),
    description: optionalText(3000),
    descriptionEn: optionalText(3000),
    website: z
      .string()
      .trim()
      .max(200, { error: "validation.tooLong" })
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { error: "validation.url" })
      .optional(),
    region: optionalText(50),
    institutionType: z.enum(institutionTypes, { error: "validation.invalidChoice" }).optional(),
    growthStage: z.enum(codes(growthStages) as [string, ...string[]], { error: "validation.invalidChoice" }).optional(),
    products: optionalText(2000),
    trl: z.coerce.number({ error: "validation.trl" }).int({ error: "validation.trl" }).min(1, { error: "validation.trl" }).max(9, { error: "validation.trl" }).optional(),
    thesis: optionalText(3000),
    investorType: z.enum(investorTypes, { error: "validation.invalidChoice" }).optional(),
    ticketMinKrw: optionalKrw,
    ticketMaxKrw: optionalKrw,
    techFields: codeList(codes(techFields)),
    clinicalAreas: codeList(codes(clinicalAreas)),
    collaborationTypes: codeList(codes(collaborationTypes)),
    certifications: codeList(codes(certifications)),
    stages: codeList(codes(growthStages)),
    rounds: codeList([...ROUND_CODES]),
  })
  .refine((v) => v.ticketMinKrw === null || v.ticketMaxKrw === null || v.ticketMinKrw <= v.ticketMaxKrw, {
    path: ["ticketMaxKrw"],
    error: "validation.rangeOrder",
  });

export type ProfileInput = z.infer<typeof ProfileSchema>;

export const InviteSchema = z.object({ intent: z.literal("invite"), email });
export const MemberSchema = z.object({ intent: z.enum(["remove", "transfer"]), userId: z.uuid({ error: "validation.invalid" }) });
export const RevokeInviteSchema = z.object({ intent: z.literal("revoke-invite"), inviteId: z.uuid({ error: "validation.invalid" }) });

export const RejectSchema = z.object({
  intent: z.literal("reject"),
  orgId: z.uuid({ error: "validation.invalid" }),
  reason: requiredText(500),
});
export const VerifySchema = z.object({ intent: z.literal("verify"), orgId: z.uuid({ error: "validation.invalid" }) });
