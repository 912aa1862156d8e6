/**
 * Word pools and a seeded PRNG for the scale seed: natural Korean (with some
 * English) built from the shared vocabulary, so search, filters and matching
 * behave on generated rows as they do on real ones. Pure: no I/O.
 */
import { certifications, clinicalAreas, collaborationTypes, growthStages, techFields, type Term } from "../../../app/modules/taxonomy/vocabulary";

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  /** k distinct items (k ≤ xs.length). */
  const some = <T>(xs: readonly T[], k: number): T[] => {
    const copy = xs.slice();
    const out: T[] = [];
    for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  /** Weighted choice: [[value, weight], …]. */
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of xs) if ((r -= w) < 0) return v;
    return xs[xs.length - 1][0];
  };
  /** A version-4 shaped UUID from the sequence (deterministic ids). */
  const uuid = () => {
    const h: string[] = [];
    for (let i = 0; i < 4; i++) h.push(Math.floor(next() * 2 ** 32).toString(16).padStart(8, "0"));
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${((Number.parseInt(s[16], 16) & 3) | 8).toString(16)}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  };
  return { next, int, pick, chance, some, weighted, uuid };
}
export type Rng = ReturnType<typeof prng>;

/** 을/를, 이/가, 은/는, 과/와 after a word: by the final consonant of its last syllable. */
export function josa(word: string, withBatchim: string, without: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) return word + ((last - 0xac00) % 28 ? withBatchim : without);
  // Latin words and digits: read aloud (AI → 에이아이, COPD → 씨오피디): mostly a vowel ending.
  return word + (/[lmnLMN136780]$/.test(word) ? withBatchim : without);
}

export const diseases: { ko: string; en: string; area: string }[] = [
  { ko: "폐암", en: "lung cancer", area: "oncology" },
  { ko: "유방암", en: "breast cancer", area: "oncology" },
  { ko: "위암", en: "gastric cancer", area: "gastroenterology" },
  { ko: "대장암", en: "colorectal cancer", area: "gastroenterology" },
  { ko: "간암", en: "liver cancer", area: "oncology" },
  { ko: "갑상선암", en: "thyroid cancer", area: "endocrinology" },
  { ko: "당뇨병", en: "diabetes", area: "endocrinology" },
  { ko: "고혈압", en: "hypertension", area: "cardiology" },
  { ko: "심부전", en: "heart failure", area: "cardiology" },
  { ko: "심방세동", en: "atrial fibrillation", area: "cardiology" },
  { ko: "치매", en: "dementia", area: "neurology" },
  { ko: "파킨슨병", en: "Parkinson's disease", area: "neurology" },
  { ko: "뇌졸중", en: "stroke", area: "neurology" },
  { ko: "우울증", en: "depression", area: "psychiatry" },
  { ko: "불면증", en: "insomnia", area: "psychiatry" },
  { ko: "패혈증", en: "sepsis", area: "infectious" },
  { ko: "낙상", en: "falls", area: "geriatrics" },
  { ko: "욕창", en: "pressure ulcers", area: "geriatrics" },
  { ko: "골다공증", en: "osteoporosis", area: "orthopedics" },
  { ko: "녹내장", en: "glaucoma", area: "ophthalmology" },
  { ko: "황반변성", en: "macular degeneration", area: "ophthalmology" },
  { ko: "아토피피부염", en: "atopic dermatitis", area: "dermatology" },
  { ko: "천식", en: "asthma", area: "respiratory" },
  { ko: "만성폐쇄성폐질환", en: "COPD", area: "respiratory" },
  { ko: "만성콩팥병", en: "chronic kidney disease", area: "nephrology" },
  { ko: "수면무호흡", en: "sleep apnoea", area: "respiratory" },
  { ko: "섬망", en: "delirium", area: "geriatrics" },
  { ko: "소아비만", en: "childhood obesity", area: "pediatrics" },
  { ko: "척추측만증", en: "scoliosis", area: "orthopedics" },
  { ko: "급성심근경색", en: "acute myocardial infarction", area: "emergency" },
];

export const goals: { ko: string; en: string }[] = [
  { ko: "조기 진단", en: "early diagnosis" },
  { ko: "예후 예측", en: "prognosis prediction" },
  { ko: "판독 보조", en: "reading support" },
  { ko: "재입원 예방", en: "readmission prevention" },
  { ko: "원격 관리", en: "remote management" },
  { ko: "복약 순응도 향상", en: "medication adherence" },
  { ko: "선별 검사", en: "screening" },
  { ko: "위험도 평가", en: "risk assessment" },
  { ko: "치료 반응 예측", en: "treatment response prediction" },
  { ko: "퇴원 후 관리", en: "post-discharge care" },
  { ko: "업무 자동화", en: "workflow automation" },
  { ko: "재활 효과 측정", en: "measuring rehabilitation outcomes" },
];

export const settings = ["외래", "병동", "응급실", "중환자실", "수술실", "건강검진센터", "재활치료실", "재택", "요양병원 연계", "지역 보건소 연계"];

export const pains = [
  "의료진의 업무 부담이 계속 커지고 있습니다",
  "판독 대기 시간이 길어져 진료가 늦어지고 있습니다",
  "퇴원 후 30일 내 재입원율이 높은 편입니다",
  "야간에 환자 상태 변화를 놓치는 일이 있습니다",
  "검사 결과를 수기로 옮겨 적느라 시간이 많이 듭니다",
  "지방 환자는 정기 내원이 어려워 관리가 끊기곤 합니다",
  "고위험 환자를 미리 가려내기 어렵습니다",
  "환자 교육 자료가 부족해 설명 시간이 길어집니다",
];

