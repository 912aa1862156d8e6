import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** The session cookie, in production (__Host-) and plain-HTTP form (see lucia.server.ts). */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?mb_session=/;

/** Weak comparison of an If-None-Match header with our tag (RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v.replace(/^W\//, "") === bare;
  });
}

/**
 * HTTP caching for pages, where it is safe:
 *
 * - Signed-in requests (session cookie present): `Cache-Control: private,
 *   no-cache` unless the route set its own (downloads say no-store). No
 *   validator: such a page is never answered 304, never stored by a shared cache.
 * - Anonymous GETs of HTML pages (200, no Set-Cookie): a weak ETag over the
 *   rendered body with the per-request CSP nonce left out, `Cache-Control:
 *   no-cache` (the browser asks every time, so nothing is ever stale) and
 *   `Vary: Cookie`. A matching If-None-Match gets 304 without the body. The page
 *   is still rendered (freshness: the tag is of what the database says now); a
 *   304 saves the bytes, not the work. The 304 carries no CSP header, so the
 *   browser keeps the policy whose nonce matches the body it keeps.
 *
 * Any other response (other types, statuses, HEAD, POST) passes through untouched.
 */
export type PageCacheOptions = {
  /**
   * The database's page generation (a counter bumped in the same transaction
   * as any write to what anonymous pages show: migration 0007), or null when
   * it cannot be read (then nothing is served from the cache).
   */
  generation?: () => Promise<number | null>;
  /** Paths whose anonymous renders may be reused (default: /, /needs, /needs/<uuid>). */
  paths?: RegExp;
  maxEntries?: number;
};

type Entry = { generation: number; day: string; parts: string[]; headers: [string, string][]; etag: string };

const DEFAULT_PATHS = /^\/(?:needs(?:\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?)?$/i;
/** The only cookie an anonymous request may carry and still share a render: the language choice. */
const ONLY_LNG_COOKIE = /^\s*(?:lng=(?:ko|en))?\s*$/;
/** Pages show dates relative to today in Seoul ("D-3", deadline filter): a new day is a new render. */
const seoulDay = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

/**
 * Anonymous renders reused, with their validators (see pageCaching): for an
 * allow-listed path, a request with no cookie but the language, and a 200 HTML
 * response that sets no cookie, the body is kept (split at the CSP nonce) under
 * path + query + language + Accept-Language, and served again — with the new
 * request's nonce put back in — while the database's page generation and the
 * day in Seoul are unchanged. Any write to the tables the pages read bumps the
 * generation in its own transaction, so no render older than a committed write
 * is ever served (also when another process wrote).
 */
export function pageCaching(opts: PageCacheOptions = {}) {
  const paths = opts.paths ?? DEFAULT_PATHS;
  const maxEntries = opts.maxEntries ?? 500;
  const cache = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0 };
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (SESSION_COOKIE.test(req.headers.cookie ?? "")) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
        if (!res.getHeader("Cache-Control")) res.setHeader("Cache-Control", "private, no-cache");
        return writeHead.apply(this, args);
      } as Response["writeHead"];
      return next();
    }
    if (req.method !== "GET") return next();
    const cacheable = Boolean(opts.generation) && paths.test(req.path) && ONLY_LNG_COOKIE.test(req.headers.cookie ?? "");
    if (!cacheable) return buffered(req, res, next, null);
    const key = `${req.originalUrl}\n${req.headers.cookie ?? ""}\n${req.headers["accept-language"] ?? ""}`;
    opts.generation!()
      .catch(() => null)
      .then((generation) => {
        const hit = cache.get(key);
        const nonce = typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "";
        if (generation !== null && hit && hit.generation === generation && hit.day === seoulDay() && nonce) {
          stats.hits++;
          cache.delete(key); // most recently used last
          cache.set(key, hit);
          for (const [k, v] of hit.headers) res.setHeader(k, v);
          res.setHeader("ETag", hit.etag);
          res.setHeader("Cache-Control", "no-cache");
          res.vary("Cookie");
          if (matches(req.headers["if-none-match"], hit.etag)) {
            res.removeHeader("Content-Security-Policy");
            res.status(304).end();
            return;
          }
          const body = Buffer.from(hit.parts.join(nonce), "utf8");
          res.setHeader("Content-Length", body.length);
          res.status(200).end(body);
          return;
        }
        stats.misses++;
        buffered(req, res, next, generation === null ? null : { key, generation, day: seoulDay() });
      })
      .catch(next);
  };
  const store = (target: { key: string; generation: number; day: string }, res: Response, body: Buffer, nonce: string, etag: string) => {
    if (!nonce) return;
    const headers: [string, string][] = [];
    for (const name of ["Content-Type", "Link", "Vary"]) {
      const v = res.getHeader(name);
      if (v !== undefined) headers.push([name, Array.isArray(v) ? v.join(", ") : String(v)]);
    }
    cache.set(target.key, { generation: target.generation, day: target.day, parts: body.toString("utf8").split(nonce), headers, etag });
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  };

  /** Render (Remix), buffering an HTML 200 to tag it, and keep it when `target` says so. */
  function buffered(req: Request, res: Response, next: NextFunction, target: { key: string; generation: number; day: string } | null) {
    const write = res.write;
    const end = res.end;
    const chunks: Buffer[] = [];
    let decided: "buffer" | "pass" | null = null;
    const restore = () => {
      res.write = write;
      res.end = end;
    };
    const decide = () => {
      if (decided) return decided;
      const type = String(res.getHeader("Content-Type") ?? "");
      decided = res.statusCode === 200 && /^text\/html/i.test(type) && !res.getHeader("Set-Cookie") ? "buffer" : "pass";
      if (decided === "pass") restore();
      return decided;
    };
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);

    res.write = function (this: Response, chunk: unknown, encoding?: unknown, cb?: unknown) {
      if (decide() === "pass") return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, cb);
      chunks.push(toBuffer(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : cb;
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    } as Response["write"];

    res.end = function (this: Response, chunk?: unknown, encoding?: unknown, cb?: unknown) {
      if (decide() === "pass") return (end as (...a: unknown[]) => Response).call(this, chunk, encoding, cb);
      restore();
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
      const done = [chunk, encoding, cb].find((x) => typeof x === "function") as (() => void) | undefined;
      const body = Buffer.concat(chunks);
      const nonce = typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "";
      const hashed = nonce ? body.toString("utf8").split(nonce).join("") : body;
      const etag = `W/"${createHash("sha1").update(hashed).digest("base64url")}"`;
      if (target && res.statusCode === 200) store(target, res, body, nonce, etag);
      res.setHeader("ETag", etag);
      res.setHeader("Cache-Control", "no-cache");
      res.vary("Cookie");
      if (matches(req.headers["if-none-match"], etag)) {
        res.statusCode = 304;
        for (const h of ["Content-Security-Policy", "Content-Type", "Content-Length", "Transfer-Encoding"]) res.removeHeader(h);
        return (end as (...a: unknown[]) => Response).call(this, done);
      }
      res.setHeader("Content-Length", body.length);
      return (end as (...a: unknown[]) => Response).call(this, body, done);
    } as Response["end"];
    next();
  }
  return Object.assign(middleware, { stats, clear: () => cache.clear() });
}
