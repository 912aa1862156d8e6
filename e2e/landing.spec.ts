import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const KO_TITLE = "병원의 임상 현장과 기업의 기술을, 언제든 연결합니다";
const EN_TITLE = "Clinical practice meets company technology — any day of the year";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  // One line per offending element, so the failure message says what to fix.
  const found = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, " ")}`),
  );
  // Soft: report every page and language checked, not just the first one with a problem.
  expect.soft(found, `axe (wcag2a, wcag2aa, wcag21aa) on ${what}`).toEqual([]);
}

test.describe("a visitor discovers MediBridge", () => {
  test("reads the landing page in Korean, switches to English and back", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1, name: KO_TITLE })).toBeVisible();

    // Live counts from the database (the demo data has verified hospitals).
    await expect(page.getByRole("region", { name: "지금 메디브릿지에는" })).toBeAttached();
    for (const label of ["참여 병원", "참여 기업", "투자기관", "가입 회원"]) {
      const stat = page.locator(".stat").filter({ hasText: label });
      await expect(stat).toBeVisible();
      await expect(stat.locator("b")).toHaveText(/^\d[\d,]*$/);
    }
    const hospitals = Number((await page.locator(".stat").filter({ hasText: "참여 병원" }).locator("b").innerText()).replace(/,/g, ""));
    expect(hospitals).toBeGreaterThan(0);

    await page.getByRole("navigation", { name: "언어 선택" }).getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: EN_TITLE })).toBeVisible();
    await expect(page.locator(".stat").filter({ hasText: "Hospitals" })).toBeVisible();

    // The choice is remembered (cookie), not just carried in the URL.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: EN_TITLE })).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "lng")?.value).toBe("en");

    await page.goto("/?lng=ko");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1, name: KO_TITLE })).toBeVisible();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  });

  test("the stylesheet comes inlined (no stylesheet request before the first paint) and stays through client navigation", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await expect(page.locator('link[rel="stylesheet"]')).toHaveCount(0);
    await expect(page.locator("head style[data-href]")).toHaveCount(1);
    // Styled: the header is laid out as a flex row, the body uses the app's font stack.
    const styled = async () => page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, styles: document.querySelectorAll("head style[data-href]").length }));
    const before = await styled();
    expect(before.font).toMatch(/Pretendard|Noto Sans KR|sans-serif/i);
    // A client-side navigation (no page load) keeps the one inlined stylesheet.
    await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "임상 수요" }).first().click();
    await expect(page).toHaveURL(/\/needs/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await styled()).toEqual(before);
    expect(errors).toEqual([]);
  });

  test("the landing page has no accessibility violations in either language", async ({ page }) => {
    await page.goto("/?lng=ko");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, "/ (ko)");

    await page.goto("/?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: EN_TITLE })).toBeVisible();
    await expectNoAxeViolations(page, "/ (en)");
  });

  test("an unknown address shows a friendly 404 in both languages, with no stack trace", async ({ page }) => {
    const cases = [
      { lng: "ko", title: "페이지를 찾을 수 없습니다", home: /홈|처음/ },
      { lng: "en", title: "Page not found", home: /home/i },
    ];
    for (const c of cases) {
      const res = await page.goto(`/no-such-page/here?lng=${c.lng}`);
      expect(res?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", c.lng);
      await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
      // The site header is still there, so the visitor can find their way.
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.getByRole("main").getByRole("link", { name: c.home })).toBeVisible();
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:|node_modules|\/work\/|\.tsx?:\d+/);
      const html = await page.content();
      expect(html).not.toMatch(/node_modules|"stack"|\s+at [\w.<>]+ \(/);
      await expectNoAxeViolations(page, `404 (${c.lng})`);
    }
  });

  test("the health check answers", async ({ request }) => {
    const res = await request.get("/healthz");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(await res.json()).toEqual({ ok: true });
  });

  test("pages carry the security headers", async ({ request }) => {
    const res = await request.get("/");
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-powered-by"]).toBeUndefined();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const lng of ["ko", "en"] as const) {
    test(`the header fits the screen without horizontal scrolling (${lng})`, async ({ page }) => {
      await page.goto(`/?lng=${lng}`);
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.getByRole("navigation", { name: lng === "ko" ? "언어 선택" : "Language" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(innerWidth);
    });
  }
});
