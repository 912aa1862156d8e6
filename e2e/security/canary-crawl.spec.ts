import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_DEAL_IDS, DEMO_MEETING_IDS } from "../../db/seed/demo-deals";
import { DEMO_EVENT_IDS, DEMO_PITCH_IDS } from "../../db/seed/demo-pitch-ids";
import { DEMO_CERT_IDS, DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS } from "../../db/seed/demo-testbed-ids";
import { demoOrgs } from "../../db/seed/demo-orgs";
import { DEMO, MAIL_DIR, type DemoRole } from "../fixtures";

/**
 * Canary crawl (docs: quality.md, "Tests that prove it"; issues 5, 7, 8, 10).
 * Confidential fields get unique strings, planted through the real forms by
 * their owners:
 * - 한빛대학교병원 (hospital1) posts a need whose confidential details hold
 *   CANARY_NEED; 루멘헬스케어 (company1) accepts its NDA, applies with
 *   CANARY_APP in the proposal text and a PDF holding CANARY_FILE, writes
 *   CANARY_MSG; the hospital answers with CANARY_REPLY.
 * - company1 saves a DRAFT pitch (every field CANARY_DRAFT, deck bytes
 *   CANARY_DRAFT_DECK: company1 only, not even operators or investors) and
 *   publishes a pitch (CANARY_PITCH, deck CANARY_DECK: verified investors,
 *   operators and company1; never visitors, hospitals or other companies).
 * - investor1 (한강바이오파트너스) adds it to its pipeline with a deal note
 *   CANARY_NOTE (investor1's organisation only: never the company, another
 *   investor or the operator) and requests a meeting, CANARY_MEET in the
 *   message and place (investor1 and company1 only).
 * - The operator runs a pitch round; company1 is selected with that pitch;
 *   investor2 (스파크헬스벤처스) rates it with the comment CANARY_RATING (the
 *   rater, the rated founder and the operator). The founder's results page
 *   must not name the rater (user or organisation).
 * - company1 requests a testbed of hospital1 with the plan CANARY_TB_PLAN;
 *   hospital1 declines with the note CANARY_TB_NOTE (those two only).
 * - company1 records a certification with the note CANARY_CERT and an
 *   evidence PDF holding CANARY_CERT_FILE (company1 and the operator, who
 *   verifies it).
 * Then eight actors (visitor, both hospitals, both companies, both investors,
 * the operator) crawl every page they can reach (links, the planted URLs and
 * the demo ids of every area, their single-fetch `.data` loader payloads,
 * searches for the canaries, every download); a response holding a canary
 * the actor may not see is a hit. A positive control proves the owners do
 * see them, the crawl is checked not to be vacuous (every canary is met in
 * the crawl by an actor allowed to see it), and every e-mail sent meanwhile
 * (the e2e server drops each one as a file) is checked against its
 * recipient's organisation the same way.
 * (A testbed's completion outcome is deliberately public, on the company's
 * profile as a verified track record, so it carries no canary here.)
 */

const hex = (n = 6) => randomBytes(n).toString("hex");
const CANARY = {
  CANARY_NEED: `CANARY-NEED-${hex()}`,
  CANARY_APP: `CANARY-APP-${hex()}`,
  CANARY_FILE: `CANARY-FILE-${hex()}`,
  CANARY_MSG: `CANARY-MSG-${hex()}`,
  CANARY_REPLY: `CANARY-REPLY-${hex()}`,
  CANARY_DRAFT: `CANARY-DRAFT-${hex()}`,
  CANARY_DRAFT_DECK: `CANARY-DRAFTDECK-${hex()}`,
  CANARY_PITCH: `CANARY-PITCH-${hex()}`,
  CANARY_DECK: `CANARY-DECK-${hex()}`,
  CANARY_NOTE: `CANARY-NOTE-${hex()}`,
  CANARY_MEET: `CANARY-MEET-${hex()}`,
  CANARY_RATING: `CANARY-RATING-${hex()}`,
  CANARY_TB_PLAN: `CANARY-TBPLAN-${hex()}`,
  CANARY_TB_NOTE: `CANARY-TBNOTE-${hex()}`,
  CANARY_CERT: `CANARY-CERT-${hex()}`,
  CANARY_CERT_FILE: `CANARY-CERTFILE-${hex()}`,
} as const;
type CanaryName = keyof typeof CANARY;
/** The random part alone, lower-cased: catches a canary that was split, cut or case-folded (e.g. by a tokenizer or a preview). */
const TOKENS = (Object.entries(CANARY) as [CanaryName, string][]).map(([name, value]) => ({ name, value, token: value.slice(value.lastIndexOf("-") + 1).toLowerCase() }));
const tokenOf = (name: CanaryName) => TOKENS.find((t) => t.name === name)!.token;

