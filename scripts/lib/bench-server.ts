/**
 * A server process for `npm run bench:web`, started by the benchmark (never by
 * hand). Two kinds, so both are measured the same way:
 *
 *   app <port>            the production server exactly as `npm start` serves
 *                         it (scripts/lib/server.ts + the Remix build in the
 *                         working directory), on DATABASE_URL;
 *   raw <port> <file>     a bare node:http server answering each path with the
 *                         HTML bytes the app gave for it (JSON file: path → body).
 *
 * The parent asks for this process's CPU time over IPC ("cpu" → process.cpuUsage()),
 * so nothing is added to the HTTP path, and stops it with "stop".
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const [kind, portArg, file] = process.argv.slice(2);
const port = Number(portArg);
let close: () => Promise<void> = async () => {};
let server: http.Server;

if (kind === "raw") {
  const pages = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const bodies = new Map(Object.entries(pages).map(([p, html]) => [p, Buffer.from(html, "utf8")]));
  server = http.createServer((req, res) => {
    const body = bodies.get(req.url ?? "");
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 5000;
} else if (kind === "app") {
  process.env.NODE_ENV = "production";
  const { setDbHandle } = await import("../../app/utils/db.server");
  const { configFromEnv, openDb } = await import("../../db/client");
  const { getEnv } = await import("../../app/utils/env.server");
  const { createServer } = await import("./server");
  const handle = await openDb(configFromEnv(getEnv()));
  setDbHandle(handle);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  server = createServer({ build, port, host: "127.0.0.1", mode: "production", logRequests: false });
  close = () => handle.close();
  // Measure the steady state: the match indexes loaded and their stored fits in line (npm start loads them in the background).
  const { warmMatching } = await import("../../app/modules/matching/service.server");
  await warmMatching(handle.db, { settle: true });
} else {
  console.error("usage: bench-server.ts app|raw <port> [pages.json]");
  process.exit(2);
}

// A CPU profile of a window the parent chooses (after its warm-up), not of start-up.
let profiler: Session | null = null;
process.on("message", (m: unknown) => {
  if (m === "cpu") process.send?.({ cpu: process.cpuUsage(), rss: process.memoryUsage().rss });
  if (m === "profile-start") {
    void (async () => {
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 200 });
      await profiler.post("Profiler.start");
      process.send?.({ profiling: true });
    })();
  }
  if (typeof m === "object" && m !== null && "profileStopTo" in m && profiler) {
    const to = String((m as { profileStopTo: string }).profileStopTo);
    void (async () => {
      const { profile } = await profiler!.post("Profiler.stop");
      writeFileSync(to, JSON.stringify(profile));
      profiler!.disconnect();
      profiler = null;
      process.send?.({ profiled: to });
    })();
  }
  if (m === "stop") {
    server.closeAllConnections();
    server.close(() => {
      void close().finally(() => process.exit(0));
    });
  }
});

server.listen(port, "127.0.0.1", () => process.send?.({ ready: true }));
