/**
 * Funding rounds of a pitch (pitches.round, pitch_events.stage_focus), with
 * Korean and English labels. Pure data, safe for client and server. The codes
 * are the investment ladder of the matching module (tags.ts).
 */
import type { Label } from "../taxonomy/vocabulary";

export const ROUND_CODES = ["pre-seed", "seed", "pre-a", "series-a", "series-b", "series-c"] as const;
export type RoundCode = (typeof ROUND_CODES)[number];

export const rounds: { code: RoundCode; label: Label }[] = [
  { code: "pre-seed", label: { ko: "프리시드", en: "Pre-seed" } },
  { code: "seed", label: { ko: "시드", en: "Seed" } },
  { code: "pre-a", label: { ko: "프리 A", en: "Pre-Series A" } },
  { code: "series-a", label: { ko: "시리즈 A", en: "Series A" } },
  { code: "series-b", label: { ko: "시리즈 B", en: "Series B" } },
  { code: "series-c", label: { ko: "시리즈 C 이상", en: "Series C+" } },
];

export function isRound(v: unknown): v is RoundCode {
  return typeof v === "string" && (ROUND_CODES as readonly string[]).includes(v);
}

export function roundLabel(code: string | null | undefined, lng: string): string {
  const r = rounds.find((x) => x.code === code);
  if (!r) return code ?? "";
  return lng === "en" ? r.label.en : r.label.ko;
}

/**
 * An investor's preferred stages. The profile stores company growth stages
 * (벤처·스타트업, 중소기업, …) for investors too; until investors pick rounds
 * directly, each growth stage stands for the rounds such companies usually raise.
 * Round codes given directly (org_terms kind "round") are used as they are.
 */
const GROWTH_TO_ROUNDS: Record<string, RoundCode[]> = {
  venture: ["pre-seed", "seed", "pre-a", "series-a"],
  sme: ["series-a", "series-b"],
  midsize: ["series-b", "series-c"],
  overseas: ["series-c"],
};

export function investorRounds(terms: { growth_stage?: string[]; round?: string[] }): RoundCode[] {
  const direct = (terms.round ?? []).filter(isRound);
  if (direct.length) return direct;
  const out = new Set<RoundCode>();
  for (const g of terms.growth_stage ?? []) for (const r of GROWTH_TO_ROUNDS[g] ?? []) out.add(r);
  return ROUND_CODES.filter((r) => out.has(r));
}
