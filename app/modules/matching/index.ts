/**
 * Match scoring (pure, deterministic, no I/O). See docs in score.ts (weights,
 * rounding, gate) and match-index.ts (exact top-K).
 */
export type * from "./types";
export { NeedCompanyIndex, PitchInvestorIndex, TopK, type QueryStats } from "./match-index";
export {
  explainNeedCompany,
  explainPitchInvestor,
  ncScore10,
  piScore10,
  prepareNeed,
  prepareCompany,
  prepareInvestor,
  preparePitch,
  GATE_FAIL_KEEP,
  NC_KEYS,
  NC_WEIGHTS,
  PI_KEYS,
  PI_WEIGHTS,
  type ScoringOptions,
  type PreparedNeed,
  type PreparedCompany,
  type PreparedInvestor,
  type PreparedPitch,
} from "./score";
export { formatReason, renderReason, formatSuggestion, formatKrw, REASON_KEYS, type Lng } from "./reasons";
export { suggestForCompany, suggestForPitch } from "./suggestions";
export { parseMatchInput, type MatchInput, type ParseResult } from "./input";
export { parseCliArgs, scoreInput, scorePairs, USAGE, type CliArgs, type OutPair, type OutPart } from "./cli";
export { analyze, DEFAULT_ANALYZER, type AnalyzerOptions } from "./text";
export { normaliseTag, normaliseTags, type TagRef } from "./tags";
