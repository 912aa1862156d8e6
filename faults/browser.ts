/**
 * Scenario f of `npm run test:faults`, in Chromium: hospital1 fills the
 * "new need" form, the database goes down, she presses publish; the page must
 * stay with every typed value and a message, and after the database is back
 * the same press must store exactly one need.
 */
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { chromium, type Page } from "@playwright/test";

type Deps = {
  base: string;
  stopDb: () => void;
  startDb: () => Promise<void>;
  countByTitle: (title: string) => Promise<number>;
};

async function snapshot(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form#need") ?? document.querySelector<HTMLFormElement>("main form[method=post]");
    if (!form) return [];
    return [...new FormData(form).entries()].filter(([k]) => k !== "submissionId").map(([k, v]) => [k, String(v)] as [string, string]);
  });
}

export async function formSurvivesOutage(deps: Deps) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const title = `장애 중 저장 시험 ${randomBytes(3).toString("hex")}`;
  let outageStatus = 0;
  try {
    const page = await browser.newPage({ baseURL: deps.base, locale: "ko-KR" });
    await page.goto("/login");
    await page.locator('input[name="email"]').fill("hospital1@demo.medibridge.kr");
    await page.locator('input[name="password"]').fill("medibridge-demo");
    await page.locator('form[method="post"] button[type="submit"]').first().click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    await page.goto("/needs/new");
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="summary"]').fill("수술 중 출혈량을 실시간으로 추정하는 영상 분석 도구를 찾습니다.\n두 줄째 요약입니다.");
    await page.locator('textarea[name="details"]').fill("기밀: 연간 수술 4,200건, 현재 수기 추정 오차 ±30%.");
    const areas = page.locator('input[name="clinicalAreas"]');
    await areas.nth(0).check();
    await areas.nth(2).check();
    await page.locator('input[name="techFields"]').first().check();
    await page.locator('input[name="trlMin"]').fill("3");
    await page.locator('input[name="trlMax"]').fill("6");
    await page.locator('input[name="budgetMinKrw"]').fill("50000000");
    await page.locator('input[name="budgetMaxKrw"]').fill("120000000");
    await page.locator('input[name="durationMonths"]').fill("12");
    await page.locator('input[name="deadline"]').fill("2027-03-31");
    await page.locator('select[name="adoptionPayer"]').selectOption({ index: 1 });
    const before = await snapshot(page);
    const token = await page.locator('input[name="submissionId"]').inputValue();

    deps.stopDb();
    const publish = page.locator('button[name="intent"][value="publish"]');
    const [resp] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST", { timeout: 15_000 }), publish.click()]);
    outageStatus = resp.status();
    const message = page.getByText(/입력하신 내용은 그대로 있으니|Everything you typed is still here/);
    const messageShown = await message
      .first()
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (process.env.FAULTS_SHOTS_DIR) await page.screenshot({ path: `${process.env.FAULTS_SHOTS_DIR}/need-form-db-down-ko.png`, fullPage: false });
    const after = await snapshot(page);
    const key = (e: [string, string][]) => e.map(([k, v]) => `${k}=${v}`);
    const a = key(after);
    const changedFields = [...new Set(key(before).filter((x) => !a.includes(x)).map((x) => x.split("=")[0]))];
    if (a.length !== before.length && !changedFields.length) changedFields.push(`(field count ${before.length} → ${a.length})`);

    await deps.startDb();
    await publish.click();
    const redirectedToNeed = await page
      .waitForURL(/\/needs\/[0-9a-f-]{36}$/, { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    const needUrl = new URL(page.url()).pathname;
    // The same form (same token) sent once more, as a resend from history would: the same need, still one row.
    const form = new URLSearchParams([...before, ["submissionId", token], ["intent", "publish"]]);
    const again = await page.request.post("/needs/new", {
      headers: { Origin: deps.base, "Content-Type": "application/x-www-form-urlencoded" },
      data: form.toString(),
      maxRedirects: 0,
    });
    const resendSameNeed = again.status() === 302 && new URL(again.headers()["location"] ?? "", deps.base).pathname === needUrl;
    const rows = await deps.countByTitle(title);
    return { fieldCount: before.length, outageStatus, messageShown, changedFields, redirectedToNeed, resendSameNeed, rows };
  } finally {
    await browser.close();
  }
}
