/**
 * Fixed ids of the demo pitches and pitch events, so demo links, other seeds
 * and the authorization matrix can name them. No imports: e2e code reads this
 * file. Owners: lumen-healthcare (company1), mindwave-therapeutics (company2),
 * cardiosense, genomeplus.
 */
export const DEMO_PITCH_IDS = {
  /** company1, published: AI lung-nodule CT reading, Series A. */
  lumenLungAi: "917c0000-0000-4000-8000-000000000001",
  /** company1, draft. */
  lumenPathologyDraft: "917c0000-0000-4000-8000-000000000002",
  /** company2, published: depression / insomnia digital therapeutic, Pre-A. */
  mindwaveDtx: "917c0000-0000-4000-8000-000000000003",
  /** cardiosense, published: wearable ECG arrhythmia monitoring, Seed. */
  cardiosenseEcg: "917c0000-0000-4000-8000-000000000004",
  /** genomeplus, published: NGS cancer panel, Series B. */
  genomeplusPanel: "917c0000-0000-4000-8000-000000000005",
  /** mindwave, archived: an earlier pitch. */
  mindwaveArchived: "917c0000-0000-4000-8000-000000000006",
} as const;

export const DEMO_EVENT_IDS = {
  /** 나는 바이오벤처다 2026 가을 라운드 (Series A focus): past, cohort selected, ratings in. */
  autumnRound: "e7e00000-0000-4000-8000-000000000001",
  /** 나는 바이오벤처다 2027 봄 라운드 (Seed/Pre-A): application window open. */
  springRound: "e7e00000-0000-4000-8000-000000000002",
} as const;
