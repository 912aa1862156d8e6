import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO, type DemoRole } from "../fixtures";

/**
 * Canary crawl (docs: quality.md, "Tests that prove it"). One organisation's
 * confidential fields get unique strings, planted through the real forms by
 * their owners: 한빛대학교병원 (hospital1) posts a need whose confidential
 * details hold CANARY_NEED; 루멘헬스케어 (company1) accepts its NDA, applies
 * with CANARY_APP in the proposal text and a PDF holding CANARY_FILE, writes
 * CANARY_MSG; the hospital answers with CANARY_REPLY. Every other actor then
 * crawls every page it can reach (and the planted URLs directly, and their
 * single-fetch `.data` loader payloads, and every download); no response may
 * contain a canary. A positive control proves the owners do see them.
 */

const hex = (n = 6) => randomBytes(n).toString("hex");
const CANARY = {
  CANARY_NEED: `CANARY-NEED-${hex()}`,
  CANARY_APP: `CANARY-APP-${hex()}`,
  CANARY_FILE: `CANARY-FILE-${hex()}`,
  CANARY_MSG: `CANARY-MSG-${hex()}`,
  CANARY_REPLY: `CANARY-REPLY-${hex()}`,
} as const;
type CanaryName = keyof typeof CANARY;
/** The random part alone, lower-cased: catches a canary that was split, cut or case-folded (e.g. by a tokenizer or a preview). */
const TOKENS = Object.entries(CANARY).map(([name, value]) => ({ name, value, token: value.slice(value.lastIndexOf("-") + 1).toLowerCase() }));

const CRAWLERS = ["visitor", "hospital2", "company2", "investor1", "investor2", "operator"] as const;
type Crawler = (typeof CRAWLERS)[number];
const ORG_SLUGS = [
  "hanbit-univ-hospital",
  "seoul-nuri-hospital",
  "busan-haeun-medical-center",
  "lumen-healthcare",
  "mindwave-therapeutics",
  "cardiosense",
  "genomeplus",
  "steadystep-robotics",
  "hangang-bio-partners",
  "spark-health-ventures",
  "medibridge-operator",
];
const MAX_PAGES = 150;
const CONCURRENCY = 4;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * Canaries in a response body. `echoed` is what the request itself sent (its
 * query string, lower-cased): a search box showing back the actor's own query
 * is not a leak, so a random part the actor typed is only looked for in the
 * exact, upper-case form the owners wrote (search queries use lower case).
 */
function canariesIn(body: string, echoed = ""): string[] {
  const lower = body.toLowerCase();
  const found: string[] = [];
  for (const { name, value, token } of TOKENS) {
    if (body.includes(value)) found.push(name);
    else if (!echoed.includes(token) && lower.includes(token)) found.push(`${name} (random part only)`);
  }
  return found;
}

async function signedIn(baseURL: string, role: DemoRole | "visitor"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (role !== "visitor") {
    const res = await ctx.post("/login", { form: { email: DEMO.users[role].email, password: DEMO.password }, maxRedirects: 0 });
    expect(res.status(), `sign-in as ${role}`).toBe(302);
  }
  return ctx;
}

/** Expect a redirect (the form's success path) and return its Location path. */
async function redirectOf(res: APIResponse, what: string): Promise<string> {
  expect(res.status(), `${what}: ${res.status()} ${res.status() >= 400 ? (await res.text()).slice(0, 300) : ""}`).toBe(302);
  return new URL(res.headers()["location"] ?? "", "http://x").pathname;
}

/** The single-fetch URL that carries a page's loader data (Remix v2, v3_singleFetch). */
function dataUrl(url: string): string {
  const u = new URL(url, "http://x");
  const path = u.pathname === "/" ? "/_root" : u.pathname.replace(/\/$/, "");
  return `${path}.data${u.search}`;
}

function linksIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="(\/[^"]*)"/g)) {
    const raw = m[1].replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
    if (raw.startsWith("//")) continue;
    out.push(raw.split("#")[0]);
  }
  return out;
}

function skip(url: string): boolean {
  const u = new URL(url, "http://x");
  if (u.pathname === "/logout" || u.pathname.startsWith("/logout/")) return true;
  if (u.searchParams.has("lng")) return true;
  // Static assets carry no data.
  return /^\/(build|assets|fonts|favicon)/.test(u.pathname) || /\.(css|js|mjs|map|ico|png|svg|jpe?g|webp|woff2?|txt|xml|webmanifest)$/.test(u.pathname);
}

