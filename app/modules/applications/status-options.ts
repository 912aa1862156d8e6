/**
 * Zod-free application states, decline reasons and badge tones the browser
 * uses (status badges, the applications list, the dashboard). Kept out of
 * schemas.ts so those pages do not ship zod (≈ 90 KB gzip); schemas.ts
 * re-exports them, so either import works.
 */
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
