import { request as playwrightRequest, type Page } from "@playwright/test";
import { DEMO_PITCH_IDS } from "../db/seed/demo-pitch-ids";
import { DEMO, expect, test } from "./fixtures";

/**
 * Issue #5, must-show 2: a "나는 바이오벤처다" round end to end. The operator
 * creates a round that started an hour ago (rating opens at the start time)
 * with its application window open; company1 and company2 apply with their
 * published demo pitches; the operator selects both and announces the
 * cohort; investor1 and investor2 register and rate; company1 sees the
 * averages and the comments without the raters' names or organisations.
 */

const RUN = Date.now().toString(36);
const NAME = `나는 바이오벤처다 e2e 라운드 ${RUN}`;
const LUMEN_PITCH = "폐결절 CT 판독 AI, 시리즈 A 유치";
const LUMEN_ONE_LINER = "흉부 CT에서 폐결절을 찾아 크기 변화까지 추적하는";
const MINDWAVE_PITCH = "불면증·우울증 디지털 치료제, 프리 A 라운드";
const COMMENT_1 = `판독 보조 AI의 병원 과금 구조가 설득력 있습니다 ${RUN}`;
const COMMENT_2 = `해외 인허가 일정이 더 구체적이면 좋겠습니다 ${RUN}`;
const COMMENT_MINDWAVE = `확증 임상 설계가 탄탄합니다 ${RUN}`;

const seoul = (offsetMs: number) => new Date(Date.now() + 9 * 3600_000 + offsetMs).toISOString();

/** The one-shot message shown after an action (not the page text that may say the same). */
const toast = (page: Page, text: string) => page.locator(".toast").filter({ hasText: text });

async function signOut(page: Page) {
  await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /로그인|Sign in/ }).first()).toBeVisible();
}

/** An API client signed in as any demo user (for POSTs a page would never offer). */
async function apiAs(baseURL: string, email: string) {
  const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: { Origin: baseURL } });
  const res = await ctx.post("/login", { form: { email, password: DEMO.password } });
  expect(res.status(), `sign-in as ${email}`).toBe(302);
  return ctx;
}

async function rate(page: Page, pitchTitle: string, scores: { team: string; technology: string; market: string }, comment: string) {
  const card = page.getByRole("region", { name: pitchTitle });
  await card.getByRole("group", { name: "팀" }).getByRole("radio", { name: scores.team, exact: true }).check();
  await card.getByRole("group", { name: "기술" }).getByRole("radio", { name: scores.technology, exact: true }).check();
  await card.getByRole("group", { name: "시장" }).getByRole("radio", { name: scores.market, exact: true }).check();
  await card.getByLabel("코멘트").fill(comment);
  await card.getByRole("button", { name: /평가 저장|평가 고치기/ }).click();
  await expect(toast(page, "평가를 저장했습니다.")).toBeVisible();
  await expect(page.getByRole("region", { name: pitchTitle }).getByRole("button", { name: "평가 고치기" })).toBeVisible();
}

