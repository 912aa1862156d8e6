import { ROUND_CODES, type RoundCode } from "~/modules/pitches/rounds";

/**
 * Funding round codes an event can focus on: the same codes as `pitches.round`
 * (app/modules/pitches/rounds.ts, which also holds the labels).
 */
export const fundingRounds = ROUND_CODES;
export type FundingRound = RoundCode;

export function isFundingRound(v: unknown): v is FundingRound {
  return typeof v === "string" && (fundingRounds as readonly string[]).includes(v);
}

/** `stage_focus` is stored as comma-separated codes; unknown codes are dropped. */
export function parseStageFocus(v: string | null | undefined): FundingRound[] {
  return (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(isFundingRound);
}

export function formatStageFocus(codes: readonly string[]): string {
  return fundingRounds.filter((c) => codes.includes(c)).join(",");
}
