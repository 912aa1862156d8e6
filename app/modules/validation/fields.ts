import { z } from "zod";
import { isValidBusinessNumber, normalizeBusinessNumber } from "./business-number";

/**
 * Field schemas shared by every form, with their messages. Messages are i18n
 * keys (namespace `common`, `validation.*`) so the same schema speaks Korean
 * and English next to the field.
 */
/** PostgreSQL text cannot hold NUL; other control characters but tab/newline are noise. */
const stripControl = (v: string) => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

export const requiredText = (max = 200) =>
  z
    .string({ error: "validation.required" })
    .overwrite(stripControl)
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });

export const optionalText = (max = 5000) =>
  z
    .string({ error: "validation.invalid" })
    .overwrite(stripControl)
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => v ?? "");

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

/** ASVS: at least 8 characters, no composition rules, long passphrases allowed. */
export const newPassword = z
  .string({ error: "validation.required" })
  .min(8, { error: "validation.passwordMin" })
  .max(128, { error: "validation.passwordMax" });

export const anyPassword = z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(1024, { error: "validation.tooLong" });

export const businessNumber = z
  .string({ error: "validation.required" })
  .trim()
  .refine((v) => isValidBusinessNumber(v), { error: "validation.businessNo" })
  .transform(normalizeBusinessNumber);

/** Korean won as a whole number, written with or without separators (5,000,000). */
export const krw = z
  .string({ error: "validation.krw" })
  .trim()
  .transform((v) => v.replace(/[,\s원₩]/g, ""))
  .pipe(z.string().regex(/^\d{1,15}$/, { error: "validation.krw" }))
  .transform((v) => Number(v));

/** An optional KRW amount: empty → null; anything else must be digits (with optional separators). */
export const optionalKrw = z
  .string({ error: "validation.krw" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return null;
    const digits = v.replace(/[,\s원₩]/g, "");
    if (!/^\d{1,15}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "validation.krw" });
      return z.NEVER;
    }
    return Number(digits);
  });

export const trl = z.coerce.number({ error: "validation.trl" }).int({ error: "validation.trl" }).min(1, { error: "validation.trl" }).max(9, { error: "validation.trl" });

/** A list of codes from a controlled vocabulary; unknown codes are refused. */
export const codeList = (allowed: readonly string[], max = 20) =>
  z
    .union([z.string(), z.array(z.string())], { error: "validation.invalid" })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(allowed as [string, ...string[]], { error: "validation.invalidChoice" })).max(max, { error: "validation.tooMany" }))
    .transform((v) => Array.from(new Set(v)));