const CRAWLERS = ["visitor", "hospital1", "hospital2", "company1", "company2", "investor1", "investor2", "operator"] as const;
type Crawler = (typeof CRAWLERS)[number];

/** Who may see each canary; every other crawler seeing it is a hit. */
const ALLOWED: Record<CanaryName, readonly Crawler[]> = {
  CANARY_NEED: ["hospital1", "company1"],
  CANARY_APP: ["hospital1", "company1"],
  CANARY_FILE: ["hospital1", "company1"],
  CANARY_MSG: ["hospital1", "company1"],
  CANARY_REPLY: ["hospital1", "company1"],
  CANARY_DRAFT: ["company1"],
  CANARY_DRAFT_DECK: ["company1"],
  CANARY_PITCH: ["company1", "investor1", "investor2", "operator"],
  CANARY_DECK: ["company1", "investor1", "investor2", "operator"],
  CANARY_NOTE: ["investor1"],
  CANARY_MEET: ["company1", "investor1"],
  CANARY_RATING: ["company1", "investor2", "operator"],
  CANARY_TB_PLAN: ["company1", "hospital1"],
  CANARY_TB_NOTE: ["company1", "hospital1"],
  CANARY_CERT: ["company1", "operator"],
  CANARY_CERT_FILE: ["company1", "operator"],
};
/** The crawler whose organisation a demo e-mail address belongs to (other demo organisations may see no canary). */
const CRAWLER_OF_ORG: Record<string, Crawler> = {
  "hanbit-univ-hospital": "hospital1",
  "seoul-nuri-hospital": "hospital2",
  "lumen-healthcare": "company1",
  "mindwave-therapeutics": "company2",
  "hangang-bio-partners": "investor1",
  "spark-health-ventures": "investor2",
  "medibridge-operator": "operator",
};
const crawlerOfEmail = new Map(demoOrgs.flatMap((o) => o.people.map((person) => [person.email.toLowerCase(), CRAWLER_OF_ORG[o.slug] ?? "visitor"] as const)));

/** The rater of CANARY_RATING: nothing on the founder's results page may name them. */
const RATER = ["Daniel Cho", DEMO.users.investor2.org, DEMO.users.investor2.orgEn, DEMO.users.investor2.email, "investor2@"];

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
/** HTML pages per actor (each one's `.data` payload and the downloads come on top). */
const MAX_PAGES = 230;
const CONCURRENCY = 4;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** Responses that are files: read byte for byte (latin1), counted as downloads. */
const DOWNLOAD = /^\/(files\/[^/]+|pitches\/[^/]+\/deck|certifications\/[^/]+\/evidence|meetings\/[^/]+\.ics|admin\/export\/[^/]+)$/;

/**
 * Canaries in a response body that `actor` may not see. `echoed` is what the
 * request itself sent (its query string, lower-cased): a search box showing
 * back the actor's own query is not a leak, so a random part the actor typed
 * is only looked for in the exact, upper-case form the owners wrote (search
 * queries use lower case).
 */
