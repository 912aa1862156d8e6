import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { fillPattern, routePattern } from "../../scripts/security/harness";
import { DEMO } from "../fixtures";
import { contextAs, crawl, manifestRoutes, START_PAGES, UUID_RE, type Page } from "./crawl";

/**
 * Request-level attacks (SECURITY.md): CSRF on every action, security headers
 * and CSP on every HTML response, SQL metacharacters in every query parameter,
 * upload attacks. Figures go to SECURITY_FIGURES_DIR when set (npm run test:security).
 */

const EVIL = "https://evil.example";
const figures: Record<string, number> = {};
function saveFigures() {
  const dir = process.env.SECURITY_FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "request-attacks.json");
  let prev: Record<string, number> = {};
  try {
    prev = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    /* first */
  }
  writeFileSync(file, JSON.stringify({ ...prev, ...figures }));
}

async function applicationOf(ctx: APIRequestContext): Promise<string> {
  const html = await (await ctx.get("/applications")).text();
  const id = new RegExp(`/applications/(${UUID_RE})`).exec(html)?.[1];
  expect(id, "company1 has an application in the demo data").toBeTruthy();
  return id!;
}

test.describe.configure({ mode: "serial" });

test("CSRF: cross-site POSTs to every action are refused and change nothing", async ({ baseURL, browser }) => {
  test.setTimeout(180_000);
  const base = baseURL!;
  // Signed in, but sending no Origin of its own: each variant sets its headers.
  const company = await contextAs(base, "company1", { origin: false });
  const appId = await applicationOf(company);
  const known = await crawl(company, ["/applications", "/needs", "/pitches", "/testbeds", "/events", "/meetings"], 40);

  const variants: { name: string; headers: Record<string, string> }[] = [
    { name: "cross-site Origin", headers: { Origin: EVIL } },
    { name: "Origin: null", headers: { Origin: "null" } },
    { name: "no Origin, cross-site Referer", headers: { Referer: `${EVIL}/attack.html` } },
    { name: "no Origin/Referer, Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "look-alike host in Origin", headers: { Origin: `${base}.evil.example` } },
    { name: "signed in, no Origin, Referer or Sec-Fetch-Site", headers: {} },
  ];
  const routes = (await manifestRoutes()).filter((r) => r.hasAction);
  let checked = 0;
  const wrong: string[] = [];
  for (const r of routes) {
    const { pattern } = routePattern(r.id.replace(/^routes\//, ""));
    const re = new RegExp(`^${pattern.replace(/:[A-Za-z0-9_]+/g, "[^/]+").replace(/\./g, "\\.")}$`);
    const url = known.map((p) => p.url.replace(/\?.*$/, "")).find((u) => re.test(u)) ?? fillPattern(pattern, new Proxy({}, { get: () => "00000000-0000-0000-0000-000000000000" }));
    for (const v of variants) {
      const res = await company.post(url, { form: { intent: "message", body: "csrf", title: "csrf", summary: "csrf" }, headers: v.headers });
      checked++;
      if (res.status() !== 403) wrong.push(`${r.id} ${url} (${v.name}): ${res.status()}`);
    }
  }

  // Nothing changed: a message and a need sent cross-site are not stored; the same-origin control is.
  const marker = `CSRF-${randomBytes(5).toString("hex")}`;
  for (const v of variants) await company.post(`/applications/${appId}`, { form: { intent: "message", body: `${marker} ${v.name}` }, headers: v.headers });
  const hospital = await contextAs(base, "hospital1", { origin: false });
  for (const v of variants) await hospital.post("/needs/new", { form: { title: `${marker} need`, summary: "csrf", intent: "publish" }, headers: v.headers });
  const thread = await (await company.get(`/applications/${appId}`)).text();
  const needs = await (await hospital.get(`/needs?q=${marker}`)).text();
  expect(thread.includes(marker), "cross-site messages were not stored").toBe(false);
  // The search box echoes the query (the marker); a stored need would show its title "<marker> need".
  expect(needs.includes(`${marker} need`), "cross-site needs were not stored").toBe(false);
  const control = await company.post(`/applications/${appId}`, { form: { intent: "message", body: `${marker} same-origin control` }, headers: { Origin: base } });
  expect(control.status(), "the same POST with a same-origin Origin works").toBe(302);
  expect((await (await company.get(`/applications/${appId}`)).text()).includes(`${marker} same-origin control`), "the same-origin control message is stored").toBe(true);

  // A real browser: a page on another site auto-submits a form to the app while the victim is signed in.
  const ctx = await browser.newContext({ baseURL: base });
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(DEMO.users.company1.email);
  await page.locator('input[name="password"]').fill(DEMO.password);
  await page.locator('form[method="post"] button[type="submit"]').first().click();
  await expect(page).not.toHaveURL(/\/login/);
  const evilUrl = base.replace("localhost", "127.0.0.1") + "/__evil.html";
  await page.route(evilUrl, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form id=f method=post action="${base}/applications/${appId}"><input name=intent value=message><input name=body value="${marker} from another site"></form><script>document.getElementById('f').submit()</script>`,
    }),
  );
  const answer = page.waitForResponse((r) => r.url().startsWith(`${base}/applications/${appId}`) && r.request().method() === "POST");
  await page.goto(evilUrl);
  const status = (await answer).status();
  await ctx.close();
  const after = await (await company.get(`/applications/${appId}`)).text();
  expect(after.includes(`${marker} from another site`), "a cross-site form in Chromium stored nothing").toBe(false);
  expect(status, "the cross-site form POST is refused").toBe(403);

  figures.csrfCells = checked;
  figures.csrfMismatches = wrong.length;
  saveFigures();
  console.log(`CSRF: ${routes.length} actions × ${variants.length} cross-site variants = ${checked} POSTs, ${wrong.length} not refused; Chromium cross-site form: ${status}`);
  expect(wrong, wrong.join("\n")).toEqual([]);
  for (const c of [company, hospital]) await c.dispose();
});

function headerProblems(p: Page, nonces: Set<string>): string[] {
  const h = p.headers;
  const out: string[] = [];
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  if (!csp) out.push("no Content-Security-Policy");
  if (!nonce) out.push("script-src without a nonce");
  if (/'unsafe-inline'|'unsafe-eval'|\*/.test(scriptSrc)) out.push(`script-src too wide: ${scriptSrc}`);
  for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) if (!csp.includes(d)) out.push(`CSP lacks ${d}`);
  if (h["x-content-type-options"] !== "nosniff") out.push("X-Content-Type-Options");
  if (!h["referrer-policy"]) out.push("Referrer-Policy");
  if (h["x-frame-options"] !== "DENY") out.push("X-Frame-Options");
  if (h["x-powered-by"]) out.push("X-Powered-By present");
  if (nonce) {
    if (nonces.has(nonce)) out.push("nonce reused across responses");
    nonces.add(nonce);
    for (const m of p.body.matchAll(/<script\b([^>]*)>/g)) {
      const attr = /nonce="([^"]*)"/.exec(m[1])?.[1];
      if (attr !== nonce && !/type="application\/(ld\+)?json"/.test(m[1])) out.push(`<script> without the response's nonce`);
    }
  }
  if (/at [^\s]+ \([^)]*\.(js|ts):\d+:\d+\)|node_modules\//.test(p.body)) out.push("stack trace in the body");
  return out;
}

test("headers and CSP on every HTML response (crawl as every actor, error pages included)", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const nonces = new Set<string>();
  const problems: string[] = [];
  let html = 0;
  for (const actor of ["visitor", "hospital1", "company1", "investor1", "operator"] as const) {
    const ctx = await contextAs(base, actor);
    const pages = await crawl(ctx, [...START_PAGES, "/no-such-page", `/needs/${"0".repeat(8)}-0000-0000-0000-000000000000`, "/needs/not-a-uuid"], 45);
    for (const p of pages.filter((x) => /text\/html/.test(x.headers["content-type"] ?? ""))) {
      html++;
      for (const prob of headerProblems(p, nonces)) problems.push(`${actor} ${p.url} (${p.status}): ${prob}`);
    }
    await ctx.dispose();
  }
  // The session cookie: HttpOnly, SameSite=Lax, whole site.
  const login = await (await contextAs(base, "visitor")).post("/login", { form: { email: DEMO.users.company1.email, password: DEMO.password } });
  const cookie = (login.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && /session=[^;]+/.test(h.value))?.value ?? "").toLowerCase();
  expect(cookie, "session cookie").toContain("httponly");
  expect(cookie).toContain("samesite=lax");
  expect(cookie).toContain("path=/");
  figures.htmlResponses = html;
  figures.headerProblems = problems.length;
  saveFigures();
  console.log(`headers: ${html} HTML responses checked, ${problems.length} problems, ${nonces.size} distinct nonces`);
  expect(html).toBeGreaterThan(40);
  expect(problems, problems.slice(0, 30).join("\n")).toEqual([]);
});

test("SQL metacharacters in every query parameter are harmless", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL!;
  const VALUES = ["' OR '1'='1", "1; DROP TABLE users; --", "1' UNION SELECT password_hash FROM users --", "'||(select pg_sleep(3))||'", "\\'\"%00%", "%27%22%3B"];
  const NAMES = ["q", "page", "sort", "status", "area", "field", "type", "deadline", "tab", "stage", "round", "kind", "region", "trl", "from", "to", "lng", "redirectTo", "invite", "token", "event", "pitch", "org", "filter"];
  let requests = 0;
  const problems: string[] = [];
  for (const actor of ["visitor", "hospital1", "company1", "operator"] as const) {
    const ctx = await contextAs(base, actor);
    const pages = (await crawl(ctx, START_PAGES, 25)).filter((p) => p.status === 200);
    const paths = [...new Set(pages.map((p) => p.url.replace(/\?.*$/, "")))];
    for (const p of paths) {
      for (const v of VALUES) {
        const qs = new URLSearchParams(NAMES.map((n) => [n, v])).toString();
        const t0 = Date.now();
        const res = await ctx.get(`${p}?${qs}`);
        const ms = Date.now() - t0;
        const body = await res.text();
        requests++;
        if (res.status() >= 500) problems.push(`${actor} ${p} ${v}: ${res.status()}`);
        // (The values themselves are echoed by search boxes; a timing check catches the injected sleep.)
        if (/syntax error at or near|unterminated quoted string|invalid input syntax for|\$argon2/i.test(body)) problems.push(`${actor} ${p} ${v}: SQL error text or a password hash in the answer`);
        if (ms > 2900) problems.push(`${actor} ${p} ${v}: took ${ms} ms (injected sleep?)`);
      }
    }
    await ctx.dispose();
  }
  figures.sqlParamRequests = requests;
  figures.sqlParamProblems = problems.length;
  saveFigures();
  console.log(`query parameters: ${requests} requests with SQL metacharacters in ${NAMES.length} parameters, ${problems.length} problems`);
  expect(requests).toBeGreaterThan(50);
  expect(problems, problems.join("\n")).toEqual([]);
});

