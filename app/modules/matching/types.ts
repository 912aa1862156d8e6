/** Input and output shapes of the match-scoring module (the CLI's JSON shapes). */
import type { TagRef } from "./tags";

export interface NeedInput {
  id: string;
  title: string;
  summary: string;
  /** Confidential: used only with `includeConfidential: true`. */
  details?: string;
  clinicalAreas?: string[];
  techFields?: string[];
  collaborationTypes?: string[];
  trlMin?: number;
  trlMax?: number;
  budgetMinKrw?: number;
  budgetMaxKrw?: number;
  requiredCertifications?: string[];
}

export interface CompanyInput {
  id: string;
  name: string;
  description: string;
  products?: string | string[];
  trackRecord?: string | string[];
  clinicalAreas?: string[];
  techFields?: string[];
  collaborationTypes?: string[];
  trl?: number;
  certifications?: string[];
  stage?: string;
  /** Typical project size the company takes on (optional, for budget fit). */
  budgetMinKrw?: number;
  budgetMaxKrw?: number;
  /** Verified by the platform: completed testbeds and accepted collaborations. */
  verifiedTestbeds?: number;
  /** Hospitals that confirmed those testbeds (Korean and English names), for the reason text. */
  testbedHospitals?: { ko: string; en: string }[];
  acceptedCollaborations?: number;
  /** Share of applications/inquiries answered, 0..1. */
  responseRate?: number;
}

export interface PitchInput {
  id: string;
  title: string;
  oneLiner: string;
  problem?: string;
  solution?: string;
  market?: string;
  traction?: string;
  techFields?: string[];
  stage?: string;
  askKrw?: number;
  validation?: { hospitalCollaborations?: number; testbeds?: number; certifications?: string[] };
  /** Mean event rating, 0..5. */
  eventRating?: number;
}

export interface InvestorInput {
  id: string;
  name: string;
  thesis: string;
  techFields?: string[];
  stages?: string[];
  ticketMinKrw?: number;
  ticketMaxKrw?: number;
}

export type ReasonParam = string | number | string[] | TagRef[];
/** An i18n key with parameters; rendered by `formatReason`. */
export interface Reason {
  key: string;
  params: Record<string, ReasonParam>;
}

export type NeedCompanyPartKey =
  | "text"
  | "techFields"
  | "clinicalAreas"
  | "collaboration"
  | "trl"
  | "budget"
  | "trackRecord"
  | "responsiveness"
  | "gate.certifications";
export type PitchInvestorPartKey = "text" | "techFields" | "stage" | "ticket" | "validation" | "eventRating";

export interface Part<K extends string = string> {
  key: K;
  /** One decimal; the score is exactly the sum of the parts' points. */
  points: number;
  max: number;
  reason: Reason;
  /** Present on hard requirements. A failed gate carries a negative penalty. */
  gate?: "pass" | "fail";
}

export interface NeedCompanyScore {
  needId: string;
  companyId: string;
  score: number;
  parts: Part<NeedCompanyPartKey>[];
}

export interface PitchInvestorScore {
  pitchId: string;
  investorId: string;
  score: number;
  parts: Part<PitchInvestorPartKey>[];
}

export interface Ranked {
  id: string;
  /** Score in tenths of a point (integer): 734 means 73.4. */
  score10: number;
}

export interface Suggestion {
  key: string;
  params: Record<string, ReasonParam>;
  /** Points the score would rise by (one decimal). */
  gain: number;
}
