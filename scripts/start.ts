/**
 * `npm start`: build if needed, migrate, seed demo data into an empty
 * database, then serve on PORT (default 3000). Running it again keeps the data.
 */
import { execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "../app/utils/env.server";
import { setDbHandle } from "../app/utils/db.server";
import { openAppDb } from "./lib/app-db";
import { createServer, installShutdown } from "./lib/server";
import { seedIfEmpty } from "../db/seed/seed";
import { warmMatching } from "../app/modules/matching/service.server";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const out = path.resolve("build/index.js");
  const sources = Math.max(newestMtime(path.resolve("app")), newestMtime(path.resolve("db")), statSync("remix.config.js").mtimeMs);
  // A build left by `npm run dev` is a development build: never serve that.
  const production = existsSync(out) && /\bmode = "production"/.test(readFileSync(out, "utf8"));
  if (production && statSync(out).mtimeMs >= sources) return;
  console.log("[start] building…");
  // Always a production build, whatever NODE_ENV the caller has.
  execSync("npx remix build", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}

async function main() {
  const env = getEnv();
  buildIfNeeded();
  const handle = await openAppDb();
  setDbHandle(handle);
  // The seed guard sees the NODE_ENV the operator set (production refuses
  // unless SEED_FORCE=1); the server itself always runs React's production build.
  await seedIfEmpty(handle.db, { nodeEnv: process.env.NODE_ENV, force: process.env.SEED_FORCE === "1" });
  process.env.NODE_ENV = "production";
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const server = createServer({ build, port: env.PORT, host: env.HOST, mode: "production", logRequests: env.LOG_REQUESTS });
  installShutdown(server, () => handle.close());
  server.listen(env.PORT, env.HOST, () => {
    console.log(`[start] MediBridge on http://localhost:${env.PORT} (${handle.kind === "pglite" ? `PGlite at ${env.PGLITE_DIR}` : "PostgreSQL"})`);
    // The match indexes load in the background (in slices: pages keep being served).
    warmMatching(handle.db).catch((err: unknown) => console.error("[start] match index:", err instanceof Error ? err.message : err));
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