type Planted = { needId: string; needUrl: string; needTitle: string; appUrl: string; fileUrl: string };

test("canary crawl: confidential strings of one organisation reach no other actor", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL!;

  // ---------- 1. Plant, as the owners ----------
  const hospital1 = await signedIn(base, "hospital1");
  const company1 = await signedIn(base, "company1");
  const needTitle = `보안 점검용 임상 수요 ${hex(4)}`;
  const created = await hospital1.post("/needs/new", {
    form: {
      title: needTitle,
      summary: "병동 간호 기록을 자동으로 요약해 인수인계 시간을 줄이는 AI 파트너를 찾습니다. (공개 요약)",
      details: `${CANARY.CANARY_NEED}\n기밀 상세: 수술실 내부 운영 현황과 EMR 연동 규격 (${CANARY.CANARY_NEED})`,
      clinicalAreas: "neurology",
      techFields: "medical-imaging-ai",
      collaborationTypes: "clinical-validation",
      intent: "publish",
    },
    maxRedirects: 0,
  });
  const needUrl = await redirectOf(created, "hospital1 publishes a need");
  expect(needUrl).toMatch(new RegExp(`^/needs/${UUID}$`));
  const needId = needUrl.split("/")[2];

  // Before the NDA, company1 does not see the details; after it, it does.
  expect(canariesIn(await (await company1.get(needUrl)).text()), "company1 before the NDA").toEqual([]);
  await redirectOf(await company1.post(`${needUrl}?index`, { form: { intent: "accept-nda" }, maxRedirects: 0 }), "company1 accepts the NDA");

  const pdf = Buffer.from(`%PDF-1.4\n% ${CANARY.CANARY_FILE} confidential proposal\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
  const applied = await company1.post(`${needUrl}/apply`, {
    multipart: {
      approach: `${CANARY.CANARY_APP} 접근 방법: 간호 기록 요약 모델을 병동 EMR에 연동합니다.`,
      team: `${CANARY.CANARY_APP} 수행 팀: NLP 연구원 3명`,
      trl: "6",
      timeline: `${CANARY.CANARY_APP} 추진 일정: 3개월 연동, 6개월 검증`,
      attachments: { name: `${CANARY.CANARY_APP}.pdf`, mimeType: "application/pdf", buffer: pdf },
    },
    maxRedirects: 0,
  });
  const appUrl = await redirectOf(applied, "company1 applies");
  expect(appUrl).toMatch(new RegExp(`^/applications/${UUID}$`));
  const fileIds = [...new Set([...(await (await company1.get(appUrl)).text()).matchAll(new RegExp(`href="/files/(${UUID})"`, "g"))].map((m) => m[1]))];
  expect(fileIds, "the application page lists its one attachment").toHaveLength(1);
  const fileUrl = `/files/${fileIds[0]}`;

  await redirectOf(await company1.post(appUrl, { multipart: { intent: "message", body: `${CANARY.CANARY_MSG} 연동 규격 문서를 공유드립니다.` }, maxRedirects: 0 }), "company1 writes");
  await redirectOf(await hospital1.post(appUrl, { multipart: { intent: "message", body: `${CANARY.CANARY_REPLY} 다음 주 회의 가능합니다.` }, maxRedirects: 0 }), "hospital1 replies");
  const planted: Planted = { needId, needUrl, needTitle, appUrl, fileUrl };

  // ---------- 3. Positive control: the owners do see them ----------
  const sees = async (ctx: APIRequestContext, url: string) => {
    const res = await ctx.get(url);
    expect(res.status(), url).toBe(200);
    return (await res.body()).toString("latin1");
  };
  const has = (body: string, name: CanaryName) => body.includes(CANARY[name]);
  const hNeed = await sees(hospital1, needUrl);
  const hApp = await sees(hospital1, appUrl);
  const hFile = await sees(hospital1, fileUrl);
  const cNeed = await sees(company1, needUrl);
  const cNeedData = await sees(company1, dataUrl(needUrl));
  const cApp = await sees(company1, appUrl);
  const cAppData = await sees(company1, dataUrl(appUrl));
  expect(has(hNeed, "CANARY_NEED"), "hospital1 sees its details").toBe(true);
  expect(has(hApp, "CANARY_APP") && has(hApp, "CANARY_MSG"), "hospital1 sees the proposal and the message").toBe(true);
  expect(has(hFile, "CANARY_FILE"), "hospital1 downloads the attachment").toBe(true);
  expect(has(cNeed, "CANARY_NEED") && has(cNeedData, "CANARY_NEED"), "company1 sees the details after the NDA (page and .data)").toBe(true);
  expect(has(cApp, "CANARY_REPLY") && has(cAppData, "CANARY_REPLY"), "company1 sees the reply (page and .data)").toBe(true);
  await hospital1.dispose();
  await company1.dispose();

  // ---------- 2. Crawl as every other actor ----------
  const hits: string[] = [];
  let pages = 0;
  let downloads = 0;
  const reachedNeed: Record<string, boolean> = {};
  for (const actor of CRAWLERS) {
    const ctx = await signedIn(base, actor);
    const result = await crawl(ctx, actor, planted);
    await ctx.dispose();
    pages += result.pages;
    downloads += result.downloads;
    hits.push(...result.hits);
    reachedNeed[actor] = result.reachedNeed;
  }

  console.log(`canary crawl: ${pages} pages crawled, ${downloads} downloads, ${CRAWLERS.length} actors, ${hits.length} hits`);
  // The crawl is not vacuous: every actor got the planted need's public page.
  expect(reachedNeed, "every crawler opened the planted need's public page").toEqual(Object.fromEntries(CRAWLERS.map((a) => [a, true])));
  expect(hits, hits.join("\n")).toEqual([]);
});

async function crawl(ctx: APIRequestContext, actor: Crawler, p: Planted) {
  const hits: string[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  let pages = 0;
  let downloads = 0;
  let pageBudget = MAX_PAGES; // HTML pages; each one's `.data` payload and the downloads come on top
  let reachedNeed = false;
  const enqueue = (url: string, kind: "page" | "data" | "file") => {
    if (skip(url) || seen.has(url)) return;
    if (kind === "page") {
      if (pageBudget <= 0) return;
      pageBudget--;
    }
    seen.add(url);
    queue.push(url);
  };

  // Search queries in lower case (see canariesIn): the exact canary still must not come back.
  const q = (s: string) => encodeURIComponent(s.toLowerCase());
  const needCanary = CANARY.CANARY_NEED;
  const searchesCanary = new RegExp(`canary|${TOKENS[0].token}`, "i");
  const pagesToSeed = [
    p.needUrl,
    p.appUrl,
    `${p.needUrl}/apply`,
    `${p.needUrl}/edit`,
    "/",
    "/dashboard",
    "/needs",
    "/needs?q=CANARY",
    `/needs?q=${q(needCanary)}`,
    `/needs?q=${q(needCanary)}&sort=match`,
    `/needs?q=${q(TOKENS[0].token)}`,
    "/needs?sort=match",
    "/applications",
    "/notifications",
    "/calls",
    "/settings",
    "/account",
    "/admin",
    ...ORG_SLUGS.map((s) => `/orgs/${s}`),
  ];
  enqueue(p.fileUrl, "file");
  for (const url of pagesToSeed) {
    enqueue(url, "page");
    // Loader data straight away, whatever the HTML response was (a 404 page must not hide a 200 payload).
    enqueue(dataUrl(url), "data");
  }

  const visit = async (url: string) => {
    const u = new URL(url, "http://x");
    const isFile = u.pathname.startsWith("/files/");
    const res = await ctx.get(url, { failOnStatusCode: false });
    const bytes = await res.body();
    // latin1 keeps every byte of a PDF; text is compared as UTF-8.
    const body = isFile ? bytes.toString("latin1") : bytes.toString("utf8");
    if (isFile) downloads++;
    else pages++;
    const echoed = decodeURIComponent(u.search).toLowerCase();
    for (const c of canariesIn(body, echoed)) hits.push(`${actor} · GET ${url} (${res.status()}) · ${c}`);
    // A search for the confidential text must not find the need either: that alone reveals it.
    if (/^\/needs(\.data)?$/.test(u.pathname) && searchesCanary.test(u.searchParams.get("q") ?? "") && body.includes(p.needId)) {
      hits.push(`${actor} · GET ${url} (${res.status()}) · CANARY_NEED (search on the confidential text lists the planted need)`);
    }
    if (url === p.needUrl && res.status() === 200 && body.includes(p.needTitle)) reachedNeed = true;
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) return;
    if (new URL(res.url()).pathname !== "/login") enqueue(dataUrl(url), "data");
    for (const link of linksIn(body)) enqueue(link, link.startsWith("/files/") ? "file" : "page");
  };

  while (queue.length) {
    const batch = queue.splice(0, CONCURRENCY);
    await Promise.all(batch.map(visit));
  }
  return { pages, downloads, hits, reachedNeed };
}
