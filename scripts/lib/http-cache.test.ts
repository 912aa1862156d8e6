import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageCaching } from "./http-cache";

let server: http.Server;
let base = "";
let content = "첫 번째 내용";

beforeAll(async () => {
  const app = express();
  app.use(compression());
  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(8).toString("hex");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce as string}'`);
    next();
  });
  app.use(pageCaching());
  // Pages write in pieces, as Remix streams them; the body carries the request's nonce.
  app.get("/page", (req, res) => {
    res.status(200).type("text/html; charset=utf-8");
    res.write(`<!doctype html><p>${content}</p>${"<i>여백</i>".repeat(200)}`);
    res.end(`<script nonce="${res.locals.cspNonce as string}"></script>`);
  });
  app.get("/with-cookie", (req, res) => {
    res.setHeader("Set-Cookie", "lng=en; Path=/");
    res.type("text/html");
    res.end("<p>hi</p>"); // as Remix writes (res.send would add Express's own ETag)
  });
  app.get("/json", (req, res) => {
    res.json({ a: 1 });
  });
  app.get("/download", (req, res) => {
    res.setHeader("Cache-Control", "private, no-store");
    res.type("application/pdf").send("%PDF-");
  });
  server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("pageCaching", () => {
  it("tags anonymous pages (nonce left out), answers 304 when unchanged, 200 when the content changed", async () => {
    content = "첫 번째 내용";
    const a = await fetch(`${base}/page`);
    const b = await fetch(`${base}/page`);
    expect(await a.text()).toContain("첫 번째 내용");
    const etag = a.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    expect(b.headers.get("etag")).toBe(etag); // different nonces, same tag
    expect(a.headers.get("cache-control")).toBe("no-cache");
    expect(a.headers.get("vary")).toMatch(/Cookie/i);

    const again = await fetch(`${base}/page`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // The browser keeps the policy whose nonce matches the body it keeps.
    expect(again.headers.get("content-security-policy")).toBeNull();

    content = "바뀐 내용";
    const changed = await fetch(`${base}/page`, { headers: { "If-None-Match": etag! } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("바뀐 내용");
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("compresses the tagged body when asked", async () => {
    const r = await fetch(`${base}/page`, { headers: { "Accept-Encoding": "gzip" } });
    expect(r.headers.get("content-encoding")).toBe("gzip");
    expect(await r.text()).toContain("<p>");
  });

  it("never tags or 304s a signed-in request; marks it private", async () => {
    const plain = await fetch(`${base}/page`);
    const etag = plain.headers.get("etag")!;
    for (const cookie of ["mb_session=abc", "lng=ko; __Host-mb_session=abc"]) {
      const r = await fetch(`${base}/page`, { headers: { Cookie: cookie, "If-None-Match": etag } });
      expect(r.status).toBe(200);
      expect(r.headers.get("etag")).toBeNull();
      expect(r.headers.get("cache-control")).toBe("private, no-cache");
    }
  });

  it("leaves responses that set cookies, other types and the route's own Cache-Control alone", async () => {
    const c = await fetch(`${base}/with-cookie`);
    expect(c.headers.get("etag")).toBeNull();
    expect(c.headers.get("cache-control")).toBeNull();
    const j = await fetch(`${base}/json`);
    expect(j.headers.get("cache-control")).toBeNull();
    const d = await fetch(`${base}/download`, { headers: { Cookie: "mb_session=abc" } });
    expect(d.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("pageCaching: anonymous renders reused until the data changes", () => {
  let srv: http.Server;
  let url = "";
  let generation: number | null = 1;
  let renders = 0;
  let text = "처음";
  beforeAll(async () => {
    const app = express();
    app.use((req, res, next) => {
      res.locals.cspNonce = randomBytes(8).toString("hex");
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce as string}'`);
      next();
    });
    app.use(pageCaching({ generation: async () => generation }));
    app.get(["/needs", "/login"], (req, res) => {
      renders++;
      res.status(200).type("text/html; charset=utf-8");
      res.end(`<p>${text}</p><script nonce="${res.locals.cspNonce as string}">1</script>`);
    });
    srv = app.listen(0);
    await new Promise((r) => srv.once("listening", r));
    url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => srv.close(() => r())));

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${url}${path}`, { headers });
    const body = await r.text();
    const nonce = /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    return { status: r.status, body, nonce, etag: r.headers.get("etag") };
  };

  it("renders once, then serves the same page with each request's own nonce", async () => {
    renders = 0;
    const a = await get("/needs");
    const b = await get("/needs");
    expect(renders).toBe(1);
    expect(b.body).toContain("처음");
    expect(b.body).toContain(`nonce="${b.nonce}"`);
    expect(b.nonce).not.toBe(a.nonce);
    expect(b.etag).toBe(a.etag);
    expect((await get("/needs", { "If-None-Match": a.etag! })).status).toBe(304);
  });

  it("renders again after a write (new generation), never serving the old page", async () => {
    renders = 0;
    await get("/needs?q=x");
    text = "바뀜";
    generation = 2;
    const after = await get("/needs?q=x");
    expect(renders).toBe(2);
    expect(after.body).toContain("바뀜");
  });

  it("does not reuse renders when the generation is unknown, for other cookies, or for paths not allowed", async () => {
    generation = null;
    renders = 0;
    await get("/needs?q=y");
    await get("/needs?q=y");
    expect(renders).toBe(2);
    generation = 3;
    renders = 0;
    await get("/needs", { Cookie: "toast=abc" });
    await get("/needs", { Cookie: "toast=abc" });
    await get("/login");
    await get("/login");
    expect(renders).toBe(4);
    // The language cookie is part of the key: Korean and English renders are kept apart.
    renders = 0;
    await get("/needs?k", { Cookie: "lng=en" });
    await get("/needs?k", { Cookie: "lng=ko" });
    await get("/needs?k", { Cookie: "lng=en" });
    expect(renders).toBe(2);
  });
});