export const wishes = [
  "식약처 인증을 받았거나 준비 중인 제품이면 좋겠습니다.",
  "EMR·PACS 연동 경험이 있는 팀을 우대합니다.",
  "6개월 안에 파일럿을 시작할 수 있는 기업과 협력하고 싶습니다.",
  "IRB 승인 절차는 병원이 함께 준비합니다.",
  "비식별 데이터를 활용한 후향적 검증부터 시작할 수 있습니다.",
  "국책과제 공동 신청도 함께 검토하고 있습니다.",
  "Pilot results can be shared with overseas partners in English.",
];

export const hospitalNames = [
  "한결", "새봄", "푸른", "온누리", "다온", "늘봄", "가람", "한마음", "세움", "드림", "미래", "바른", "서린", "아름", "해솔",
  "참빛", "새하늘", "소망", "은빛", "도담", "하나로", "청솔", "보람", "누리", "동행", "햇살", "샘물", "별빛", "산들", "여울",
];
export const regions = ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"];
export const hospitalKinds: { suffix: string; en: string; type: string }[] = [
  { suffix: "대학교병원", en: "University Hospital", type: "tertiary" },
  { suffix: "병원", en: "Hospital", type: "hospital" },
  { suffix: "의료원", en: "Medical Center", type: "general" },
  { suffix: "종합병원", en: "General Hospital", type: "general" },
  { suffix: "재활병원", en: "Rehabilitation Hospital", type: "hospital" },
  { suffix: "의원", en: "Clinic", type: "clinic" },
];
export const departments = ["영상의학과", "심장내과", "신경과", "내분비내과", "호흡기내과", "소화기내과", "정형외과", "재활의학과", "안과", "응급의학과", "감염내과", "신장내과", "소아청소년과", "정신건강의학과", "간호부", "진단검사의학과"];

export const companyHeads = ["뉴로", "메디", "바이오", "헬스", "케어", "카디오", "셀", "제노", "루미", "하이", "큐어", "닥터", "비전", "소닉", "라이프", "웰", "스마트", "온", "에이치", "오믹스"];
export const companyTails = ["핏", "브릿지", "랩", "웨이브", "센스", "노바", "젠", "텍", "로직", "메드", "케어", "플러스", "큐", "매틱스", "사이언스", "링크", "스텝", "비트", "온", "하이브"];
export const companySuffixes = ["", " 주식회사", " 랩스", " 헬스케어", " 테크놀로지", " 바이오", " 메디칼", " AI", " 코리아", " 솔루션즈", " 로보틱스", " 테라퓨틱스"];
export const investorHeads = ["한강", "새벽", "북극성", "마루", "여명", "초록", "바다", "파란", "이음", "디딤", "씨앗", "다리"];
export const investorTails = [" 벤처스", " 인베스트먼트", " 파트너스", " 캐피탈", " 바이오펀드", " 액셀러레이터"];
export const surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
export const givenNames = ["민준", "서연", "지호", "하은", "도윤", "지우", "예준", "수아", "시우", "지민", "현우", "채원", "준서", "다은", "유진", "승민", "서준", "예린", "태윤", "가은"];

export const approachLines = [
  "자사 제품은 이미 3개 상급종합병원에서 후향적 검증을 마쳤고, 이번에는 전향적 다기관 검증을 제안합니다.",
  "병원 EMR과 HL7 FHIR로 연동하여 의료진의 추가 입력 없이 결과를 보여 드립니다.",
  "첫 3개월은 비식별 데이터로 모델을 보정하고, 이후 6개월 동안 실제 진료 환경에서 시범 운영합니다.",
  "식약처 2등급 인증을 받은 기기로, 병동 설치와 교육을 저희가 모두 맡겠습니다.",
  "We propose a two-phase pilot with weekly joint reviews and a shared dashboard for the clinical team.",
  "임상 책임자와 격주로 회의하며 평가 지표(민감도, 특이도, 사용성)를 함께 정하겠습니다.",
];
export const messageLines = [
  "안녕하세요, 제안서 잘 받았습니다. 검증 데이터 규모를 조금 더 알려 주실 수 있을까요?",
  "다음 주 화요일 오후 2시에 화상 회의가 가능할까요?",
  "IRB 서류 초안을 첨부 대신 메일로 보내 드렸습니다. 확인 부탁드립니다.",
  "네, 가능합니다. 회의 링크는 하루 전에 공유하겠습니다.",
  "병동 설치 일정은 간호부와 협의 후 다시 말씀드리겠습니다.",
  "Thanks — we can share the validation protocol in English as well.",
  "예산 범위 안에서 장비 대여 방식으로 진행하는 안도 가능합니다.",
  "검토해 보니 1단계는 후향적 분석으로 시작하는 것이 좋겠습니다.",
  "담당 교수님께서 학회 일정이 있으셔서 회신이 조금 늦어질 수 있습니다.",
  "자료 감사합니다. 내부 검토 후 이번 주 안에 답변 드리겠습니다.",
];

export const vocab = {
  clinicalAreas,
  techFields,
  collaborationTypes,
  certifications,
  growthStages,
} satisfies Record<string, Term[]>;
