import { z } from "zod";
import { optionalKrw, optionalText, requiredText } from "~/modules/validation/fields";
import { dealStages, MAX_DAYS_AHEAD, meetingDeclineReasons, passReasons, seoulLocalToDate, UUID_RE } from "./deal-options";

/**
 * Client-safe: the form schemas (Conform + zod). Error messages are i18n keys.
 * The codes, tones and Seoul-time helpers live in the zod-free
 * deal-options.ts (re-exported here) so list pages need not ship zod.
 */
export * from "./deal-options";

// Each time is checked on its own, so a past or malformed time is reported even when
// another field (say, an empty message) fails: object-level steps run only on valid objects.
const slotField = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(40, { error: "validation.invalid" })
  .optional()
  .superRefine((raw, ctx) => {
    if (!raw) return;
    const d = seoulLocalToDate(raw);
    const now = Date.now();
    if (!d) ctx.addIssue({ code: "custom", message: "deals:errors.slotInvalid" });
    else if (d.getTime() <= now) ctx.addIssue({ code: "custom", message: "deals:errors.slotPast" });
    else if (d.getTime() > now + MAX_DAYS_AHEAD * 86_400_000) ctx.addIssue({ code: "custom", message: "deals:errors.slotTooFar" });
  });

export const MeetingRequestSchema = z
  .object({
    slot1: slotField,
    slot2: slotField,
    slot3: slotField,
    durationMinutes: z.coerce
      .number({ error: "deals:errors.duration" })
      .int({ error: "deals:errors.duration" })
      .min(15, { error: "deals:errors.duration" })
      .max(480, { error: "deals:errors.duration" }),
    location: optionalText(300),
    message: requiredText(2000),
  })
  .transform((v, ctx) => {
    const now = Date.now();
    const slots: Date[] = [];
    const seen = new Set<number>();
    (["slot1", "slot2", "slot3"] as const).forEach((key) => {
      const raw = v[key];
      if (!raw) return;
      const d = seoulLocalToDate(raw);
      // Invalid, past and too-far times were reported by the field itself; these checks stay for what reaches here.
      if (!d) return void ctx.addIssue({ code: "custom", path: [key], message: "deals:errors.slotInvalid" });
      if (d.getTime() <= now) return void ctx.addIssue({ code: "custom", path: [key], message: "deals:errors.slotPast" });
      if (d.getTime() > now + MAX_DAYS_AHEAD * 86_400_000) return void ctx.addIssue({ code: "custom", path: [key], message: "deals:errors.slotTooFar" });
      if (seen.has(d.getTime())) return void ctx.addIssue({ code: "custom", path: [key], message: "deals:errors.slotDuplicate" });
      seen.add(d.getTime());
      slots.push(d);
    });
    if (!v.slot1 && !v.slot2 && !v.slot3) ctx.addIssue({ code: "custom", path: ["slot1"], message: "deals:errors.slotRequired" });
    slots.sort((a, b) => a.getTime() - b.getTime());
    return { slots, durationMinutes: v.durationMinutes, location: v.location, message: v.message };
  });
export type MeetingRequestInput = z.infer<typeof MeetingRequestSchema>;

export const MeetingRespondSchema = z
  .object({
    intent: z.enum(["accept", "decline", "cancel"], { error: "validation.invalid" }),
    slot: z.coerce.number({ error: "deals:errors.slotChoose" }).int().min(1, { error: "deals:errors.slotChoose" }).max(3, { error: "deals:errors.slotChoose" }).optional(),
    reason: z.enum(meetingDeclineReasons, { error: "deals:errors.reasonRequired" }).optional(),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "accept" && !v.slot) ctx.addIssue({ code: "custom", path: ["slot"], message: "deals:errors.slotChoose" });
    if (v.intent === "decline") {
      if (!v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "deals:errors.reasonRequired" });
      else if (v.reason === "other" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "deals:errors.noteRequired" });
    }
  });
export type MeetingRespondInput = z.infer<typeof MeetingRespondSchema>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const StageSchema = z
  .object({
    intent: z.literal("stage"),
    stage: z.enum(dealStages, { error: "deals:errors.stageRequired" }),
    amountKrw: optionalKrw,
    investedOn: z.string({ error: "validation.invalid" }).trim().max(10, { error: "deals:errors.date" }).optional(),
    passReason: z.enum(passReasons, { error: "deals:errors.passReasonRequired" }).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.stage === "committed" || v.stage === "invested") && (v.amountKrw == null || v.amountKrw <= 0)) {
      ctx.addIssue({ code: "custom", path: ["amountKrw"], message: "deals:errors.amountRequired" });
    }
    if (v.stage === "invested") {
      const ok = !!v.investedOn && DATE_RE.test(v.investedOn) && !Number.isNaN(Date.parse(`${v.investedOn}T00:00:00Z`)) && new Date(`${v.investedOn}T00:00:00Z`).toISOString().startsWith(v.investedOn);
      if (!ok) ctx.addIssue({ code: "custom", path: ["investedOn"], message: "deals:errors.date" });
      else if (v.investedOn! < "2000-01-01" || v.investedOn! > "2100-12-31") ctx.addIssue({ code: "custom", path: ["investedOn"], message: "deals:errors.date" });
    }
    if (v.stage === "passed" && !v.passReason) ctx.addIssue({ code: "custom", path: ["passReason"], message: "deals:errors.passReasonRequired" });
  });
export type StageInput = z.infer<typeof StageSchema>;

export const NoteSchema = z.object({
  intent: z.literal("note"),
  body: requiredText(5000),
});

export const WatchSchema = z.object({
  intent: z.literal("watch"),
  pitchId: z.string().regex(UUID_RE),
});
