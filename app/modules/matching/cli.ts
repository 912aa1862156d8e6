/**
 * The command line's logic without I/O: argument parsing and scoring of a
 * parsed input file. `scripts/match.ts` reads the file and prints.
 */
import type { MatchInput } from "./input";
import { NeedCompanyIndex, PitchInvestorIndex } from "./match-index";
import { renderReason } from "./reasons";
import type { NeedCompanyScore, Part, PitchInvestorScore } from "./types";

export type Side = "need" | "company" | "pitch" | "investor";
export interface CliArgs {
  command: "score";
  input: string;
  top?: number;
  by?: Side;
}

export type ArgsResult = { ok: true; value: CliArgs } | { ok: false; error: string };

export const USAGE = "usage: match score --input FILE [--top K --by need|company|pitch|investor]";

export function parseCliArgs(argv: readonly string[]): ArgsResult {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  if (args[0] !== "score") return { ok: false, error: `unknown or missing command${args[0] ? ` "${args[0]}"` : ""}\n${USAGE}` };
  let input: string | undefined;
  let top: number | undefined;
  let by: Side | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    switch (flag) {
      case "--input": {
        const v = value();
        if (!v) return { ok: false, error: `--input needs a file\n${USAGE}` };
        input = v;
        break;
      }
      case "--top": {
        const v = value();
        if (!v || !/^\d+$/.test(v) || Number(v) < 1) return { ok: false, error: `--top needs a positive integer, got ${v ?? "nothing"}\n${USAGE}` };
        top = Number(v);
        break;
      }
      case "--by": {
        const v = value();
        if (v !== "need" && v !== "company" && v !== "pitch" && v !== "investor")
          return { ok: false, error: `--by must be need, company, pitch or investor, got ${v ?? "nothing"}\n${USAGE}` };
        by = v;
        break;
      }
      default:
        return { ok: false, error: `unknown argument "${a}"\n${USAGE}` };
    }
  }
  if (!input) return { ok: false, error: `--input is required\n${USAGE}` };
  return { ok: true, value: { command: "score", input, top, by } };
}

export interface OutPart {
  key: string;
  points: number;
  max: number;
  reason: { ko: string; en: string };
  gate?: "pass" | "fail";
}
type Id = string | number;
export type OutPair =
  | { needId: Id; companyId: Id; score: number; parts: OutPart[] }
  | { pitchId: Id; investorId: Id; score: number; parts: OutPart[] };

function renderParts(parts: Part[]): OutPart[] {
  return parts.map((p) => {
    const o: OutPart = { key: p.key, points: p.points, max: p.max, reason: renderReason(p.reason) };
    if (p.gate) o.gate = p.gate;
    return o;
  });
}


export type ScoreResult = { ok: true; value: { pairs: OutPair[] } } | { ok: false; error: string };
export type PairsResult = { ok: true; pairs: Iterable<OutPair> } | { ok: false; error: string };

/**
 * Pairs for the input. Without --by: every pair, grouped by need (pitch) in
 * input order, each group best first. With --by X: grouped by X, best first;
 * with --top K only the K best per X. --top without --by ranks by need (or pitch).
 * The file belongs to the reader, so a need's `details` are included.
 */
export function scoreInput(input: MatchInput, args: Pick<CliArgs, "top" | "by">): ScoreResult {
  const r = scorePairs(input, args);
  return r.ok ? { ok: true, value: { pairs: [...r.pairs] } } : r;
}

/**
 * Same as `scoreInput`, the pairs produced one at a time (the command line streams them, so
 * every pair of large inputs never has to sit in memory or in one string). Usage errors come
 * before any pair.
 */
export function scorePairs(input: MatchInput, args: Pick<CliArgs, "top" | "by">): PairsResult {
  const hasNC = input.needs !== undefined && input.companies !== undefined;
  const hasPI = input.pitches !== undefined && input.investors !== undefined;
  const by = args.by;
  if ((by === "need" || by === "company") && !hasNC) return { ok: false, error: `--by ${by} needs "needs" and "companies" in the input` };
  if ((by === "pitch" || by === "investor") && !hasPI) return { ok: false, error: `--by ${by} needs "pitches" and "investors" in the input` };
  return { ok: true, pairs: generatePairs(input, args, hasNC, hasPI) };
}

function* generatePairs(input: MatchInput, args: Pick<CliArgs, "top" | "by">, hasNC: boolean, hasPI: boolean): Generator<OutPair> {
  const by = args.by;
  // Ids given as JSON numbers are echoed as numbers.
  const idOut = (kind: keyof NonNullable<MatchInput["numericIds"]>, id: string): Id => (input.numericIds?.[kind]?.has(id) ? Number(id) : id);
  const nc = (s: NeedCompanyScore): OutPair => ({
    needId: idOut("needs", s.needId),
    companyId: idOut("companies", s.companyId),
    score: s.score,
    parts: renderParts(s.parts),
  });
  const pi = (s: PitchInvestorScore): OutPair => ({
    pitchId: idOut("pitches", s.pitchId),
    investorId: idOut("investors", s.investorId),
    score: s.score,
    parts: renderParts(s.parts),
  });

  if (hasNC && (by === undefined || by === "need" || by === "company")) {
    const idx = new NeedCompanyIndex({ includeConfidential: true });
    for (const c of input.companies!) idx.upsertCompany(c);
    for (const n of input.needs!) idx.upsertNeed(n);
    if (by === "company") {
      const k = args.top ?? input.needs!.length;
      for (const c of input.companies!) for (const r of idx.topNeedsForCompany(c.id, k)) yield nc(idx.explain(r.id, c.id));
    } else {
      const k = args.top ?? input.companies!.length;
      for (const n of input.needs!) {
        const ranked = args.top ? idx.topCompaniesForNeed(n.id, k) : idx.topCompaniesForNeedBruteForce(n.id, k);
        for (const r of ranked) yield nc(idx.explain(n.id, r.id));
      }
    }
  }

  if (hasPI && (by === undefined || by === "pitch" || by === "investor")) {
    const idx = new PitchInvestorIndex();
    for (const p of input.pitches!) idx.upsertPitch(p);
    for (const inv of input.investors!) idx.upsertInvestor(inv);
    if (by === "investor") {
      const k = args.top ?? input.pitches!.length;
      for (const inv of input.investors!) for (const r of idx.topPitchesForInvestor(inv.id, k)) yield pi(idx.explain(r.id, inv.id));
    } else {
      const k = args.top ?? input.investors!.length;
      for (const p of input.pitches!) for (const r of idx.topInvestorsForPitch(p.id, k)) yield pi(idx.explain(p.id, r.id));
    }
  }
}
