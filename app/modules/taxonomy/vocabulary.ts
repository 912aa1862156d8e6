/**
 * The shared controlled vocabulary: clinical areas, technology fields,
 * collaboration types, certifications and growth stages, each with Korean and
 * English labels. Pure data, safe for client and server; the database table
 * `taxonomy_terms` is seeded from this file so both stay in step.
 */
export type Label = { ko: string; en: string };
export type Term = { code: string; label: Label; synonyms?: string[] };

export const clinicalAreas: Term[] = [
  { code: "oncology", label: { ko: "종양학(암)", en: "Oncology" }, synonyms: ["암", "종양", "cancer", "tumor"] },
  { code: "cardiology", label: { ko: "심장내과", en: "Cardiology" }, synonyms: ["심장", "심혈관", "cardiac", "heart", "cardiovascular"] },
  { code: "neurology", label: { ko: "신경과", en: "Neurology" }, synonyms: ["뇌", "신경", "치매", "뇌졸중", "brain", "stroke", "dementia"] },
  { code: "psychiatry", label: { ko: "정신건강의학과", en: "Psychiatry" }, synonyms: ["정신", "우울증", "depression", "mental health"] },
  { code: "radiology", label: { ko: "영상의학과", en: "Radiology" }, synonyms: ["영상", "CT", "MRI", "X-ray", "imaging"] },
  { code: "endocrinology", label: { ko: "내분비내과", en: "Endocrinology" }, synonyms: ["당뇨", "diabetes", "갑상선", "thyroid"] },
  { code: "respiratory", label: { ko: "호흡기내과", en: "Pulmonology" }, synonyms: ["폐", "호흡기", "COPD", "lung"] },
  { code: "gastroenterology", label: { ko: "소화기내과", en: "Gastroenterology" }, synonyms: ["위", "대장", "내시경", "endoscopy", "colon"] },
  { code: "orthopedics", label: { ko: "정형외과", en: "Orthopedics" }, synonyms: ["관절", "척추", "joint", "spine"] },
  { code: "rehabilitation", label: { ko: "재활의학과", en: "Rehabilitation medicine" }, synonyms: ["재활", "rehab"] },
  { code: "ophthalmology", label: { ko: "안과", en: "Ophthalmology" }, synonyms: ["눈", "망막", "retina", "eye"] },
  { code: "dermatology", label: { ko: "피부과", en: "Dermatology" }, synonyms: ["피부", "skin"] },
  { code: "pediatrics", label: { ko: "소아청소년과", en: "Pediatrics" }, synonyms: ["소아", "children", "pediatric"] },
  { code: "emergency", label: { ko: "응급의학과", en: "Emergency medicine" }, synonyms: ["응급", "중환자", "ICU", "emergency"] },
  { code: "infectious", label: { ko: "감염내과", en: "Infectious diseases" }, synonyms: ["감염", "패혈증", "sepsis", "infection"] },
  { code: "nephrology", label: { ko: "신장내과", en: "Nephrology" }, synonyms: ["신장", "투석", "kidney", "dialysis"] },
  { code: "dentistry", label: { ko: "치과", en: "Dentistry" }, synonyms: ["치아", "dental"] },
  { code: "geriatrics", label: { ko: "노인의학", en: "Geriatrics" }, synonyms: ["고령", "노인", "elderly"] },
];

