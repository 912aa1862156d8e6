/**
 * Fixed ids of the demo program calls and needs, so demo links, other seeds and
 * the authorization matrix can name them. No imports: e2e code reads this file.
 */
export const DEMO_CALL_IDS = {
  alwaysOn: "ca110000-0000-4000-8000-000000000001",
  overseas: "ca110000-0000-4000-8000-000000000002",
} as const;

export const DEMO_NEED_IDS = {
  hanbitLungCt: "5eed0000-0000-4000-8000-000000000001",
  hanbitDeid: "5eed0000-0000-4000-8000-000000000002",
  hanbitHeartFailure: "5eed0000-0000-4000-8000-000000000003",
  hanbitStrokeDraft: "5eed0000-0000-4000-8000-000000000004",
  hanbitDischargeNlp: "5eed0000-0000-4000-8000-000000000005",
  hanbitPolypClosed: "5eed0000-0000-4000-8000-000000000006",
  nuriFall: "5eed0000-0000-4000-8000-000000000007",
  nuriStrokeRobot: "5eed0000-0000-4000-8000-000000000008",
  nuriDepressionDtx: "5eed0000-0000-4000-8000-000000000009",
  nuriMedicationDraft: "5eed0000-0000-4000-8000-000000000010",
  nuriKneeVrMatched: "5eed0000-0000-4000-8000-000000000011",
  haeunSepsis: "5eed0000-0000-4000-8000-000000000012",
  haeunIcuPlatform: "5eed0000-0000-4000-8000-000000000013",
  haeunRapidDx: "5eed0000-0000-4000-8000-000000000014",
} as const;
