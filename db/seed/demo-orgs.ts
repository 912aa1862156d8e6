/**
 * Demo organisations and people: fictional, written in natural Korean with
 * some English. The first of each kind carries the documented demo login.
 */
export const DEMO_PASSWORD = "medibridge-demo";

export type DemoOrg = {
  slug: string;
  kind: "hospital" | "company" | "investor" | "operator";
  name: string;
  nameEn: string;
  businessNo: string;
  status: "verified" | "pending";
  institutionType?: string;
  region: string;
  description: string;
  descriptionEn: string;
  website?: string;
  growthStage?: string;
  products?: string;
  trl?: number;
  thesis?: string;
  investorType?: string;
  councilMember?: boolean;
  ticketMinKrw?: number;
  ticketMaxKrw?: number;
  terms?: { kind: string; code: string }[];
  people: { email: string; name: string; role: "owner" | "member" }[];
};

const tf = (...codes: string[]) => codes.map((code) => ({ kind: "tech_field", code }));
const ca = (...codes: string[]) => codes.map((code) => ({ kind: "clinical_area", code }));
const st = (...codes: string[]) => codes.map((code) => ({ kind: "growth_stage", code }));
const ct = (...codes: string[]) => codes.map((code) => ({ kind: "collaboration_type", code }));
const rd = (...codes: string[]) => codes.map((code) => ({ kind: "round", code }));
const cert = (...codes: string[]) => codes.map((code) => ({ kind: "certification", code }));

export const demoOrgs: DemoOrg[] = [
  {
    slug: "hanbit-univ-hospital",
    kind: "hospital",
    name: "한빛대학교병원",
    nameEn: "Hanbit University Hospital",
    businessNo: "1348157595",
    status: "verified",
    institutionType: "tertiary",
    region: "서울",
    description:
      "서울 동북권 상급종합병원으로 1,200병상 규모입니다. 영상의학과·심장내과·신경과를 중심으로 의료 AI 공동연구와 임상 검증을 활발히 진행하고 있으며, 산학협력단 기술이전센터가 기업과의 협력을 지원합니다.",
    descriptionEn:
      "A 1,200-bed tertiary hospital in north-east Seoul. Its radiology, cardiology and neurology departments run joint medical-AI research and clinical validation, supported by the hospital's tech-transfer office.",
    website: "https://hanbit-hospital.example.kr",
    terms: [...ca("radiology", "cardiology", "neurology", "oncology"), ...tf("medical-imaging-ai", "clinical-decision-support", "wearables")],
    people: [
      { email: "hospital1@demo.medibridge.kr", name: "김지현", role: "owner" },
      { email: "jh.park@demo.medibridge.kr", name: "박준호", role: "member" },
    ],
  },
  {
    slug: "seoul-nuri-hospital",
    kind: "hospital",
    name: "서울누리병원",
    nameEn: "Seoul Nuri Hospital",
    businessNo: "2208162517",
    status: "verified",
    institutionType: "general",
    region: "서울",
    description:
      "재활의학과와 노인의학 특화 종합병원입니다. 낙상 예방, 재활 로봇, 원격 모니터링 분야의 실증(가늠터)을 운영하며 디지털헬스 스타트업과의 시범 도입 경험이 많습니다.",
    descriptionEn:
      "A general hospital specialising in rehabilitation and geriatric care. It runs testbeds for fall prevention, rehabilitation robotics and remote monitoring, and has piloted many digital-health products.",
    terms: [...ca("rehabilitation", "geriatrics", "orthopedics"), ...tf("rehab-robotics", "remote-monitoring", "digital-therapeutics")],
    people: [{ email: "hospital2@demo.medibridge.kr", name: "이수민", role: "owner" }],
  },
  {
    slug: "busan-haeun-medical-center",
    kind: "hospital",
    name: "부산해운의료원",
    nameEn: "Busan Haeun Medical Center",
    businessNo: "6068201370",
    status: "verified",
    institutionType: "general",
    region: "부산",
    description: "부산·경남 지역 거점 공공의료원입니다. 감염내과와 응급의학과 중심으로 패혈증 조기경보와 중환자실 데이터 협력 수요가 있습니다.",
    descriptionEn: "A public regional medical centre in Busan focusing on infectious diseases and emergency care, interested in sepsis early warning and ICU data collaboration.",
    terms: [...ca("infectious", "emergency"), ...tf("clinical-decision-support", "health-data-platform")],
    people: [{ email: "haeun.tto@demo.medibridge.kr", name: "정태윤", role: "owner" }],
  },
  {
    slug: "lumen-healthcare",
    kind: "company",
    name: "루멘헬스케어",
    nameEn: "Lumen Healthcare",
    businessNo: "1018125735",
    status: "verified",
    region: "서울",
    growthStage: "venture",
    trl: 6,
    description:
      "흉부 X-ray와 CT 영상에서 폐결절과 폐렴을 찾아내는 의료영상 AI를 개발하는 스타트업입니다. 3개 대학병원과 후향적 임상 검증을 마쳤고, 영상 판독 보조 소프트웨어의 식약처 2등급 인증을 보유하고 있습니다.",
    descriptionEn:
      "A start-up building medical-imaging AI that detects lung nodules and pneumonia on chest X-ray and CT. Retrospective validation completed at three university hospitals; the reading-assist software holds MFDS Class II certification.",
    products: "LumenCXR(흉부 X-ray 판독 보조), LumenCT Nodule(폐결절 검출)",
    terms: [
      ...tf("medical-imaging-ai", "clinical-decision-support"),
      ...ca("radiology", "respiratory", "oncology"),
      ...st("venture"),
      ...ct("clinical-validation", "joint-rnd", "procurement-pilot"),
      ...cert("mfds-class2", "iso-13485"),
    ],
    people: [
      { email: "company1@demo.medibridge.kr", name: "최민준", role: "owner" },
      { email: "sy.han@demo.medibridge.kr", name: "한서영", role: "member" },
    ],
  },
  {
    slug: "mindwave-therapeutics",
    kind: "company",
    name: "마인드웨이브",
    nameEn: "MindWave Therapeutics",
    businessNo: "2148873643",
    status: "verified",
    region: "경기 성남",
    growthStage: "sme",
    trl: 5,
    description:
      "우울증과 불면증 환자를 위한 디지털 치료제(DTx)를 만드는 회사입니다. 인지행동치료 기반 모바일 앱으로 확증 임상을 준비하고 있으며, 병원과 함께 실사용 데이터를 모으고자 합니다.",
    descriptionEn:
      "Builds digital therapeutics (DTx) for depression and insomnia: a CBT-based mobile app preparing for a confirmatory trial, looking for hospitals to collect real-world data with.",
    products: "SleepWave(불면증 DTx), MoodStep(우울증 자가관리)",
    terms: [...tf("digital-therapeutics", "remote-monitoring"), ...ca("psychiatry", "neurology"), ...st("sme"), ...ct("clinical-validation", "data-collaboration"), ...cert("iso-13485", "iec-62304")],
    people: [{ email: "company2@demo.medibridge.kr", name: "윤하은", role: "owner" }],
  },
  {
    slug: "cardiosense",
    kind: "company",
    name: "카디오센스",
    nameEn: "CardioSense",
    businessNo: "1208800767",
    status: "verified",
    region: "대전",
    growthStage: "venture",
    trl: 7,
    description:
      "패치형 웨어러블 심전도 기기와 부정맥 자동 분석 알고리즘을 개발합니다. 14일 연속 측정이 가능하고 병원 EMR과 연동되는 원격 모니터링 대시보드를 제공합니다.",
    descriptionEn: "Patch-type wearable ECG with automated arrhythmia analysis; 14-day continuous recording and a remote-monitoring dashboard that integrates with hospital EMRs.",
    products: "CardioPatch, ArrhythmiaNet",
    terms: [...tf("wearables", "remote-monitoring", "medical-devices"), ...ca("cardiology"), ...st("venture"), ...ct("clinical-validation", "testbed"), ...cert("mfds-class2", "kc-emc")],
    people: [{ email: "ceo@cardiosense.demo.medibridge.kr", name: "오세훈", role: "owner" }],
  },
  {
    slug: "genomeplus",
    kind: "company",
    name: "지놈플러스",
    nameEn: "GenomePlus",
    businessNo: "1358637035",
    status: "verified",
    region: "서울",
    growthStage: "midsize",
    trl: 8,
    description: "NGS 기반 암 유전체 패널과 분자진단 키트를 공급하는 중견기업입니다. 국내 40여 개 병원 검사실에 납품하고 있으며 해외 진출을 추진 중입니다.",
    descriptionEn: "A mid-size company supplying NGS cancer genomic panels and molecular diagnostic kits to over 40 Korean hospital labs, now expanding overseas.",
    products: "OncoPanel 500, SepsiQ PCR",
    terms: [...tf("genomics", "in-vitro-diagnostics"), ...ca("oncology", "infectious"), ...st("midsize"), ...ct("procurement-pilot", "joint-rnd"), ...cert("mfds-class3", "iso-13485", "ce-mdr")],
    people: [{ email: "bd@genomeplus.demo.medibridge.kr", name: "강도윤", role: "owner" }],
  },
  {
    slug: "steadystep-robotics",
    kind: "company",
    name: "스테디스텝 로보틱스",
    nameEn: "SteadyStep Robotics",
    businessNo: "3128195428",
    status: "pending",
    region: "경남 창원",
    growthStage: "venture",
    trl: 4,
    description: "뇌졸중 환자의 보행 재활을 돕는 착용형 외골격 로봇을 개발하고 있습니다. 병원 재활치료실에서 실증할 기회를 찾고 있습니다.",
    descriptionEn: "Developing a wearable exoskeleton for gait rehabilitation after stroke; looking for a hospital rehabilitation unit to validate it.",
    terms: [...tf("rehab-robotics"), ...ca("rehabilitation", "neurology"), ...st("venture"), ...ct("testbed", "joint-rnd")],
    people: [{ email: "founder@steadystep.demo.medibridge.kr", name: "임채원", role: "owner" }],
  },
  {
    slug: "hangang-bio-partners",
    kind: "investor",
    name: "한강바이오파트너스",
    nameEn: "Hangang Bio Partners",
    businessNo: "1078614075",
    status: "verified",
    region: "서울",
    investorType: "vc",
    councilMember: true,
    ticketMinKrw: 500_000_000,
    ticketMaxKrw: 3_000_000_000,
    thesis:
      "병원 현장에서 검증된 의료 AI와 디지털헬스 기업에 시리즈 A 전후로 투자합니다. 식약처 인허가 경로가 분명하고 수가 또는 병원 구매로 이어지는 사업 모델을 선호합니다.",
    description: "신산업투자기관협의회 회원사로, 바이오·헬스케어 전문 벤처캐피탈입니다.",
    descriptionEn: "A healthcare-focused VC and member of the new-industry investors' council.",
    terms: [...tf("medical-imaging-ai", "digital-therapeutics", "clinical-decision-support", "wearables"), ...st("venture", "sme"), ...rd("seed", "pre-a", "series-a")],
    people: [
      { email: "investor1@demo.medibridge.kr", name: "서지우", role: "owner" },
      { email: "associate@hangang.demo.medibridge.kr", name: "문예린", role: "member" },
    ],
  },
  {
    slug: "spark-health-ventures",
    kind: "investor",
    name: "스파크헬스벤처스",
    nameEn: "Spark Health Ventures",
    businessNo: "2118879139",
    status: "verified",
    region: "서울",
    investorType: "cvc",
    councilMember: false,
    ticketMinKrw: 1_000_000_000,
    ticketMaxKrw: 10_000_000_000,
    thesis:
      "We back med-tech and diagnostics companies from Series A to pre-IPO, with a focus on overseas expansion (FDA, CE-MDR) and hospital procurement in Korea.",
    description: "제약사 계열 CVC로 의료기기·진단 분야의 해외 진출 단계 기업에 투자합니다.",
    descriptionEn: "The corporate venture arm of a pharmaceutical group, investing in medtech and diagnostics companies going overseas.",
    terms: [...tf("in-vitro-diagnostics", "genomics", "medical-devices", "surgical-robotics"), ...st("sme", "midsize", "overseas"), ...rd("series-a", "series-b", "series-c")],
    people: [{ email: "investor2@demo.medibridge.kr", name: "Daniel Cho", role: "owner" }],
  },
  {
    slug: "medibridge-operator",
    kind: "operator",
    name: "메디브릿지 운영사무국",
    nameEn: "MediBridge Programme Office",
    businessNo: "1028216158",
    status: "verified",
    region: "충북 오송",
    description: "스마트헬스케어 병원-기업 상시연계 사업과 '나는 바이오벤처다' 투자연계 프로그램을 운영합니다.",
    descriptionEn: "Runs the always-on hospital–company R&D programme and the 'I am a bio-venture' investor-linking programme.",
    people: [{ email: "operator@demo.medibridge.kr", name: "배정민", role: "owner" }],
  },
];
