import { expect, test } from "./fixtures";

const LUNG_CT_NEED = "/needs/5eed0000-0000-4000-8000-000000000001";

/** Every match card on the page: its shown score equals the sum of its part points. */
async function expectPartsAddUp(page: import("@playwright/test").Page) {
  const cards = page.locator(".match");
  const n = await cards.count();
  expect(n, "at least one recommendation").toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    // Later cards fold their parts away; open them as a reader would.
    const folded = card.locator("details.match-details:not([open]) > summary");
    if (await folded.count()) await folded.click();
    const score = Number(await card.getByTestId("match-score").innerText());
    const parts = await card.getByTestId("match-part-points").allInnerTexts();
    const sum = parts.map((p) => Number(p.split("/")[0].trim())).reduce((a, b) => a + b, 0);
    expect(Math.round(sum * 10) / 10, `card ${i + 1}: parts add up to the score`).toBe(score);
    expect(await card.locator(".match-reason").count()).toBeGreaterThan(0);
  }
}

test.describe("match scores people can read", () => {
  test("hospital1's need page lists recommended companies whose part bars add up, in Korean and English", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    await page.goto(LUNG_CT_NEED);
    const section = page.getByRole("region", { name: "추천 기업" });
    await expect(section).toBeVisible();
    await expect(section.locator(".match").first()).toContainText("루멘헬스케어");
    await expect(section.locator(".match-reason").first()).toContainText(/[가-힣]/);
    await expectPartsAddUp(page);

    await page.goto(`${LUNG_CT_NEED}?lng=en`);
    const en = page.getByRole("region", { name: "Recommended companies" });
    await expect(en).toBeVisible();
    await expect(en.locator(".match").first()).toContainText("Lumen Healthcare");
    await expect(en.locator(".match-part-name").first()).toHaveText(/[A-Za-z]/);
    await expect(en.locator(".match-reason").first()).toHaveText(/[A-Za-z]/);
    await expectPartsAddUp(page);
    await page.goto("/?lng=ko");
  });

  test("company1's dashboard lists recommended needs with reasons, and /needs sorts by best match", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/dashboard");
    const section = page.getByRole("region", { name: "우리 회사에 맞는 수요" });
    await expect(section).toBeVisible();
    await expect(section.locator(".match").first()).toContainText("흉부 CT 폐결절");
    await expect(section.locator(".match-reason").first()).toBeVisible();
    await expectPartsAddUp(page);
    // In English the need's hospital is named in English too.
    await page.goto("/dashboard?lng=en");
    await expect(page.getByRole("region", { name: "Needs that fit your company" }).locator(".match").first()).toContainText("Hanbit University Hospital");
    await page.goto("/?lng=ko");

    await page.goto("/needs?sort=match");
    await expect(page.locator("article").first()).toContainText("흉부 CT 폐결절");
    await expect(page.locator("article").first()).toContainText(/매칭 \d+(\.\d)?점/);
  });

  test("other roles do not see recommendations on someone else's need", async ({ page, loginAs }) => {
    await loginAs("hospital2");
    await page.goto(LUNG_CT_NEED);
    await expect(page.getByRole("region", { name: "추천 기업" })).toHaveCount(0);
  });
});
