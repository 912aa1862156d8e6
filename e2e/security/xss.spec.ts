import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, type DemoRole } from "../fixtures";
import { skipUrl, UUID_RE } from "./crawl";

/**
 * XSS and CSP in Chromium (SECURITY.md). Every text field of the create and
 * profile forms is filled, through the real pages, with payloads that would
 * call a page function `__xss(n)` if they ever ran (script tags, event
 * handlers, javascript: URLs). Then every actor crawls the site in Chromium:
 * the function must never be called, no dialog may open, and the browser
 * must report 0 Content-Security-Policy violations (an injected inline script
 * would be blocked by the CSP and reported, so a violation is a finding too).
 * The payloads must show up as plain text somewhere (proof they were stored).
 */

const figures: Record<string, number> = {};
function saveFigures() {
  const dir = process.env.SECURITY_FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "xss-csp.json");
  let prev: Record<string, number> = {};
  try {
    prev = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    /* first */
  }
  writeFileSync(file, JSON.stringify({ ...prev, ...figures }));
}

const payload = (n: number, max: number | null) => {
  const full = `X${n}<img src=x onerror=__xss(${n})><svg onload=__xss(${n})><script>__xss(${n})</script>"'><b onmouseover=__xss(${n})>`;
  return max && max > 0 ? full.slice(0, Math.max(max, 8)) : full;
};
const urlPayload = (n: number) => `javascript:__xss(${n})`;

const HOOKS = `
  window.__xssHits = [];
  window.__xss = (n) => { window.__xssHits.push(n); };
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber + " " + (e.sample || "")));
`;

async function signedInPage(browser: Browser, baseURL: string, role: DemoRole | "visitor"): Promise<Page> {
  const ctx = await browser.newContext({ baseURL, locale: "ko-KR" });
  await ctx.addInitScript(HOOKS);
  const page = await ctx.newPage();
  page.on("dialog", (d) => {
    (page as Page & { __dialogs?: number }).__dialogs = ((page as Page & { __dialogs?: number }).__dialogs ?? 0) + 1;
    void d.dismiss();
  });
  if (role !== "visitor") {
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(DEMO.users[role].email);
    await page.locator('input[name="password"]').fill(DEMO.password);
    await page.locator('form[method="post"] button[type="submit"]').first().click();
    await expect(page).not.toHaveURL(/\/login/);
  }
  return page;
}

let fieldNo = 0;
/** Fill every text field of the page's main form with a payload and submit it. Returns the fields filled. */
async function plant(page: Page, url: string, formIndex = 0): Promise<{ fields: number; status: number | null }> {
  const res = await page.goto(url);
  if (!res || res.status() >= 400) return { fields: 0, status: res?.status() ?? null };
  const forms = page.locator('main form[method="post"]');
  if ((await forms.count()) <= formIndex) return { fields: 0, status: null };
  const form = forms.nth(formIndex);
  const inputs = form.locator('input[type="text"]:visible, input:not([type]):visible, input[type="url"]:visible, textarea:visible');
  const n = await inputs.count();
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const el = inputs.nth(i);
    if ((await el.isDisabled()) || (await el.getAttribute("readonly")) !== null) continue;
    const name = (await el.getAttribute("name")) ?? "";
    const type = (await el.getAttribute("type")) ?? "";
    const max = Number((await el.getAttribute("maxlength")) ?? 0) || null;
    const no = ++fieldNo;
    await el.fill(type === "url" || /website|url|link|homepage/i.test(name) ? urlPayload(no) : payload(no, max));
    filled++;
  }
  await form.evaluate((f: HTMLFormElement) => {
    f.noValidate = true;
  });
  const submit = form.locator('button[type="submit"]').first();
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST", { timeout: 15_000 }).catch(() => null),
    submit.click(),
  ]);
  await page.waitForLoadState("load");
  return { fields: filled, status: answer?.status() ?? null };
}

type CrawlResult = { pages: number; hits: string[]; csp: string[]; shown: number };

async function crawlInBrowser(page: Page, start: string[], max: number): Promise<CrawlResult> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...start];
  const out: CrawlResult = { pages: 0, hits: [], csp: [], shown: 0 };
  const consoleCsp: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) consoleCsp.push(m.text().slice(0, 160));
  });
  while (queue.length && out.pages < max) {
    const url = queue.shift()!;
    if (seen.has(url) || skipUrl(url)) continue;
    seen.add(url);
    const shape = url.replace(new RegExp(UUID_RE, "g"), ":id").replace(/\?.*$/, "?");
    if ((shapes.get(shape) ?? 0) >= 2) continue;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const res = await page.goto(url).catch(() => null);
    if (!res) continue;
    out.pages++;
    // Give hydration and lazy handlers a moment, and hover everything once (onmouseover payloads).
    await page.waitForLoadState("load");
    await page.mouse.move(200, 300);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xssHits: number[]; __csp: string[] };
      const links = [...document.querySelectorAll("a[href^='/']")].map((a) => a.getAttribute("href")!).filter(Boolean);
      return { hits: w.__xssHits ?? [], csp: w.__csp ?? [], shown: /onerror=__xss\(\d+\)/.test(document.body.innerText), links };
    });
    for (const h of state.hits) out.hits.push(`${url}: __xss(${h})`);
    for (const c of state.csp) out.csp.push(`${url}: ${c}`);
    if (state.shown) out.shown++;
    for (const l of state.links) {
      const clean = l.replace(/#.*$/, "");
      if (!seen.has(clean)) queue.push(clean);
    }
  }
  for (const c of consoleCsp) out.csp.push(`console: ${c}`);
  const dialogs = (page as Page & { __dialogs?: number }).__dialogs ?? 0;
  for (let i = 0; i < dialogs; i++) out.hits.push("a dialog opened");
  return out;
}

