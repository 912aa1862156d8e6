/**
 * `npm run seed:scale`: the demo seed (if the database is empty), then 10,000
 * needs, 5,000 companies, 20,000 applications, 3,000 pitches, 1,000 testbed
 * offers and 50,000 messages on top, into DATABASE_URL (PostgreSQL) or the
 * PGlite data dir (PGLITE_DIR, default data/pglite). Prints the time taken.
 *
 *   npm run seed:scale                 # factor 1 (the figures above)
 *   npm run seed:scale -- --factor 0.05 --reset
 *     --factor F   scale every count by F (small runs while developing)
 *     --reset      remove earlier scale rows first (otherwise: skip if present)
 */
import { seedIfEmpty } from "../db/seed/seed";
import { hasScaleData, removeScaleData, scaleCounts, seedScale } from "../db/seed/scale/seed-scale";
import { openAppDb } from "./lib/app-db";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}
const factor = Number(arg("--factor") ?? process.env.SCALE_FACTOR ?? 1);
if (!(factor > 0 && factor <= 10)) {
  console.error("--factor must be a number in (0, 10]");
  process.exit(2);
}
const reset = process.argv.includes("--reset");

const started = performance.now();
const handle = await openAppDb();
try {
  await seedIfEmpty(handle.db, { nodeEnv: process.env.NODE_ENV, force: process.env.SEED_FORCE === "1", log: () => {} });
  if (await hasScaleData(handle.db)) {
    if (!reset) {
      console.log("[seed:scale] scale data already present (use --reset to write it again).");
      process.exitCode = 0;
    } else {
      const t = performance.now();
      await removeScaleData(handle.db);
      console.log(`[seed:scale] removed earlier scale data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  if (reset || !(await hasScaleData(handle.db))) {
    const c = scaleCounts(factor);
    console.log(
      `[seed:scale] ${handle.kind}: ${c.needs} needs, ${c.companies} companies, ${c.applications} applications, ${c.pitches} pitches, ${c.testbedOffers} testbed offers, ${c.messages} messages (factor ${factor})`,
    );
    const result = await seedScale(handle.db, { factor, log: (s) => console.log(s) });
    console.log(`[seed:scale] rows: ${Object.entries(result.rows).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    console.log(`[seed:scale] written in ${(result.writeMs / 1000).toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await handle.close();
}
