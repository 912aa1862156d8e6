/**
 * Zod-free constants the pitches pages use in the browser (list filters,
 * sorts, status intents) and the uuid check. Kept out of schemas.ts so the
 * list and detail pages do not ship zod (≈ 90 KB gzip); schemas.ts re-exports
 * them, so either import works.
 */
export { isUuid } from "~/modules/needs/list-options";

export const pitchStatusIntents = ["publish", "archive"] as const;
export type PitchStatusIntent = (typeof pitchStatusIntents)[number];

/** Preset amounts for the ask filter (KRW). */
export const ASK_STEPS = [100_000_000, 300_000_000, 500_000_000, 1_000_000_000, 3_000_000_000, 5_000_000_000, 10_000_000_000] as const;
export const pitchSorts = ["newest", "ask-low", "ask-high", "match"] as const;
export type PitchSort = (typeof pitchSorts)[number];
/** Validation signals an investor can filter on (signals.server.ts computes them). */
export const signalFilters = ["hospital", "testbed", "certification"] as const;
