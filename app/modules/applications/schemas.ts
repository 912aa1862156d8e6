import { z } from "zod";
import { optionalKrw, optionalText, requiredText, trl } from "~/modules/validation/fields";

/** Client-safe: application states, decline reasons and the form schemas (Conform + zod). */
export const applicationStatuses = ["submitted", "shortlisted", "accepted", "declined", "withdrawn"] as const;
export type ApplicationStatusCode = (typeof applicationStatuses)[number];

export const declineReasons = ["too-early", "outside-scope", "budget", "regulatory", "better-fit-elsewhere", "other"] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const statusTone = {
  submitted: "info",
  shortlisted: "warn",
  accepted: "success",
  declined: "danger",
  withdrawn: "default",
} as const;

export const ApplySchema = z.object({
  approach: requiredText(5000),
  team: optionalText(3000),
  trl: trl.optional().transform((v) => v ?? null),
  budgetKrw: optionalKrw,
  timeline: optionalText(2000),
  /** Files are parsed by the upload handler, not here; listed so the form has a field for their errors. */
  attachments: z.any().optional(),
});
export type ApplyInput = z.infer<typeof ApplySchema>;

export const MessageSchema = z.object({
  intent: z.literal("message"),
  body: requiredText(5000),
  attachments: z.any().optional(),
});

export const DecideSchema = z
  .object({
    intent: z.enum(["shortlist", "accept", "decline", "withdraw"], { error: "validation.invalid" }),
    reason: z.enum(declineReasons, { error: "applications:errors.reasonRequired" }).optional(),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "decline") return;
    if (!v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "applications:errors.reasonRequired" });
    else if (v.reason === "other" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "applications:errors.noteRequired" });
  });
export type DecideInput = z.infer<typeof DecideSchema>;