test("upload attacks: wrong signature, oversize while streaming, path and header tricks in file names", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const company = await contextAs(base, "company1");
  const appId = await applicationOf(company);
  const fileLinks = async () => new Set([...(await (await company.get(`/applications/${appId}`)).text()).matchAll(new RegExp(`href="/files/(${UUID_RE})"`, "g"))].map((m) => m[1]));
  const before = await fileLinks();
  const msg = (body: string, file: { name: string; mimeType: string; buffer: Buffer }) =>
    company.post(`/applications/${appId}`, { multipart: { intent: "message", body, attachments: file } });

  // 1. Not a PDF (HTML, a GIF, an EXE named .pdf and sent as application/pdf).
  for (const buffer of [Buffer.from("<html><script>alert(1)</script></html>"), Buffer.from("GIF89a\x01\x00\x01\x00"), Buffer.from("MZ\x90\x00\x03")]) {
    const r = await msg("wrong signature", { name: "report.pdf", mimeType: "application/pdf", buffer });
    expect(r.status(), "a file that does not start with %PDF- is refused").toBe(400);
  }
  // 2. Oversize: refused while streaming (before the whole body is stored).
  const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024, 0x41)]);
  const t0 = Date.now();
  const r2 = await msg("oversize", { name: "big.pdf", mimeType: "application/pdf", buffer: big });
  expect([400, 413]).toContain(r2.status());
  const oversizeMs = Date.now() - t0;
  expect(await fileLinks(), "refused uploads stored nothing").toEqual(before);

  // 3. Path and header tricks in the name of a real PDF: stored under a generated name, served as a download.
  const names = ["../../../../etc/passwd.pdf", "..\\..\\windows\\system.ini.pdf", "a\r\nX-Injected: 1.pdf", "\u202Efdp.exe", "<img src onerror>.pdf"];
  // (Names containing "=" or ";" are refused as malformed by Remix's multipart parser: a usability limit, not a hole.)
  for (const name of names) {
    const r = await msg(`path trick ${name.length}`, { name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    const why = r.status() === 302 ? "" : (/(?:applications:upload|validation)\.\w+/.exec(await r.text())?.[0] ?? "");
    expect(r.status(), `upload named ${JSON.stringify(name)} ${why}`).toBe(302);
  }
  const added = [...(await fileLinks())].filter((id) => !before.has(id));
  expect(added.length, "the tricky names were stored as new attachments").toBe(names.length);
  for (const id of added) {
    const res = await company.get(`/files/${id}`);
    const h = res.headers();
    expect(res.status()).toBe(200);
    expect(h["content-disposition"]).toMatch(/^attachment;/);
    expect(h["content-disposition"], "no path in the download name").not.toMatch(/[/\\]|\.\.|[\r\n]/);
    expect(h["x-injected"], "no header injected through the file name").toBeUndefined();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["content-type"]).toBe("application/pdf");
    expect(h["content-security-policy"]).toContain("sandbox");
  }
  // Another organisation cannot fetch them.
  const investor = await contextAs(base, "investor1");
  for (const id of added) expect((await investor.get(`/files/${id}`)).status()).toBe(404);
  figures.uploadAttacks = 3 + 1 + names.length;
  saveFigures();
  console.log(`uploads: 3 wrong signatures refused, oversize refused in ${oversizeMs} ms, ${names.length} tricky names stored safely`);
  await company.dispose();
  await investor.dispose();
});
