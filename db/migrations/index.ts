import type { Migration } from "kysely/migration";
import * as m0001 from "./20261125_0001_accounts";
import * as m0002 from "./20261125_0002_needs_applications";

/**
 * Static migration index: works inside the bundled server and in scripts alike
 * (no directory scanning). `db/migrations/index.test.ts` fails when a file in
 * this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "20261125_0001_accounts": m0001,
  "20261125_0002_needs_applications": m0002,
};
