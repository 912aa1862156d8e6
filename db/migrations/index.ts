import type { Migration } from "kysely/migration";
import * as m0001 from "./20261125_0001_accounts";
import * as m0002 from "./20261125_0002_needs_applications";
import * as m0003 from "./20261125_0003_pitches";
import * as m0004 from "./20261125_0004_testbeds_moderation";
import * as m0005 from "./20261125_0005_idempotency";
import * as m0007 from "./20261125_0007_scale_indexes";
import * as m0008 from "./20261125_0008_match_fits";
import * as m0009 from "./20261125_0009_idempotency_more";
import * as m0010 from "./20261204_0010_match_fit_digest";
import * as m0011 from "./20261207_0011_pitch_count_indexes";

/**
 * Static migration index: works inside the bundled server and in scripts alike
 * (no directory scanning). `db/migrations/index.test.ts` fails when a file in
 * this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "20261125_0001_accounts": m0001,
  "20261125_0002_needs_applications": m0002,
  "20261125_0003_pitches": m0003,
  "20261125_0004_testbeds_moderation": m0004,
  "20261125_0005_idempotency": m0005,
  "20261125_0007_scale_indexes": m0007,
  "20261125_0008_match_fits": m0008,
  "20261125_0009_idempotency_more": m0009,
  "20261204_0010_match_fit_digest": m0010,
  "20261207_0011_pitch_count_indexes": m0011,
};
