import { z } from "zod";
import { optionalKrw, optionalText, requiredText, trl } from "~/modules/validation/fields";
import { declineReasons } from "./status-options";

/** Client-safe: the form schemas (Conform + zod). States, reasons and tones live in the zod-free status-options.ts (re-exported here). */
export * from "./status-options";

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
