import { existsSync, watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { seedIfEmpty } from "../db/seed/seed";
import { setDbHandle } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";
import { openAppDb } from "./lib/app-db";
import { createServer, installShutdown } from "./lib/server";

const BUILD = path.resolve("build/index.js");
const VERSION = path.resolve("build/version.txt");

async function importBuild(): Promise<ServerBuild> {
  // A query string busts Node's ESM cache so every rebuild is picked up.
  return (await import(`${pathToFileURL(BUILD).href}?t=${Date.now()}`)) as ServerBuild;
}

const env = getEnv();
const handle = await openAppDb();
setDbHandle(handle);
await seedIfEmpty(handle.db, { nodeEnv: "development" });

let build = await importBuild();
const server = createServer({ build: async () => build, port: env.PORT, host: env.HOST, mode: "development", logRequests: true });
installShutdown(server, () => handle.close());
server.listen(env.PORT, env.HOST, () => {
  console.log(`[dev] MediBridge on http://localhost:${env.PORT}`);
  void broadcastDevReady(build);
});

if (existsSync(VERSION)) {
  watch(path.dirname(VERSION), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    void broadcastDevReady(build);
  });
}