test.describe.serial("a pitch round: create → apply → select → rate → the founder sees averages", () => {
  let eventUrl = "";

  test("the operator creates a round that started an hour ago, with applications open", async ({ page, loginAs }) => {
    await loginAs("operator");
    await page.goto("/events");
    await page.getByRole("link", { name: "새 행사 만들기" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "새 피칭 행사" })).toBeVisible();
    // A wrong window is refused next to the field, and what was typed stays.
    await page.getByLabel("행사 이름").fill(NAME);
    await page.getByLabel("일시").fill(seoul(-3600_000).slice(0, 16));
    await page.getByLabel("온라인으로 진행 (또는 온라인 병행)").check();
    await page.getByRole("checkbox", { name: "시드", exact: true }).check();
    await page.getByRole("checkbox", { name: "시리즈 A" }).check();
    await page.getByLabel("접수 시작일").fill(seoul(7 * 86_400_000).slice(0, 10));
    await page.getByLabel("접수 마감일").fill(seoul(0).slice(0, 10));
    await page.getByRole("button", { name: "행사 만들기" }).click();
    await expect(page.getByText("마감일이 시작일보다 빠릅니다.")).toBeVisible();
    await expect(page.getByLabel("행사 이름")).toHaveValue(NAME);

    await page.getByLabel("접수 시작일").fill(seoul(0).slice(0, 10));
    await page.getByLabel("접수 마감일").fill(seoul(7 * 86_400_000).slice(0, 10));
    await page.getByLabel("선정 기업 수 (선택)").fill("2");
    await page.getByRole("button", { name: "행사 만들기" }).click();
    await expect(toast(page, "행사를 만들었습니다.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText("접수 중").first()).toBeVisible();
    eventUrl = new URL(page.url()).pathname;
    expect(eventUrl).toMatch(/^\/events\/[0-9a-f-]{36}$/);

    // Listed for everyone under upcoming events.
    await signOut(page);
    await page.goto("/events");
    await expect(page.getByRole("region", { name: "다가오는 행사" }).getByRole("link", { name: NAME })).toBeVisible();
  });

  test("company1 and company2 apply with a published pitch; a double submit stores one application", async ({ page, loginAs, baseURL }) => {
    await loginAs("company1");
    await page.goto(eventUrl);
    await page.getByLabel("지원할 피칭").selectOption({ label: LUMEN_PITCH });
    await page.getByRole("button", { name: "이 피칭으로 지원하기" }).click();
    await expect(toast(page, "지원했습니다.")).toBeVisible();
    await expect(page.getByText(`${LUMEN_PITCH} 피칭으로 지원했습니다.`)).toBeVisible();
    // The same application sent again changes nothing.
    const api = await apiAs(baseURL!, DEMO.users.company1.email);
    const again = await api.post(eventUrl, { form: { intent: "apply", pitchId: DEMO_PITCH_IDS.lumenLungAi } });
    expect(again.status()).toBe(302);
    await api.dispose();
    await signOut(page);

    await loginAs("company2");
    await page.goto(eventUrl);
    await page.getByLabel("지원할 피칭").selectOption({ label: MINDWAVE_PITCH });
    await page.getByRole("button", { name: "이 피칭으로 지원하기" }).click();
    await expect(toast(page, "지원했습니다.")).toBeVisible();
  });

  test("a hospital cannot apply or rate (404)", async ({ baseURL }) => {
    const api = await apiAs(baseURL!, DEMO.users.hospital1.email);
    expect((await api.post(eventUrl, { form: { intent: "apply", pitchId: DEMO_PITCH_IDS.lumenLungAi } })).status()).toBe(404);
    expect((await api.post(eventUrl, { form: { intent: "rate", pitchId: DEMO_PITCH_IDS.lumenLungAi, team: "1", technology: "1", market: "1" } })).status()).toBe(404);
    expect((await api.get(`${eventUrl}/results`)).status()).toBe(404);
    await api.dispose();
  });

  test("the operator sees both applications once, selects the cohort and announces it", async ({ page, loginAs }) => {
    await loginAs("operator");
    await page.goto(eventUrl);
    const table = page.getByRole("region", { name: "지원 기업" });
    await expect(table.getByRole("row")).toHaveCount(3); // header + two companies
    await expect(table.getByRole("row", { name: /루멘헬스케어/ })).toContainText(LUMEN_PITCH);
    await table.getByRole("button", { name: "선정 · 루멘헬스케어", exact: true }).click();
    await expect(toast(page, "선정 상태를 바꿨습니다.")).toBeVisible();
    await page.getByRole("region", { name: "지원 기업" }).getByRole("button", { name: "선정 · 마인드웨이브", exact: true }).click();
    await expect(page.getByText("선정 2 / 2")).toBeVisible();
    await page.getByRole("button", { name: "선정 결과 알리기" }).click();
    await expect(toast(page, "2개 기업에 결과를 알렸습니다.")).toBeVisible();
    // The operator's view shows the cohort pitches' titles.
    await expect(page.getByRole("region", { name: LUMEN_PITCH })).toBeVisible();
    await signOut(page);

    // company1 was told, in-app.
    await loginAs("company1");
    await page.goto("/notifications");
    await expect(page.getByText(`축하합니다. ‘${NAME}’ 피칭 기업으로 선정되었습니다.`).first()).toBeVisible();
  });

  test("a visitor sees the selected companies but nothing of their pitches", async ({ page }) => {
    await page.goto(eventUrl);
    await expect(page.getByRole("region", { name: "선정 기업" }).getByRole("link", { name: "루멘헬스케어" })).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(LUMEN_ONE_LINER);
    // (The title itself is an example in a form hint of the pitches namespace, so it is checked on screen.)
    await expect(page.getByText(LUMEN_PITCH)).toHaveCount(0);
  });

  test("investor1 and investor2 register and rate; an unregistered investor cannot rate", async ({ page, loginAs, baseURL }) => {
    // 문예린 belongs to investor1's organisation but has not registered.
    const unregistered = await apiAs(baseURL!, "associate@hangang.demo.medibridge.kr");
    expect((await unregistered.post(eventUrl, { form: { intent: "rate", pitchId: DEMO_PITCH_IDS.lumenLungAi, team: "1", technology: "1", market: "1", comment: "x" } })).status()).toBe(404);
    expect((await unregistered.get(`${eventUrl}/results`)).status()).toBe(404);
    await unregistered.dispose();

    await loginAs("investor1");
    await page.goto(eventUrl);
    // Before registering: no pitch contents, no rating form.
    expect(await page.content()).not.toContain(LUMEN_ONE_LINER);
    await page.getByRole("button", { name: "투자자로 참가 등록" }).click();
    await expect(toast(page, "투자자로 참가 등록했습니다.")).toBeVisible();
    await expect(page.getByRole("region", { name: LUMEN_PITCH })).toContainText(LUMEN_ONE_LINER);
    await rate(page, LUMEN_PITCH, { team: "5", technology: "4", market: "4" }, COMMENT_1);
    await rate(page, MINDWAVE_PITCH, { team: "4", technology: "5", market: "3" }, COMMENT_MINDWAVE);
    // The rating can be changed while the round is open; it stays one rating.
    await expect(page.getByRole("region", { name: LUMEN_PITCH }).getByRole("button", { name: "평가 고치기" })).toBeVisible();
    await page.goto(`${eventUrl}/results`);
    await expect(page.getByText("내 평가: 팀 5 · 기술 4 · 시장 4")).toBeVisible();
    await signOut(page);

    await loginAs("investor2");
    await page.goto(eventUrl);
    await page.getByRole("button", { name: "투자자로 참가 등록" }).click();
    await expect(toast(page, "투자자로 참가 등록했습니다.")).toBeVisible();
    await rate(page, LUMEN_PITCH, { team: "4", technology: "3", market: "5" }, COMMENT_2);
    // investor2 sees only its own ratings, never investor1's.
    await page.goto(`${eventUrl}/results`);
    await expect(page.getByText(COMMENT_2)).toBeVisible();
    expect(await page.content()).not.toContain(COMMENT_1);
  });

  test("company1 sees its averages and comments without the raters; company2 cannot see company1's results", async ({ page, loginAs, baseURL }) => {
    await loginAs("company1");
    await page.goto(eventUrl);
    await page.getByRole("link", { name: "우리 피칭 평가 보기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "평가 결과" })).toBeVisible();
    const own = page.getByRole("region", { name: LUMEN_PITCH });
    // team (5+4)/2, technology (4+3)/2, market (4+5)/2, overall 4.17.
    await expect(own.getByText("4.5 / 5")).toHaveCount(2);
    await expect(own.getByText("3.5 / 5")).toBeVisible();
    await expect(own.getByText("4.2 / 5")).toBeVisible();
    await expect(own.getByText("2건")).toBeVisible();
    await expect(own.getByText(COMMENT_1)).toBeVisible();
    await expect(own.getByText(COMMENT_2)).toBeVisible();
    const html = await page.content();
    for (const rater of ["서지우", "Daniel Cho", "한강바이오파트너스", "스파크헬스벤처스", "Hangang", "Spark", "investor1@", "investor2@"]) expect(html, rater).not.toContain(rater);
    // Not the other cohort pitch's comments either.
    expect(html).not.toContain(COMMENT_MINDWAVE);

    // The dashboard shows the application and its overall score.
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "피칭 행사 지원" }).getByRole("listitem").filter({ hasText: NAME }).getByRole("link", { name: "종합 4.2점 (2건)" })).toBeVisible();

    // company2 sees its own results, and 404 for company1's pitch.
    const api = await apiAs(baseURL!, DEMO.users.company2.email);
    const ownRes = await api.get(`${eventUrl}/results`);
    expect(ownRes.status()).toBe(200);
    const ownHtml = await ownRes.text();
    expect(ownHtml).toContain(COMMENT_MINDWAVE);
    expect(ownHtml).not.toContain(COMMENT_1);
    expect((await api.get(`${eventUrl}/results?pitch=${DEMO_PITCH_IDS.lumenLungAi}`)).status()).toBe(404);
    await api.dispose();
  });

  test("once the operator closes the round, ratings are final", async ({ page, loginAs, baseURL }) => {
    await loginAs("operator");
    await page.goto(`${eventUrl}/results`);
    await expect(page.getByRole("row", { name: new RegExp(LUMEN_PITCH) })).toContainText("4.2");
    await page.goto(eventUrl);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "행사 종료" }).click();
    await expect(toast(page, "행사를 종료했습니다.")).toBeVisible();

    const api = await apiAs(baseURL!, DEMO.users.investor1.email);
    const res = await api.post(eventUrl, { form: { intent: "rate", pitchId: DEMO_PITCH_IDS.lumenLungAi, team: "1", technology: "1", market: "1", comment: "late" } });
    expect(res.status()).toBe(400);
    await api.dispose();
  });

  test("the list and a round read well in English and on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/events?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Pitch events" })).toBeVisible();
    await page.goto(`${eventUrl}?lng=en`);
    await expect(page.getByText("Selected companies")).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
