import { z } from "zod";
import { anyPassword, businessNumber, email, newPassword, requiredText } from "~/modules/validation/fields";

export const LoginSchema = z.object({
  email,
  password: anyPassword,
  redirectTo: z.string().max(500).optional(),
});

export const institutionTypes = ["tertiary", "general", "hospital", "clinic", "research"] as const;
export const signupKinds = ["hospital", "company", "investor"] as const;

const person = {
  name: requiredText(60),
  email,
  password: newPassword,
};

export const SignupSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({
      mode: z.literal("new-org"),
      ...person,
      orgKind: z.enum(signupKinds, { error: "validation.orgKind" }),
      orgName: requiredText(100),
      businessNo: businessNumber,
      institutionType: z.enum(institutionTypes, { error: "validation.invalidChoice" }).optional(),
      website: z.string({ error: "validation.invalid" }).trim().max(200, { error: "validation.tooLong" }).optional(),
    }),
    z.object({
      mode: z.literal("invite"),
      ...person,
      invite: z.string({ error: "validation.required" }).min(20).max(200),
    }),
  ],
  { error: "validation.invalid" },
);

export const ForgotSchema = z.object({ email });

export const ResetSchema = z
  .object({
    token: z.string({ error: "validation.required" }).min(20).max(200),
    password: newPassword,
    confirm: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });

export const ChangePasswordSchema = z
  .object({
    current: anyPassword,
    password: newPassword,
    confirm: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });
