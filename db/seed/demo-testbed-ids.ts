/**
 * Fixed ids of the demo testbed offers, requests and certifications, so demo
 * links, other seeds and the authorization matrix can name them. No imports:
 * e2e code reads this file. Hospital1 = 한빛대학교병원, company1 = 루멘헬스케어.
 */
export const DEMO_TESTBED_IDS = {
  /** 한빛, open: wearable ECG in cardiology (cardiosense completed it). */
  hanbitEcgOpen: "7e5b0000-0000-4000-8000-000000000001",
  /** 한빛, open: AI reading-support reader study in radiology (company1 has a live request). */
  hanbitImagingOpen: "7e5b0000-0000-4000-8000-000000000002",
  /** 한빛, draft. */
  hanbitSleepDraft: "7e5b0000-0000-4000-8000-000000000003",
  /** 서울누리, open: gait rehabilitation robot usability. */
  nuriRehabOpen: "7e5b0000-0000-4000-8000-000000000004",
  /** 서울누리, open: digital therapeutic outpatient pilot (mindwave in progress). */
  nuriDtxOpen: "7e5b0000-0000-4000-8000-000000000005",
  /** 서울누리, open but hidden by the operator. */
  nuriHidden: "7e5b0000-0000-4000-8000-000000000006",
  /** 부산해운, open: sepsis early-warning on pseudonymised ED data. */
  haeunSepsisOpen: "7e5b0000-0000-4000-8000-000000000007",
  /** 부산해운, closed: rapid IVD point-of-care evaluation. */
  haeunIvdClosed: "7e5b0000-0000-4000-8000-000000000008",
} as const;

export const DEMO_TESTBED_REQUEST_IDS = {
  /** company1 → 한빛 imaging: requested (both demo logins are parties). */
  lumenImagingRequested: "7e5c0000-0000-4000-8000-000000000001",
  /** cardiosense → 한빛 ECG: completed, verified track record. */
  cardiosenseEcgCompleted: "7e5c0000-0000-4000-8000-000000000002",
  /** mindwave → 서울누리 DTx: in progress (neither hospital1 nor company1 is a party). */
  mindwaveDtxInProgress: "7e5c0000-0000-4000-8000-000000000003",
  /** genomeplus → 부산해운 sepsis: approved. */
  genomeplusSepsisApproved: "7e5c0000-0000-4000-8000-000000000004",
  /** mindwave → 부산해운 sepsis: declined (capacity full). */
  mindwaveSepsisDeclined: "7e5c0000-0000-4000-8000-000000000005",
  /** cardiosense → 서울누리 rehab: withdrawn. */
  cardiosenseRehabWithdrawn: "7e5c0000-0000-4000-8000-000000000006",
} as const;

export const DEMO_CERT_IDS = {
  /** company1: MFDS class II, obtained, evidence, verified. */
  lumenMfds2: "7e5d0000-0000-4000-8000-000000000001",
  /** company1: ISO 13485, obtained, evidence awaiting verification. */
  lumenIso13485: "7e5d0000-0000-4000-8000-000000000002",
  /** cardiosense: KC/EMC, obtained, evidence awaiting verification. */
  cardiosenseKc: "7e5d0000-0000-4000-8000-000000000003",
  /** mindwave (company2): ISO 13485, obtained, evidence awaiting verification. */
  mindwaveIso13485: "7e5d0000-0000-4000-8000-000000000004",
  /** genomeplus: CE-MDR/IVDR, obtained, evidence, verified. */
  genomeplusCe: "7e5d0000-0000-4000-8000-000000000005",
} as const;
