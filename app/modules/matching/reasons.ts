/**
 * Pure formatter for reason and suggestion keys (i18n key + params → text).
 * Vocabulary codes are shown with their label in the reader's language; free
 * tags are shown as given.
 */
import { termLabel, type TaxonomyKind } from "../taxonomy/vocabulary";
import { formatKrw as formatKrwShared } from "../../utils/format";
import type { TagRef } from "./tags";
import { glossaryLabel } from "./glossary";
import { roundLabel } from "../pitches/rounds";
import type { Reason, ReasonParam, Suggestion } from "./types";

export type Lng = "ko" | "en";

const isTagList = (p: ReasonParam | undefined): p is TagRef[] =>
  Array.isArray(p) && p.every((x) => typeof x === "object" && x !== null && "code" in x);

function label(t: TagRef, lng: Lng): string {
  if (t.kind === "stage") return t.code;
  if (t.kind === "glossary") return glossaryLabel(t.code, lng);
  return termLabel(t.kind as TaxonomyKind, t.code, lng);
}

function list(p: ReasonParam | undefined, lng: Lng): string {
  if (isTagList(p)) return p.map((t) => label(t, lng)).join(", ");
  if (Array.isArray(p)) return p.join(", ");
  return p === undefined ? "" : String(p);
}

const count = (p: ReasonParam | undefined): number => (Array.isArray(p) ? p.length : typeof p === "number" ? p : 0);
const n = (p: ReasonParam | undefined): number => (typeof p === "number" ? p : Number(p ?? 0));

/**
 * The object particle 을/를 for a Korean word or a term in Latin letters, so
 * suggestions read naturally ("FDA 510(k)을", "의료영상 AI를"). Decided by the
 * last pronounced sound: a Hangul syllable's final consonant, or how a final
 * digit or letter is read in Korean (영·일·삼·육·칠·팔, 엘·엠·엔·알 end in a consonant).
 */
