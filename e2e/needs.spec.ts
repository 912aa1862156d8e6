import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, " ")}`));
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /로그인|Sign in/ }).first()).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what} is wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

// One unique word per run: the search below finds it by a part of it, with a particle attached.
const RUN = Date.now().toString(36);
const TITLE = `초음파유도신경차단 보조 AI 임상검증 ${RUN}`;
const CANARY = `기밀-카나리아-${RUN}-수술실 내부 현황`;

test.describe.serial("a hospital posts a need, a company finds it and reads the details after the NDA", () => {
  let needUrl = "";

  test("hospital1 posts a need with confidential details", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    await page.goto("/needs");
    await page.getByRole("link", { name: "새 수요 등록" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "새 수요 등록" })).toBeVisible();
    await page.getByLabel("제목", { exact: true }).fill(TITLE);
    await page.getByLabel("공개 요약").fill("마취통증의학과 신경차단술에서 초음파 영상의 신경·혈관을 실시간으로 표시해 주는 AI의 임상검증 파트너를 찾습니다.");
    await page.getByRole("checkbox", { name: "영상의학과" }).check();
    await page.getByRole("checkbox", { name: "의료영상 AI" }).check();
    await page.getByRole("checkbox", { name: "임상 검증" }).check();
    await page.getByLabel("예산 최소 (원)").fill("50000000");
    await expect(page.getByText("= 5,000만 원")).toBeVisible();
    await page.getByLabel("예산 최대 (원)").fill("150000000");
    await page.getByLabel("기밀 상세").fill(CANARY);
    await page.getByRole("button", { name: "게시하기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("수요를 게시했습니다.")).toBeVisible();
    // The owner sees its own confidential part.
    await expect(page.getByText(CANARY)).toBeVisible();
    needUrl = new URL(page.url()).pathname;
    expect(needUrl).toMatch(/^\/needs\/[0-9a-f-]{36}$/);

    // It is on the dashboard under 내 수요.
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "내 수요" }).getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  });

  test("company1 finds it with part of a Korean word plus a particle, accepts the NDA and then sees the details", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/needs");
    await page.getByRole("searchbox", { name: "검색어" }).fill("유도신경차단을");
    await page.getByRole("button", { name: "검색" }).click();
    await expect(page).toHaveURL(/q=/);
    const card = page.getByRole("link", { name: TITLE });
    await expect(card).toBeVisible();
    await card.click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

    // Before the NDA the confidential text is nowhere in the page, not even in the loader data.
    expect(await page.content()).not.toContain(CANARY);
    const raw = await page.request.get(needUrl);
    expect(await raw.text()).not.toContain(CANARY);
    await expect(page.getByRole("link", { name: "이 수요에 지원하기" })).toHaveAttribute("href", `${needUrl}/apply`);

    await page.getByRole("button", { name: "NDA에 동의하고 상세 보기" }).click();
    await expect(page.getByText("NDA에 동의했습니다. 기밀 상세를 볼 수 있습니다.")).toBeVisible();
    await expect(page.getByText(CANARY)).toBeVisible();
    await expect(page.getByRole("button", { name: "NDA에 동의하고 상세 보기" })).toHaveCount(0);
  });

  test("a visitor and an investor see the summary only", async ({ page, loginAs }) => {
    await page.goto(needUrl);
    await expect(page.getByText("로그인하면 NDA에 동의하고 기밀 상세를 볼 수 있습니다.")).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    await loginAs("investor1");
    await page.goto(needUrl);
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    await expect(page.getByRole("button", { name: "NDA에 동의하고 상세 보기" })).toHaveCount(0);
  });

  test("hospital2 cannot open hospital1's edit page (404)", async ({ page, loginAs }) => {
    await loginAs("hospital2");
    const res = await page.goto(`${needUrl}/edit`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).not.toContain(CANARY);
    await signOut(page);
  });

  test("hospital1 closes the need after confirming; it leaves the public list", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    await page.goto(`${needUrl}/edit`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "모집 마감" }).click();
    await expect(page.getByText("모집을 마감했습니다.")).toBeVisible();
    await expect(page.getByRole("button", { name: "다시 모집" })).toBeVisible();
    await page.goto(`/needs?q=${encodeURIComponent("유도신경차단")}`);
    await expect(page.getByText("조건에 맞는 수요가 없습니다")).toBeVisible();
    // Reopened for the checks that follow.
    await page.goto(`${needUrl}/edit`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "다시 모집" }).click();
    await expect(page.getByText("다시 모집을 시작했습니다.")).toBeVisible();
    await signOut(page);
  });

  test("the list and the detail page have no accessibility violations", async ({ page }) => {
    await page.goto("/needs");
    await expect(page.getByRole("heading", { level: 1, name: "임상 수요" })).toBeVisible();
    await expectNoAxeViolations(page, "/needs (ko)");
    await page.goto(needUrl);
    await expectNoAxeViolations(page, `${needUrl} (ko)`);
    await page.goto("/needs?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Clinical needs" })).toBeVisible();
    await expectNoAxeViolations(page, "/needs (en)");
    await page.goto("/needs?lng=ko");
  });
});

test.describe("the need form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a need that fails validation keeps every typed value, shows the message next to the field and stores nothing", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    await page.goto("/needs/new");
    const title = `검증 실패 테스트 ${RUN}`;
    await page.getByLabel("제목", { exact: true }).fill(title);
    await page.getByLabel("공개 요약").fill("요약은 그대로 남아야 합니다.");
    await page.getByRole("checkbox", { name: "재활의학과" }).check();
    await page.getByRole("checkbox", { name: "테스트베드(가늠터)" }).check();
    await page.getByLabel("희망 TRL (최소)").fill("8");
    await page.getByLabel("희망 TRL (최대)").fill("3");
    await page.getByLabel("예산 최소 (원)").fill("오천만 원");
    await page.getByLabel("기밀 상세").fill("남아 있어야 할 기밀 메모");
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "게시하기" }).click()]);
    expect(res.status()).toBe(400);

    await expect(page.getByLabel("제목", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("공개 요약")).toHaveValue("요약은 그대로 남아야 합니다.");
    await expect(page.getByRole("checkbox", { name: "재활의학과" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "테스트베드(가늠터)" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "영상의학과" })).not.toBeChecked();
    await expect(page.getByLabel("희망 TRL (최소)")).toHaveValue("8");
    await expect(page.getByLabel("기밀 상세")).toHaveValue("남아 있어야 할 기밀 메모");
    await expect(page.getByLabel("희망 TRL (최대)")).toHaveAccessibleDescription(/최대값이 최소값보다 작습니다/);
    await expect(page.getByLabel("예산 최소 (원)")).toHaveAccessibleDescription(/금액은 숫자로만/);

    await page.goto(`/needs?q=${encodeURIComponent(title)}`);
    await expect(page.getByText("조건에 맞는 수요가 없습니다")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByText(title)).toHaveCount(0);
  });

  test("the list filters work as a plain GET form and bad parameters never fail", async ({ page }) => {
    await page.goto("/needs");
    await page.getByRole("searchbox", { name: "검색어" }).fill("영상");
    await page.getByRole("button", { name: "검색" }).click();
    await expect(page.getByRole("link", { name: "의료영상 데이터 플랫폼을 위한 비식별화 솔루션" })).toBeVisible();
    const res = await page.goto("/needs?page=zz&sort=%00&area=nope&deadline=maybe&q=%25");
    expect(res?.status()).toBe(200);
    await expect(page.getByText("조건에 맞는 수요가 없습니다")).toBeVisible();
    await page.goto(`/needs?q=${encodeURIComponent("플랫폼을")}&deadline=always-on`);
    await expect(page.getByRole("link", { name: "중환자실 생체신호 데이터 플랫폼 구축 협력" })).toBeVisible();
    await expect(page.locator("article .badge", { hasText: "상시 모집" }).first()).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the list, a need and the need form fit the screen without horizontal scrolling", async ({ page, loginAs }) => {
    await page.goto("/needs");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page, "/needs");
    await page.getByRole("link", { name: "흉부 CT 폐결절 판독 보조 AI 임상검증" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "흉부 CT 폐결절 판독 보조 AI 임상검증" })).toBeVisible();
    await expectNoHorizontalScroll(page, "a need");
    await loginAs("hospital1");
    await page.goto("/needs/new");
    await expectNoHorizontalScroll(page, "/needs/new");
  });
});