export const techFields: Term[] = [
  { code: "medical-imaging-ai", label: { ko: "의료영상 AI", en: "Medical imaging AI" }, synonyms: ["영상 판독", "딥러닝", "radiology AI", "computer vision"] },
  { code: "digital-therapeutics", label: { ko: "디지털 치료제", en: "Digital therapeutics" }, synonyms: ["DTx", "디지털치료기기"] },
  { code: "clinical-decision-support", label: { ko: "임상의사결정지원", en: "Clinical decision support" }, synonyms: ["CDSS", "예측 모델", "prediction model"] },
  { code: "wearables", label: { ko: "웨어러블 기기", en: "Wearable devices" }, synonyms: ["웨어러블", "생체신호", "biosignal", "wearable"] },
  { code: "remote-monitoring", label: { ko: "원격 모니터링", en: "Remote patient monitoring" }, synonyms: ["원격의료", "telemedicine", "RPM"] },
  { code: "in-vitro-diagnostics", label: { ko: "체외진단", en: "In-vitro diagnostics" }, synonyms: ["IVD", "진단키트", "분자진단", "diagnostic kit"] },
  { code: "surgical-robotics", label: { ko: "수술 로봇", en: "Surgical robotics" }, synonyms: ["로봇", "robot"] },
  { code: "medical-devices", label: { ko: "의료기기", en: "Medical devices" }, synonyms: ["기기", "device"] },
  { code: "biopharma", label: { ko: "바이오의약품", en: "Biopharmaceuticals" }, synonyms: ["항체", "신약", "antibody", "drug"] },
  { code: "cell-gene-therapy", label: { ko: "세포·유전자치료", en: "Cell and gene therapy" }, synonyms: ["세포치료", "유전자치료", "CAR-T"] },
  { code: "health-data-platform", label: { ko: "의료데이터 플랫폼", en: "Health data platform" }, synonyms: ["EMR", "의료데이터", "데이터 플랫폼", "FHIR"] },
  { code: "genomics", label: { ko: "유전체 분석", en: "Genomics" }, synonyms: ["유전체", "NGS", "sequencing"] },
  { code: "rehab-robotics", label: { ko: "재활 로봇", en: "Rehabilitation robotics" }, synonyms: ["재활로봇", "exoskeleton", "외골격"] },
  { code: "xr-healthcare", label: { ko: "XR 헬스케어", en: "XR healthcare" }, synonyms: ["VR", "AR", "가상현실", "메타버스"] },
  { code: "nlp-medical", label: { ko: "의료 자연어처리", en: "Medical NLP" }, synonyms: ["자연어처리", "NLP", "LLM", "언어모델"] },
  { code: "smart-hospital", label: { ko: "스마트병원", en: "Smart hospital" }, synonyms: ["병원 자동화", "IoT", "물류"] },
];

export const collaborationTypes: Term[] = [
  { code: "joint-rnd", label: { ko: "공동 연구개발", en: "Joint R&D" } },
  { code: "clinical-validation", label: { ko: "임상 검증", en: "Clinical validation" } },
  { code: "testbed", label: { ko: "테스트베드(가늠터)", en: "Testbed" } },
  { code: "data-collaboration", label: { ko: "데이터 협력", en: "Data collaboration" } },
  { code: "procurement-pilot", label: { ko: "구매·시범도입", en: "Procurement / pilot purchase" } },
];

export const certifications: Term[] = [
  { code: "mfds-class1", label: { ko: "식약처 1등급 신고", en: "MFDS Class I notification" } },
  { code: "mfds-class2", label: { ko: "식약처 2등급 인증", en: "MFDS Class II certification" } },
  { code: "mfds-class3", label: { ko: "식약처 3등급 허가", en: "MFDS Class III approval" } },
  { code: "mfds-class4", label: { ko: "식약처 4등급 허가", en: "MFDS Class IV approval" } },
  { code: "innovative-device", label: { ko: "혁신의료기기 지정", en: "Innovative medical device designation" } },
  { code: "new-health-tech", label: { ko: "신의료기술평가", en: "New health technology assessment" } },
  { code: "reimbursement", label: { ko: "건강보험 수가 코드", en: "Reimbursement code" } },
  { code: "kc-emc", label: { ko: "KC/EMC 인증", en: "KC / EMC" } },
  { code: "iso-13485", label: { ko: "ISO 13485", en: "ISO 13485" } },
  { code: "iec-62304", label: { ko: "IEC 62304", en: "IEC 62304" } },
  { code: "ce-mdr", label: { ko: "CE-MDR/IVDR", en: "CE-MDR / IVDR" } },
  { code: "fda-510k", label: { ko: "FDA 510(k)/De Novo", en: "FDA 510(k) / De Novo" } },
  { code: "gmp", label: { ko: "GMP", en: "GMP" } },
];

export const growthStages: Term[] = [
  { code: "venture", label: { ko: "벤처·스타트업", en: "Venture / startup" } },
  { code: "sme", label: { ko: "중소기업", en: "SME" } },
  { code: "midsize", label: { ko: "중견기업", en: "Mid-size company" } },
  { code: "overseas", label: { ko: "해외진출", en: "Overseas-ready" } },
];

export const taxonomy = {
  clinical_area: clinicalAreas,
  tech_field: techFields,
  collaboration_type: collaborationTypes,
  certification: certifications,
  growth_stage: growthStages,
} as const;

export type TaxonomyKind = keyof typeof taxonomy;

const byKind = new Map<TaxonomyKind, Map<string, Term>>(
  (Object.keys(taxonomy) as TaxonomyKind[]).map((k) => [k, new Map(taxonomy[k].map((t) => [t.code, t]))]),
);

export function termLabel(kind: TaxonomyKind, code: string, lng: string): string {
  const term = byKind.get(kind)?.get(code);
  if (!term) return code;
  return lng === "en" ? term.label.en : term.label.ko;
}

export function isTerm(kind: TaxonomyKind, code: string): boolean {
  return byKind.get(kind)?.has(code) ?? false;
}