export function objectParticle(word: string): "을" | "를" {
  const last = word.replace(/[\s'"’”)\]}»·.,]+$/u, "").slice(-1);
  if (!last) return "를";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 0 ? "를" : "을";
  if (/[013678]/.test(last)) return "을";
  if (/[lmnr]/i.test(last)) return "을";
  return "를";
}
const eul = (text: string) => `${text}${objectParticle(text)}`;

/** KRW amounts: 억/만 원 in Korean, KRW with M/B in English. */
/** Money reads the same in reasons as everywhere else on screen (app/utils/format.ts). */
export function formatKrw(v: number, lng: Lng): string {
  return formatKrwShared(v, lng);
}

const krwRange = (a: number, b: number, lng: Lng) => (a === b ? formatKrw(a, lng) : `${formatKrw(a, lng)}–${formatKrw(b, lng)}`);
const trlRange = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);

/** Matched words then matched concepts, without repeats, at most 4. */
function uniqueList(p: Record<string, ReasonParam>, lng: Lng): string {
  const words = Array.isArray(p.terms) ? (p.terms as string[]) : [];
  const concepts = isTagList(p.concepts) ? p.concepts.map((t) => label(t, lng)) : [];
  return [...new Set([...words, ...concepts])].slice(0, 4).join(", ");
}

type Template = (p: Record<string, ReasonParam>, lng: Lng) => string;

function tagOverlap(koField: string, enField: string): Template {
  return (p, lng) => {
    const k = count(p.matched);
    const total = n(p.total);
    if (lng === "ko") return k ? `${koField} ${total}개 중 ${k}개 일치: ${list(p.matched, lng)}` : `${koField} ${total}개 중 일치 없음`;
    return k ? `${k} of ${total} ${enField} match: ${list(p.matched, lng)}` : `None of ${total} ${enField} match`;
  };
}

const templates: Record<string, Template> = {
  "match.text": (p, lng) => {
    const terms = uniqueList(p, lng);
    if (lng === "ko") return terms ? `내용 유사도 ${n(p.percent)}%: ${terms}` : `공통 핵심어 없음`;
    return terms ? `Text similarity ${n(p.percent)}%: ${terms}` : `No shared key terms`;
  },
  "match.pi.text": (p, lng) => {
    const terms = uniqueList(p, lng);
    if (lng === "ko") return terms ? `투자 논지와 피치 내용 유사도 ${n(p.percent)}%: ${terms}` : `투자 논지와 공통 핵심어 없음`;
    return terms ? `Thesis–pitch text similarity ${n(p.percent)}%: ${terms}` : `No key terms shared with the thesis`;
  },
  "match.techFields": tagOverlap("기술 분야", "technology fields"),
  "match.clinicalAreas": tagOverlap("임상 분야", "clinical areas"),
  "match.pi.techFields": tagOverlap("피치 기술 분야", "pitch technology fields"),
  "match.collaboration": (p, lng) => {
    if (count(p.matched)) return lng === "ko" ? `원하는 협력 유형 제공: ${list(p.matched, lng)}` : `Offers a wanted collaboration type: ${list(p.matched, lng)}`;
    return lng === "ko" ? `원하는 협력 유형(${list(p.wanted, lng)}) 미제공` : `Does not offer a wanted collaboration type (${list(p.wanted, lng)})`;
  },
  "match.trl": (p, lng) => {
    const trl = n(p.trl);
    const lo = n(p.min);
    const hi = n(p.max);
    const r = trlRange(lo, hi);
    if (trl >= lo && trl <= hi) return lng === "ko" ? `TRL ${trl}: 희망 범위(${r}) 안` : `TRL ${trl} is within the wanted range (${r})`;
    const d = trl < lo ? lo - trl : trl - hi;
    const dir = trl < lo ? (lng === "ko" ? "낮음" : "below") : lng === "ko" ? "높음" : "above";
    return lng === "ko" ? `TRL ${trl}: 희망 범위(${r})보다 ${d}단계 ${dir}` : `TRL ${trl} is ${d} ${d === 1 ? "level" : "levels"} ${dir} the wanted range (${r})`;
  },
  "match.budget": (p, lng) => {
    const need = krwRange(n(p.needMin), n(p.needMax), lng);
    const comp = krwRange(n(p.companyMin), n(p.companyMax), lng);
    const fits = n(p.needMax) >= n(p.companyMin) && n(p.companyMax) >= n(p.needMin);
    if (lng === "ko") return fits ? `예산(${need})이 기업 사업 규모(${comp})와 맞음` : `예산(${need})과 기업 사업 규모(${comp}) 차이`;
    return fits ? `Budget (${need}) fits the company's project size (${comp})` : `Budget (${need}) differs from the company's project size (${comp})`;
  },
  "match.trackRecord": (p, lng) => {
    const tb = n(p.testbeds);
    const co = n(p.collaborations);
    // Where the testbeds were completed, when known: "한빛대학교병원 가늠터 완료".
    const names = (x: ReasonParam | undefined) => (Array.isArray(x) ? x.filter((h): h is string => typeof h === "string") : []);
    const where = names(lng === "en" && names(p.hospitalsEn).length ? p.hospitalsEn : p.hospitals);
    if (lng === "ko") {
      if (where.length && tb) return `검증된 실적: ${where.map((h) => `${h} 가늠터 완료`).join(", ")} (가늠터 완료 ${tb}건, 협력 수락 ${co}건)`;
      return tb + co ? `검증된 실적: 가늠터 완료 ${tb}건, 협력 수락 ${co}건` : `검증된 실적 없음`;
    }
    if (where.length && tb) return `Verified track record: testbed completed at ${where.join(", ")} (${tb} completed testbeds, ${co} accepted collaborations)`;
    return tb + co ? `Verified track record: ${tb} completed testbeds, ${co} accepted collaborations` : `No verified track record yet`;
  },
  "match.responsiveness": (p, lng) =>
    lng === "ko" ? `문의·지원 응답률 ${n(p.percent)}%` : `Responds to ${n(p.percent)}% of inquiries and applications`,
  "match.gate.certifications.pass": (p, lng) =>
    lng === "ko" ? `필수 인증 충족: ${list(p.required, lng)}` : `Required certifications held: ${list(p.required, lng)}`,
  "match.gate.certifications.fail": (p, lng) =>
    lng === "ko"
      ? `필수 인증 미충족: ${list(p.missing, lng)} (점수의 ${n(p.keepPercent)}%만 인정)`
      : `Missing required certification: ${list(p.missing, lng)} (only ${n(p.keepPercent)}% of the score counts)`,
  "match.pi.stage": (p, lng) => {
    const code = String(p.stage ?? "");
    const s = roundLabel(code, lng);
    const wanted = Array.isArray(p.stages) && !isTagList(p.stages) ? (p.stages as string[]).map((x) => roundLabel(x, lng)).join(", ") : list(p.stages, lng);
    const ok = Array.isArray(p.stages) && (p.stages as string[]).includes(code);
    if (lng === "ko") return ok ? `투자 단계 일치: ${s}` : `투자 단계 ${s}: 선호 단계(${wanted})와 다름`;
    return ok ? `Stage matches: ${s}` : `Stage ${s} differs from the preferred stages (${wanted})`;
  },
  "match.pi.ticket": (p, lng) => {
    const ask = formatKrw(n(p.ask), lng);
    const r = krwRange(n(p.min), n(p.max), lng);
    const ok = n(p.ask) >= n(p.min) && n(p.ask) <= n(p.max);
    if (lng === "ko") return ok ? `투자 요청액(${ask})이 투자 규모(${r}) 안` : `투자 요청액(${ask})이 투자 규모(${r}) 밖`;
    return ok ? `Ask (${ask}) is within the ticket size (${r})` : `Ask (${ask}) is outside the ticket size (${r})`;
  },
  "match.pi.validation": (p, lng) => {
    const c = n(p.collaborations);
    const t = n(p.testbeds);
    const z = n(p.certifications);
    if (lng === "ko") return `검증 신호: 병원 협력 ${c}건, 가늠터 ${t}건, 인증 ${z}건`;
    return `Validation: ${c} hospital collaborations, ${t} testbeds, ${z} certifications`;
  },
  "match.pi.eventRating": (p, lng) => (lng === "ko" ? `행사 평가 평균 ${n(p.rating)}/5` : `Average event rating ${n(p.rating)}/5`),

  // ---- suggestions ----
  "suggest.addCertification": (p, lng) =>
    lng === "ko" ? `${eul(list(p.certifications, lng))} 등록하면 +${n(p.gain)}` : `Registering ${list(p.certifications, lng)} would add +${n(p.gain)}`,
  "suggest.addTechField": (p, lng) =>
    lng === "ko" ? `기술 분야 ${eul(`'${list(p.tags, lng)}'`)} 프로필에 추가하면 +${n(p.gain)}` : `Adding the technology field '${list(p.tags, lng)}' to your profile would add +${n(p.gain)}`,
  "suggest.addClinicalArea": (p, lng) =>
    lng === "ko" ? `임상 분야 ${eul(`'${list(p.tags, lng)}'`)} 프로필에 추가하면 +${n(p.gain)}` : `Adding the clinical area '${list(p.tags, lng)}' to your profile would add +${n(p.gain)}`,
  "suggest.addCollaborationType": (p, lng) =>
    lng === "ko" ? `협력 유형 ${eul(`'${list(p.tags, lng)}'`)} 제공하면 +${n(p.gain)}` : `Offering '${list(p.tags, lng)}' collaboration would add +${n(p.gain)}`,
  "suggest.reachTrl": (p, lng) =>
    lng === "ko" ? `TRL ${n(p.trl)} 단계에 도달하면 +${n(p.gain)}` : `Reaching TRL ${n(p.trl)} would add +${n(p.gain)}`,
  "suggest.addTrackRecord": (p, lng) =>
    lng === "ko" ? `검증된 가늠터·협력 실적을 1건 더 쌓으면 +${n(p.gain)}` : `One more verified testbed or collaboration would add +${n(p.gain)}`,
  "suggest.addValidation": (p, lng) =>
    lng === "ko" ? `병원 협력·가늠터·인증 등 검증 신호를 1건 더 등록하면 +${n(p.gain)}` : `One more validation signal (hospital collaboration, testbed or certification) would add +${n(p.gain)}`,
  "suggest.addPitchTechField": (p, lng) =>
    lng === "ko" ? `피치에 기술 분야 ${eul(`'${list(p.tags, lng)}'`)} 추가하면 +${n(p.gain)}` : `Adding the technology field '${list(p.tags, lng)}' to the pitch would add +${n(p.gain)}`,
};

/** Render a reason in one language. Unknown keys render as the key (never throws). */
export function formatReason(reason: Reason, lng: Lng): string {
  const t = templates[reason.key];
  if (!t) return reason.key;
  const text = t(reason.params, lng);
  const r = reason.params.relevance;
  // Feasibility/quality parts are scaled by the pair's relevance; say so when it matters.
  if (typeof r === "number" && r < 100) return lng === "ko" ? `${text} (관련도 ${r}% 반영)` : `${text} (weighted by relevance ${r}%)`;
  return text;
}

/** Render a reason in both languages. */
export function renderReason(reason: Reason): { ko: string; en: string } {
  return { ko: formatReason(reason, "ko"), en: formatReason(reason, "en") };
}

export function formatSuggestion(s: Suggestion, lng: Lng): string {
  return formatReason({ key: s.key, params: { ...s.params, gain: s.gain } }, lng);
}

/** All keys the formatter knows (for tests and the app's i18n checks). */
export const REASON_KEYS: readonly string[] = Object.keys(templates);
