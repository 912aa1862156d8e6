import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { securityHeaders, originCheck } from "../../app/utils/security.server";
import { pageCaching, SESSION_COOKIE } from "./http-cache";
import { sql } from "kysely";
import { getDb } from "../../app/utils/db.server";
import { withPoolBudget } from "../../db/pool-budget";

export type ServeOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  port: number;
  host: string;
  mode: "production" | "development";
  logRequests?: boolean;
};

/**
 * The HTTP server: static files with long-lived caching for hashed assets,
 * compression, security headers and the Origin check in one visible place,
 * then Remix. Returns the node server so callers can shut it down.
 */
export function createServer(opts: ServeOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // All database waits of one request share one pool-wait budget: when the
  // pool is exhausted a page answers 503 after the connect timeout, not after
  // one timeout per query (db/pool-budget.ts). Reads also get a per-request
  // memo (the root and page loaders share one session lookup).
  app.use((req, _res, next) => withPoolBudget(next, { readOnly: req.method === "GET" || req.method === "HEAD" }));
  app.use(compression());

  // Hashed build assets never change: cache for a year.
  app.use(
    "/build",
    express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y", index: false }),
  );
  // Other public files (favicon, robots.txt): only paths that name a file, so
  // page requests do not each cost a file-system lookup.
  const publicFiles = express.static(path.resolve("public"), { maxAge: "1h", index: false });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  if (opts.logRequests) {
    app.use((req, res, next) => {
      const start = process.hrtime.bigint();
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
      next();
    });
  }

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    securityHeaders(res.locals.cspNonce as string, opts.mode).forEach((value, key) => res.setHeader(key, value));
    next();
  });

  app.use((req, res, next) => {
    const verdict = originCheck({
      method: req.method,
      host: req.headers.host,
      origin: req.headers.origin,
      referer: req.headers.referer,
      secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
      hasSession: SESSION_COOKIE.test(req.headers.cookie ?? ""),
    });
    if (verdict.ok) return next();
    res.status(403).type("text/plain; charset=utf-8").send("요청 출처를 확인할 수 없습니다. / Cross-origin request refused.");
  });

  // ETag/304 for anonymous page views, their renders reused until the database
  // says the data changed; signed-in pages private (see http-cache.ts).
  app.use(
    pageCaching({
      generation: async () => (await sql<{ n: number }>`select n from page_generation where id = 1`.execute(await getDb())).rows[0]?.n ?? null,
    }),
  );

  app.all(
    "*",
    createRequestHandler({
      build: opts.build,
      mode: opts.mode,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const server = http.createServer(app);
  server.keepAliveTimeout = 5000;
  return server;
}

/** Stop accepting, let in-flight requests finish, then run `cleanup`; hard exit at `limitMs`. */
export function installShutdown(server: http.Server, cleanup: () => Promise<void>, limitMs = 8000) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: finishing requests and closing the database…`);
    const timer = setTimeout(() => {
      console.error("Shutdown took too long; exiting.");
      process.exit(1);
    }, limitMs);
    timer.unref();
    server.close(async () => {
      try {
        await cleanup();
      } finally {
        clearTimeout(timer);
        process.exit(0);
      }
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), Math.min(3000, limitMs / 2)).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
