import { z } from "zod";

/** Client-safe: the forms of the operator console. Error messages are i18n keys. */
export const MODERATION_TYPES = ["need", "pitch", "testbed", "message"] as const;
export type ModerationType = (typeof MODERATION_TYPES)[number];

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: "validation.invalidChoice" });

export const HideSchema = z.object({
  intent: z.literal("hide"),
  type: z.enum(MODERATION_TYPES, { error: "validation.invalidChoice" }),
  id: uuid,
  reason: z
    .string({ error: "admin:validation.reasonRequired" })
    .trim()
    .min(2, { error: "admin:validation.reasonRequired" })
    .max(500, { error: "validation.tooLong" }),
});

export const RestoreSchema = z.object({
  intent: z.literal("restore"),
  type: z.enum(MODERATION_TYPES, { error: "validation.invalidChoice" }),
  id: uuid,
});

export const UserActionSchema = z.object({
  intent: z.enum(["disable", "enable"], { error: "validation.invalidChoice" }),
  userId: uuid,
  /** The confirmation checkbox: destructive actions are never one click. */
  confirm: z.literal("yes", { error: "admin:validation.confirm" }).optional(),
});

export const OwnerSchema = z.object({
  intent: z.literal("owner"),
  userId: uuid,
  confirm: z.literal("yes", { error: "admin:validation.confirm" }),
});

export { uuid as UuidSchema };
