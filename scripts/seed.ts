import { seedIfEmpty } from "../db/seed/seed";
import { openAppDb } from "./lib/app-db";

const handle = await openAppDb();
try {
  await seedIfEmpty(handle.db, { nodeEnv: process.env.NODE_ENV, force: process.env.SEED_FORCE === "1" });
} finally {
  await handle.close();
}