test.describe.configure({ mode: "serial" });

test("XSS payloads in every text field are shown as text, never run; 0 CSP violations over the crawl", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const base = baseURL!;
  let forms = 0;
  let fields = 0;
  const plantAs = async (role: DemoRole, urls: (string | [string, number])[]) => {
    const page = await signedInPage(browser, base, role);
    for (const u of urls) {
      const [url, idx] = Array.isArray(u) ? u : [u, 0];
      const r = await plant(page, url, idx);
      if (r.fields) {
        forms++;
        fields += r.fields;
      }
      expect(r.status === null || r.status < 500, `${role} ${url}: answered ${r.status}`).toBe(true);
    }
    return page;
  };

  // Ids the forms need, read as their users see them.
  const company = await signedInPage(browser, base, "company1");
  await company.goto("/needs");
  const needIds = [...new Set((await company.content()).match(new RegExp(`/needs/${UUID_RE}`, "g")) ?? [])].map((s) => s.slice(7));
  let applyUrl: string | null = null;
  for (const id of needIds) {
    const r = await company.goto(`/needs/${id}/apply`);
    if (r && r.status() === 200 && (await company.locator('main form textarea[name="approach"]').count())) {
      applyUrl = `/needs/${id}/apply`;
      break;
    }
  }
  await company.goto("/applications");
  const appId = new RegExp(`/applications/(${UUID_RE})`).exec(await company.content())?.[1];
  await company.goto("/pitches");
  const pitchId = new RegExp(`/pitches/(${UUID_RE})`).exec(await company.content())?.[1];
  await company.context().close();

  const hospital = await plantAs("hospital1", ["/needs/new", "/testbeds/new", "/settings"]);
  await hospital.context().close();
  const c = await plantAs("company1", [...(applyUrl ? [applyUrl] : []), ...(appId ? [`/applications/${appId}`] : []), "/pitches/new", "/settings", "/account"]);
  // The message form is the last form on the application page.
  if (appId) {
    await c.goto(`/applications/${appId}`);
    const idx = (await c.locator('main form[method="post"]').count()) - 1;
    const r = await plant(c, `/applications/${appId}`, idx);
    forms += r.fields ? 1 : 0;
    fields += r.fields;
  }
  await c.context().close();
  const inv = await plantAs("investor1", [...(pitchId ? [`/pitches/${pitchId}/meet`] : []), "/settings"]);
  await inv.context().close();
  const op = await plantAs("operator", ["/calls/new", "/events/new"]);
  await op.context().close();

  // Reflected input: query strings and redirect targets.
  const reflected = [`/needs?q=${encodeURIComponent(payload(900, null))}`, `/pitches?q=${encodeURIComponent(payload(901, null))}`, `/testbeds?q=${encodeURIComponent(payload(902, null))}`, `/login?redirectTo=${encodeURIComponent("javascript:__xss(903)")}`];

  const total: CrawlResult = { pages: 0, hits: [], csp: [], shown: 0 };
  for (const role of ["visitor", "hospital1", "company1", "investor1", "operator", "hospital2"] as const) {
    const page = await signedInPage(browser, base, role);
    const r = await crawlInBrowser(page, ["/", "/dashboard", ...(appId ? [`/applications/${appId}`] : []), "/needs", "/applications", "/pitches", "/testbeds", "/events", "/calls", "/settings", "/notifications", "/admin", ...reflected], 28);
    total.pages += r.pages;
    total.hits.push(...r.hits.map((h) => `${role} ${h}`));
    total.csp.push(...r.csp.map((h) => `${role} ${h}`));
    total.shown += r.shown;
    await page.context().close();
  }

  figures.xssForms = forms;
  figures.xssFields = fields;
  figures.xssPages = total.pages;
  figures.xssHits = total.hits.length;
  figures.cspViolations = total.csp.length;
  figures.payloadShownPages = total.shown;
  saveFigures();
  console.log(
    `XSS/CSP: ${fields} text fields in ${forms} forms planted; ${total.pages} pages crawled in Chromium as 6 actors; ${total.shown} pages show payloads as text; ${total.hits.length} executions; ${total.csp.length} CSP violations`,
  );
  expect(fields, "payloads were planted in text fields").toBeGreaterThan(15);
  expect(total.shown, "planted payloads are displayed (as text) somewhere").toBeGreaterThan(3);
  expect(total.hits, total.hits.join("\n")).toEqual([]);
  expect(total.csp, total.csp.join("\n")).toEqual([]);
});
