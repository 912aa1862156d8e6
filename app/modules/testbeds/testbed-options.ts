/**
 * Zod-free testbed (가늠터) codes the browser uses (list filters, badges,
 * request tabs and intents). Kept out of schemas.ts so the list pages do not
 * ship zod (≈ 90 KB gzip); schemas.ts re-exports them, so either import works.
 */
export const irbStatuses = ["not-required", "required", "in-review", "approved"] as const;
export type IrbStatus = (typeof irbStatuses)[number];

export const offerStatuses = ["draft", "open", "closed"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** Why a hospital declines a request: a closed list so both languages can label it. */
export const declineReasons = ["capacity-full", "out-of-scope", "schedule-conflict", "irb-not-feasible", "plan-incomplete", "other"] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const requestStatuses = ["requested", "approved", "declined", "in-progress", "completed", "withdrawn"] as const;

export const offerStatusIntents = ["publish", "close", "reopen"] as const;
export type OfferStatusIntent = (typeof offerStatusIntents)[number];

export const requestIntents = ["approve", "decline", "start", "complete", "withdraw"] as const;
export type RequestIntent = (typeof requestIntents)[number];

/** Which side of the request list to show. */
export const requestListTabs = ["active", "done", "all"] as const;