function canariesIn(body: string, actor: Crawler | "any", echoed = ""): string[] {
  const lower = body.toLowerCase();
  const found: string[] = [];
  for (const { name, value, token } of TOKENS) {
    if (actor !== "any" && ALLOWED[name].includes(actor)) continue;
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

/** A Seoul wall-clock `datetime-local` value (or its date), `offsetMs` from now. */
const seoul = (offsetMs: number) => new Date(Date.now() + 9 * 3600_000 + offsetMs).toISOString();
const DAY = 86_400_000;

function pdfWith(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text} confidential\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
}

type Planted = {
  needId: string;
  needUrl: string;
  needTitle: string;
  appUrl: string;
  fileUrl: string;
  draftId: string;
  pitchId: string;
  pitchTitle: string;
  dealUrl: string;
  meetingUrl: string;
  eventUrl: string;
  tbRequestUrl: string;
  certFileUrl: string;
};

test("canary crawl: confidential strings reach no actor that may not see them", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL!;
  const started = Date.now();

  // ---------- 1. Plant, as the owners ----------
  const hospital1 = await signedIn(base, "hospital1");
  const company1 = await signedIn(base, "company1");
  const investor1 = await signedIn(base, "investor1");
  const investor2 = await signedIn(base, "investor2");
  const operator = await signedIn(base, "operator");

  // 1a. A need with confidential details, an application with an attachment, messages.
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
  expect(canariesIn(await (await company1.get(needUrl)).text(), "any"), "company1 before the NDA").toEqual([]);
  await redirectOf(await company1.post(`${needUrl}?index`, { form: { intent: "accept-nda" }, maxRedirects: 0 }), "company1 accepts the NDA");

  const applied = await company1.post(`${needUrl}/apply`, {
    multipart: {
      approach: `${CANARY.CANARY_APP} 접근 방법: 간호 기록 요약 모델을 병동 EMR에 연동합니다.`,
      team: `${CANARY.CANARY_APP} 수행 팀: NLP 연구원 3명`,
      trl: "6",
      timeline: `${CANARY.CANARY_APP} 추진 일정: 3개월 연동, 6개월 검증`,
      attachments: { name: `${CANARY.CANARY_APP}.pdf`, mimeType: "application/pdf", buffer: pdfWith(CANARY.CANARY_FILE) },
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

  // 1b. company1's draft pitch (every field) and its deck.
  const pitchFields = (c: string, title: string) => ({
    title,
    oneLiner: `${c} 병리 슬라이드 판독 보조 AI`,
    problem: `${c} 문제: 병리 판독 대기 2주`,
    solution: `${c} 해결: 슬라이드 전체 분석`,
    market: `${c} 시장: 상급종합병원 45곳`,
    traction: `${c} 성과: 후향 검증 2곳`,
    team: `${c} 팀: 병리 AI 연구원 5명`,
    askKrw: "2000000000",
    round: "series-a",
    techFields: "medical-imaging-ai",
    clinicalAreas: "radiology",
    trl: "6",
  });
  const draftRes = await company1.post("/pitches/new", {
    multipart: { ...pitchFields(CANARY.CANARY_DRAFT, `${CANARY.CANARY_DRAFT} 작성 중 피치`), intent: "draft", deck: { name: `${CANARY.CANARY_DRAFT}.pdf`, mimeType: "application/pdf", buffer: pdfWith(CANARY.CANARY_DRAFT_DECK) } },
    maxRedirects: 0,
  });
  const draftUrl = await redirectOf(draftRes, "company1 saves a draft pitch");
  expect(draftUrl).toMatch(new RegExp(`^/pitches/${UUID}$`));
  const draftId = draftUrl.split("/")[2];

  // 1c. company1's published pitch and its deck.
  const pitchTitle = `${CANARY.CANARY_PITCH} 폐 CT 후속 판독 AI`;
  const pubRes = await company1.post("/pitches/new", {
    multipart: { ...pitchFields(CANARY.CANARY_PITCH, pitchTitle), intent: "publish", deck: { name: `${CANARY.CANARY_PITCH}.pdf`, mimeType: "application/pdf", buffer: pdfWith(CANARY.CANARY_DECK) } },
    maxRedirects: 0,
  });
  const pitchUrl = await redirectOf(pubRes, "company1 publishes a pitch");
  expect(pitchUrl).toMatch(new RegExp(`^/pitches/${UUID}$`));
  const pitchId = pitchUrl.split("/")[2];

  // 1d. investor1: the pitch in its pipeline with a note, and a meeting request.
  const dealUrl = await redirectOf(await investor1.post("/pipeline", { form: { intent: "watch", pitchId }, maxRedirects: 0 }), "investor1 watches the pitch");
  expect(dealUrl).toMatch(new RegExp(`^/pipeline/${UUID}$`));
  await redirectOf(await investor1.post(dealUrl, { form: { intent: "note", body: `${CANARY.CANARY_NOTE} 내부 메모: 밸류에이션 과대, 실사 때 매출 확인` }, maxRedirects: 0 }), "investor1 writes a deal note");
  const meetingUrl = await redirectOf(
    await investor1.post(`${pitchUrl}/meet`, {
      form: {
        slot1: seoul(10 * DAY).slice(0, 11) + "10:00",
        slot2: seoul(11 * DAY).slice(0, 11) + "15:30",
        durationMinutes: "60",
        location: `${CANARY.CANARY_MEET} 회의실`,
        message: `${CANARY.CANARY_MEET} 후속 투자 조건을 논의하고 싶습니다.`,
      },
      maxRedirects: 0,
    }),
    "investor1 requests a meeting",
  );
  expect(meetingUrl).toMatch(new RegExp(`^/meetings/${UUID}$`));

  // 1e. A pitch round: company1 selected with the pitch, investor2 rates it with a comment.
  const eventUrl = await redirectOf(
    await operator.post("/events/new", {
      form: {
        name: `보안 점검용 피칭 라운드 ${hex(4)}`,
        startsAt: seoul(-3600_000).slice(0, 16),
        online: "on",
        stageFocus: "series-a",
        applyOpensOn: seoul(0).slice(0, 10),
        applyClosesOn: seoul(7 * DAY).slice(0, 10),
      },
      maxRedirects: 0,
    }),
    "the operator creates a round",
  );
  expect(eventUrl).toMatch(new RegExp(`^/events/${UUID}$`));
  await redirectOf(await company1.post(eventUrl, { form: { intent: "apply", pitchId }, maxRedirects: 0 }), "company1 applies to the round");
  const applicationId = new RegExp(`name="applicationId" value="(${UUID})"`).exec(await (await operator.get(eventUrl)).text())?.[1];
  expect(applicationId, "the operator sees company1's application").toBeTruthy();
  await redirectOf(await operator.post(eventUrl, { form: { intent: "decide", applicationId: applicationId!, decision: "selected" }, maxRedirects: 0 }), "the operator selects company1");
  await redirectOf(await investor2.post(eventUrl, { form: { intent: "register" }, maxRedirects: 0 }), "investor2 registers");
  await redirectOf(
    await investor2.post(eventUrl, { form: { intent: "rate", pitchId, team: "4", technology: "5", market: "3", comment: `${CANARY.CANARY_RATING} 병원 과금 구조가 아직 불분명합니다.` }, maxRedirects: 0 }),
    "investor2 rates the pitch",
  );

  // 1f. A testbed request of company1 to hospital1, declined with a note.
  const tbRequestUrl = await redirectOf(
    await company1.post(`/testbeds/${DEMO_TESTBED_IDS.hanbitEcgOpen}`, {
      form: { intent: "request", plan: `${CANARY.CANARY_TB_PLAN} 검증 계획: 외래 환자 30명 대상 사용성 평가와 판독 일치도 분석` },
      maxRedirects: 0,
    }),
    "company1 requests a testbed",
  );
  expect(tbRequestUrl).toMatch(new RegExp(`^/testbeds/requests/${UUID}$`));
  await redirectOf(
    await hospital1.post(tbRequestUrl, { form: { intent: "decline", reason: "other", note: `${CANARY.CANARY_TB_NOTE} 내부 사정: 장비 교체 일정` }, maxRedirects: 0 }),
    "hospital1 declines the testbed request",
  );

  // 1g. A certification with a note and an evidence PDF.
  await redirectOf(
    await company1.post("/certifications", {
      multipart: {
        intent: "save",
        code: "iec-62304",
        status: "obtained",
        statusOn: "2026-11-02",
        note: `${CANARY.CANARY_CERT} 심사원 지적 사항 2건`,
        evidence: { name: "IEC62304.pdf", mimeType: "application/pdf", buffer: pdfWith(CANARY.CANARY_CERT_FILE) },
      },
      maxRedirects: 0,
    }),
    "company1 records a certification with evidence",
  );
  const evidenceUrls = [...new Set([...(await (await company1.get("/certifications")).text()).matchAll(new RegExp(`href="(/certifications/${UUID}/evidence)"`, "g"))].map((m) => m[1]))];
  let certFileUrl = "";
  for (const url of evidenceUrls) if ((await (await company1.get(url)).body()).toString("latin1").includes(CANARY.CANARY_CERT_FILE)) certFileUrl = url;
  expect(certFileUrl, "company1's checklist links the new evidence").not.toBe("");

  const planted: Planted = { needId, needUrl, needTitle, appUrl, fileUrl, draftId, pitchId, pitchTitle, dealUrl, meetingUrl, eventUrl, tbRequestUrl, certFileUrl };

  // ---------- 2. Positive control: the owners do see them ----------
  const sees = async (ctx: APIRequestContext, url: string) => {
    const res = await ctx.get(url);
    expect(res.status(), url).toBe(200);
    return (await res.body()).toString("latin1");
  };
  const shows = async (ctx: APIRequestContext, who: string, url: string, names: CanaryName[]) => {
    const body = await sees(ctx, url);
    for (const name of names) expect(body.includes(CANARY[name]), `${who} sees ${name} at ${url}`).toBe(true);
    return body;
  };
  const utf8 = (latin1: string) => Buffer.from(latin1, "latin1").toString("utf8");
  await shows(hospital1, "hospital1", needUrl, ["CANARY_NEED"]);
  await shows(hospital1, "hospital1", appUrl, ["CANARY_APP", "CANARY_MSG"]);
  await shows(hospital1, "hospital1", fileUrl, ["CANARY_FILE"]);
  await shows(company1, "company1", needUrl, ["CANARY_NEED"]);
  await shows(company1, "company1", dataUrl(needUrl), ["CANARY_NEED"]);
  await shows(company1, "company1", appUrl, ["CANARY_REPLY"]);
  await shows(company1, "company1", dataUrl(appUrl), ["CANARY_REPLY"]);
  await shows(company1, "company1", draftUrl, ["CANARY_DRAFT"]);
  await shows(company1, "company1", `${draftUrl}/deck`, ["CANARY_DRAFT_DECK"]);
  await shows(company1, "company1", meetingUrl, ["CANARY_MEET"]);
  await shows(company1, "company1", tbRequestUrl, ["CANARY_TB_PLAN", "CANARY_TB_NOTE"]);
  await shows(company1, "company1", "/certifications", ["CANARY_CERT"]);
  for (const [who, ctx] of [["investor1", investor1], ["investor2", investor2], ["operator", operator]] as const) {
    await shows(ctx, who, pitchUrl, ["CANARY_PITCH"]);
    await shows(ctx, who, `${pitchUrl}/deck`, ["CANARY_DECK"]);
  }
  await shows(investor1, "investor1", dealUrl, ["CANARY_NOTE"]);
  await shows(investor1, "investor1", dataUrl(dealUrl), ["CANARY_NOTE"]);
  await shows(investor1, "investor1", meetingUrl, ["CANARY_MEET"]);
  await shows(hospital1, "hospital1", tbRequestUrl, ["CANARY_TB_PLAN", "CANARY_TB_NOTE"]);
  await shows(operator, "operator", certFileUrl, ["CANARY_CERT_FILE"]);
  await shows(investor2, "investor2", `${eventUrl}/results`, ["CANARY_RATING"]);
  // The founder sees the comment, but nothing that names the rater (page and loader data).
  for (const url of [`${eventUrl}/results`, dataUrl(`${eventUrl}/results`)]) {
    const body = utf8(await shows(company1, "company1", url, ["CANARY_RATING"]));
    for (const rater of RATER) expect(body, `company1's results (${url}) must not name the rater: ${rater}`).not.toContain(rater);
  }
  for (const ctx of [hospital1, company1, investor1, investor2, operator]) await ctx.dispose();
  const plantedMs = Date.now() - started;

  // ---------- 3. Crawl as every actor ----------
  const hits: string[] = [];
  let pages = 0;
  let downloads = 0;
  const reachedNeed: Record<string, boolean> = {};
  const reachedPitch: Record<string, boolean> = {};
  const met = new Set<CanaryName>();
  await Promise.all(
    CRAWLERS.map(async (actor) => {
      const ctx = await signedIn(base, actor);
      const result = await crawl(ctx, actor, planted);
      await ctx.dispose();
      pages += result.pages;
      downloads += result.downloads;
      hits.push(...result.hits);
      reachedNeed[actor] = result.reachedNeed;
      reachedPitch[actor] = result.reachedPitch;
      for (const name of result.met) met.add(name);
    }),
  );

  // E-mails sent since the planting began: a canary only to someone whose organisation may see it.
  let mails = 0;
  const mailDir = path.resolve(MAIL_DIR);
  for (const file of existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith(".json")) : []) {
    const full = path.join(mailDir, file);
    if (statSync(full).mtimeMs < started - 1000) continue;
    const mail = JSON.parse(readFileSync(full, "utf8")) as { to: string; subject: string; text: string };
    mails++;
    const reader = crawlerOfEmail.get(String(mail.to).toLowerCase()) ?? "visitor";
    for (const c of canariesIn(`${mail.subject}\n${mail.text}`, reader)) hits.push(`e-mail to ${mail.to} (${reader}) · ${mail.subject} · ${c}`);
  }

  console.log(
    `canary crawl: ${pages} pages crawled, ${downloads} downloads, ${mails} e-mails, ${CRAWLERS.length} actors, ${TOKENS.length} canaries, ${hits.length} hits ` +
      `(planting ${Math.round(plantedMs / 1000)} s, crawl ${Math.round((Date.now() - started - plantedMs) / 1000)} s)`,
  );
  // The crawl is not vacuous: every actor got the planted need's public page, and whoever may read the pitch got it.
  expect(reachedNeed, "every crawler opened the planted need's public page").toEqual(Object.fromEntries(CRAWLERS.map((a) => [a, true])));
  expect(reachedPitch, "whoever may read the published pitch opened it").toEqual(Object.fromEntries(CRAWLERS.map((a) => [a, ALLOWED.CANARY_PITCH.includes(a)])));
  expect(
    TOKENS.map((t) => t.name).filter((name) => !met.has(name)),
    "every canary was met in the crawl by an actor allowed to see it",
  ).toEqual([]);
  expect(hits, hits.join("\n")).toEqual([]);
});

/** Seed URLs from the fixed demo ids of every area: the crawl does not depend on a link being shown. */
function demoUrls(): string[] {
  const pitches = Object.values(DEMO_PITCH_IDS);
  const events = Object.values(DEMO_EVENT_IDS);
  return [
    "/pitches",
    "/pitches/new",
    ...pitches.flatMap((id) => [`/pitches/${id}`, `/pitches/${id}/edit`, `/pitches/${id}/meet`, `/pitches/${id}/deck`]),
    "/meetings",
    ...Object.values(DEMO_MEETING_IDS).flatMap((id) => [`/meetings/${id}`, `/meetings/${id}.ics`]),
    "/pipeline",
    ...Object.values(DEMO_DEAL_IDS).map((id) => `/pipeline/${id}`),
    "/events",
    "/events/new",
    ...events.flatMap((id) => [`/events/${id}`, `/events/${id}/edit`, `/events/${id}/results`, ...pitches.slice(0, 3).map((p) => `/events/${id}/results?pitch=${p}`)]),
    "/testbeds",
    "/testbeds/new",
    ...Object.values(DEMO_TESTBED_IDS).flatMap((id) => [`/testbeds/${id}`, `/testbeds/${id}/edit`]),
    "/testbeds/requests",
    ...Object.values(DEMO_TESTBED_REQUEST_IDS).map((id) => `/testbeds/requests/${id}`),
    "/certifications",
    ...Object.values(DEMO_CERT_IDS).map((id) => `/certifications/${id}/evidence`),
    "/admin",
    "/admin/audit",
    "/admin/certifications",
    "/admin/certifications?show=verified",
    "/admin/funnel",
    "/admin/moderation",
    "/admin/orgs",
    "/admin/programs",
    "/admin/users",
    ...["funnel", "monthly", "calls", "hospitals", "investors", "stages", "kpi"].map((t) => `/admin/export/${t}`),
  ];
}

async function crawl(ctx: APIRequestContext, actor: Crawler, p: Planted) {
  const hits: string[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  let pages = 0;
  let downloads = 0;
  let pageBudget = MAX_PAGES;
  let reachedNeed = false;
  let reachedPitch = false;
  /** Canaries this actor may see and did meet (exact form): proves the crawl reaches the planted places. */
  const met = new Set<CanaryName>();
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
  /** A search for confidential text must not list the item either: that alone reveals it. */
  const searchChecks = [
    { path: /^\/needs(\.data)?$/, canary: "CANARY_NEED" as const, id: p.needId },
    { path: /^\/pitches(\.data)?$/, canary: "CANARY_DRAFT" as const, id: p.draftId },
    { path: /^\/pitches(\.data)?$/, canary: "CANARY_PITCH" as const, id: p.pitchId },
  ].map((c) => ({ ...c, query: new RegExp(`canary|${tokenOf(c.canary)}`, "i") }));
  const searches = (path: string, canary: CanaryName) => [`${path}?q=CANARY`, `${path}?q=${q(CANARY[canary])}`, `${path}?q=${q(tokenOf(canary))}`];
  const pagesToSeed = [
    p.needUrl,
    p.appUrl,
    `${p.needUrl}/apply`,
    `${p.needUrl}/edit`,
    `/pitches/${p.draftId}`,
    `/pitches/${p.draftId}/edit`,
    `/pitches/${p.pitchId}`,
    `/pitches/${p.pitchId}/edit`,
    `/pitches/${p.pitchId}/meet`,
    p.dealUrl,
    p.meetingUrl,
    p.eventUrl,
    `${p.eventUrl}/results`,
    `${p.eventUrl}/results?pitch=${p.pitchId}`,
    p.tbRequestUrl,
    "/",
    "/dashboard",
    "/needs",
    ...searches("/needs", "CANARY_NEED"),
    `/needs?q=${q(CANARY.CANARY_NEED)}&sort=match`,
    "/needs?sort=match",
    ...searches("/pitches", "CANARY_DRAFT"),
    ...searches("/pitches", "CANARY_PITCH"),
    `/testbeds?q=${q(CANARY.CANARY_TB_PLAN)}`,
    `/testbeds/requests?q=${q(CANARY.CANARY_TB_PLAN)}`,
    `/admin/orgs?q=${q(CANARY.CANARY_CERT)}`,
    `/admin/moderation?q=${q(CANARY.CANARY_MEET)}`,
    "/applications",
    "/notifications",
    "/calls",
    "/settings",
    "/account",
    ...demoUrls(),
    ...ORG_SLUGS.map((s) => `/orgs/${s}`),
  ];
  for (const url of [p.fileUrl, `/pitches/${p.draftId}/deck`, `/pitches/${p.pitchId}/deck`, `${p.meetingUrl}.ics`, p.certFileUrl]) enqueue(url, "file");
  for (const url of pagesToSeed) {
    if (DOWNLOAD.test(new URL(url, "http://x").pathname)) {
      enqueue(url, "file");
      continue;
    }
    enqueue(url, "page");
    // Loader data straight away, whatever the HTML response was (a 404 page must not hide a 200 payload).
    enqueue(dataUrl(url), "data");
  }

  const visit = async (url: string) => {
    const u = new URL(url, "http://x");
    const isFile = DOWNLOAD.test(u.pathname);
    const res = await ctx.get(url, { failOnStatusCode: false });
    const bytes = await res.body();
    // latin1 keeps every byte of a PDF; text is compared as UTF-8.
    const body = isFile ? bytes.toString("latin1") : bytes.toString("utf8");
    if (isFile) downloads++;
    else pages++;
    const echoed = decodeURIComponent(u.search).toLowerCase();
    for (const { name, value } of TOKENS) if (ALLOWED[name].includes(actor) && body.includes(value)) met.add(name);
    for (const c of canariesIn(body, actor, echoed)) hits.push(`${actor} · GET ${url} (${res.status()}) · ${c}`);
    for (const check of searchChecks) {
      if (ALLOWED[check.canary].includes(actor) || !check.path.test(u.pathname) || !check.query.test(u.searchParams.get("q") ?? "")) continue;
      if (body.includes(check.id)) hits.push(`${actor} · GET ${url} (${res.status()}) · ${check.canary} (search on the confidential text lists the planted item)`);
    }
    if (url === p.needUrl && res.status() === 200 && body.includes(p.needTitle)) reachedNeed = true;
    if (url === `/pitches/${p.pitchId}` && res.status() === 200 && body.includes(p.pitchTitle)) reachedPitch = true;
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) return;
    if (new URL(res.url()).pathname !== "/login") enqueue(dataUrl(url), "data");
    for (const link of linksIn(body)) enqueue(link, DOWNLOAD.test(new URL(link, "http://x").pathname) ? "file" : "page");
  };

  while (queue.length) {
    const batch = queue.splice(0, CONCURRENCY);
    await Promise.all(batch.map(visit));
  }
  return { pages, downloads, hits, reachedNeed, reachedPitch, met };
}
