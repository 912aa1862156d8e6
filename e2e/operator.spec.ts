import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { DEMO_CALL_IDS, DEMO_NEED_IDS } from "../db/seed/demo-need-ids";
import { DEMO, expect, test } from "./fixtures";

/**
 * The operator console (issue #8, must-show 1 and 3): the funnel with the demo
 * data, a call filter, a CSV whose numbers equal the screen, hiding a need
 * (gone for companies, the hospital notified), disabling a user (their open
 * session ends at once), and axe on the dashboard in both languages.
 * Every change is undone at the end of its test so later specs see the demo data.
 */

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, " ")}`));
  expect(found, `axe on ${what}`).toEqual([]);
}

/** A second, independent browser (own cookies) signed in through the real form. */
async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/login");
  const form = page.locator('form[method="post"]').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DEMO.password);
  await form.locator('button[type="submit"]').first().click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  return { context, page };
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A table on the page as text rows; numbers without thousands separators, "—" as empty (as in the CSV). */
async function screenTable(page: Page, key: string): Promise<string[][]> {
  const table = page.getByTestId(`table-${key}`);
  const header = await table.locator("thead th").allInnerTexts();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((c) => (c as HTMLElement).innerText.trim())));
  const norm = (s: string) => (s === "—" ? "" : /^-?[\d,]+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s);
  return [header.map((h) => h.trim()), ...rows.map((r) => r.map(norm))];
}

async function downloadCsv(page: Page, key: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`csv-${key}`).click()]);
  const bytes = readFileSync((await download.path())!);
  return { bytes, text: bytes.toString("utf8"), filename: download.suggestedFilename() };
}

test.describe("operator console", () => {
  test("funnel with the demo data, filtered by a programme call, CSV equal to the screen and audited", async ({ page, loginAs }) => {
    test.setTimeout(90_000);
    await loginAs("operator");
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "운영 관리 메뉴" }).getByRole("link", { name: "프로그램 현황" }).click();
    await expect(page).toHaveURL(/\/admin\/funnel$/);
    await expect(page.getByRole("heading", { level: 1, name: "프로그램 현황" })).toBeVisible();
    const allApplications = Number((await page.getByTestId("kpi-applications").locator(".kpi-value").innerText()).replace(/,/g, ""));
    expect(allApplications, "the demo applications show up in the funnel").toBeGreaterThan(0);
    await expect(page.getByRole("img", { name: "수요 → 협력" })).toBeVisible();

    // Filter by a programme call.
    await page.getByLabel("프로그램 공모", { exact: true }).selectOption(DEMO_CALL_IDS.alwaysOn);
    await page.getByRole("button", { name: "적용" }).click();
    await expect(page).toHaveURL(new RegExp(`call=${DEMO_CALL_IDS.alwaysOn}`));
    // The filtered page is in once the per-call table lists only the chosen call.
    await expect(page.getByTestId("table-calls").locator("tbody tr")).toHaveCount(1);
    const callApplications = Number((await page.getByTestId("kpi-applications").locator(".kpi-value").innerText()).replace(/,/g, ""));
    expect(callApplications).toBeLessThanOrEqual(allApplications);
    const callsTable = await screenTable(page, "calls");
    expect(callsTable.length, "only the chosen call is listed").toBe(2);

    // The CSV of the funnel table: BOM, Korean headers, the numbers on the screen.
    for (const key of ["funnel", "monthly", "calls"]) {
      const csv = await downloadCsv(page, key);
      expect([...csv.bytes.subarray(0, 3)], `${key}: UTF-8 byte-order mark`).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.filename).toMatch(/^메디브릿지_.+\.csv$/);
      const rows = parseCsv(csv.text.slice(1));
      expect(rows, `${key}: CSV equals the table on the screen`).toEqual(await screenTable(page, key));
    }
    const funnelCsv = parseCsv((await downloadCsv(page, "funnel")).text.slice(1));
    expect(funnelCsv[0]).toEqual(["구분", "단계", "건수", "전 단계 대비(%)"]);
    expect(funnelCsv.find((r) => r[1] === "지원")?.[2]).toBe(String(callApplications));

    // English headers with ?lng=en; the KPI summary too.
    const en = await page.request.get(`/admin/export/funnel?call=${DEMO_CALL_IDS.alwaysOn}&lng=en`);
    expect(en.headers()["content-disposition"]).toMatch(/^attachment; filename="medibridge_funnel_[\d-]+_[\d-]+\.csv"; filename\*=UTF-8''/);
    expect(en.headers()["content-type"]).toContain("text/csv");
    expect((await en.text()).split("\r\n")[0]).toBe("\uFEFFTrack,Step,Count,Of previous step (%)");
    const kpi = await page.request.get(`/admin/export/kpi?call=${DEMO_CALL_IDS.alwaysOn}&lng=ko`);
    const kpiRows = parseCsv((await kpi.text()).slice(1));
    expect(kpiRows[0]).toEqual(["기간", "프로그램", "지표", "값"]);
    expect(kpiRows.find((r) => r[1] === "전체 프로그램" && r[2] === "지원")?.[3]).toBe(String(callApplications));
    // After switching the page language back (the ?lng= link sets a cookie), every export is in the audit log.
    await page.goto("/admin/audit?event=export&lng=ko");
    await expect(page.getByTestId("audit-table").locator("tbody tr")).toHaveCount(6);
  });

  test("hiding a need: gone from /needs and search for companies, 404 to them, hospital1 notified; restoring brings it back", async ({ page, loginAs, browser }) => {
    test.setTimeout(90_000);
    const id = DEMO_NEED_IDS.hanbitHeartFailure;
    const title = "심부전 환자 퇴원 후 원격 모니터링 웨어러블 실증";
    const company = await signedInContext(browser, DEMO.users.company1.email);
    await company.page.goto("/needs");
    await expect(company.page.getByRole("link", { name: title })).toBeVisible();

    await loginAs("operator");
    await page.goto(`/admin/moderation?type=need&q=${encodeURIComponent("심부전")}`);
    const item = page.locator(".mod-item").filter({ hasText: title });
    await item.getByText("숨기기", { exact: true }).click();
    await item.getByLabel("숨김 사유").fill("연락처를 통한 외부 거래 유도");
    await item.getByRole("button", { name: "사유와 함께 숨기기" }).click();
    await expect(page.getByText(`«${title}» 게시물을 숨겼습니다`)).toBeVisible();

    // The company no longer finds it: not in the list, not in search, the page is 404.
    await company.page.goto("/needs");
    await expect(company.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(company.page.getByRole("link", { name: title })).toHaveCount(0);
    await company.page.goto(`/needs?q=${encodeURIComponent("심부전")}`);
    await expect(company.page.getByRole("link", { name: title })).toHaveCount(0);
    expect((await company.page.goto(`/needs/${id}`))?.status()).toBe(404);
    expect((await company.page.request.get(`/needs/${id}/apply`)).status()).toBe(404);

    // The hospital is notified and still sees its need, with the reason.
    const hospital = await signedInContext(browser, DEMO.users.hospital1.email);
    await hospital.page.goto("/notifications");
    await expect(hospital.page.getByText(`운영자가 «${title}» 게시물을 숨겼습니다. 사유: 연락처를 통한 외부 거래 유도`)).toBeVisible();
    await hospital.page.goto(`/needs/${id}`);
    await expect(hospital.page.getByRole("status").filter({ hasText: "연락처를 통한 외부 거래 유도" })).toBeVisible();

    // Restore: it is back for the company.
    await page.goto("/admin/moderation?type=need&state=hidden");
    await page.locator(".mod-item").filter({ hasText: title }).getByRole("button", { name: "다시 공개" }).click();
    await expect(page.getByText(`«${title}» 게시물을 다시 공개했습니다.`)).toBeVisible();
    await company.page.goto(`/needs?q=${encodeURIComponent("심부전")}`);
    await expect(company.page.getByRole("link", { name: title })).toBeVisible();
    await company.context.close();
    await hospital.context.close();
  });

  test("disabling a user ends their open session at once; re-enabling lets them back in", async ({ page, loginAs, browser }) => {
    test.setTimeout(90_000);
    const email = "sy.han@demo.medibridge.kr";
    const member = await signedInContext(browser, email);
    await member.page.goto("/dashboard");
    await expect(member.page).toHaveURL(/\/dashboard/);

    await loginAs("operator");
    await page.goto(`/admin/users?q=${encodeURIComponent("sy.han")}`);
    const row = page.getByTestId(`user-${email}`);
    await row.getByText("계정 정지", { exact: true }).click();
    // Without the confirmation box the browser refuses to submit; ticked, it goes through.
    await row.getByLabel("이 계정을 정지하는 것을 확인합니다").check();
    await row.getByRole("button", { name: "정지하기" }).click();
    await expect(page.getByText(`${email} 계정을 정지했습니다.`)).toBeVisible();
    await expect(page.getByTestId(`user-${email}`).getByText(/정지됨/)).toBeVisible();

    // The member's open browser is signed out on its very next request.
    await member.page.reload();
    await expect(member.page).toHaveURL(/\/login/);
    const res = await member.page.request.get("/dashboard", { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers()["location"]).toMatch(/^\/login/);

    await page.goto("/admin/audit?event=user.disabled");
    await expect(page.getByTestId("audit-table")).toContainText(email);

    // Re-enable (and leave the demo data as it was).
    await page.goto(`/admin/users?q=${encodeURIComponent("sy.han")}`);
    await page.getByTestId(`user-${email}`).getByRole("button", { name: "다시 사용하게 하기" }).click();
    await expect(page.getByText(`${email} 계정을 다시 사용할 수 있습니다.`)).toBeVisible();
    await member.context.close();
  });

  test("the dashboard and console pages have no axe violations, in Korean and English", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    await loginAs("operator");
    await page.goto("/admin/funnel?lng=ko");
    await expect(page.getByRole("heading", { level: 1, name: "프로그램 현황" })).toBeVisible();
    await expectNoAxeViolations(page, "/admin/funnel (ko)");
    await page.goto("/admin/funnel?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Programme figures" })).toBeVisible();
    await expect(page.getByTestId("table-funnel").locator("thead th").first()).toHaveText("Track");
    await expectNoAxeViolations(page, "/admin/funnel (en)");
    for (const path of ["/admin/moderation", "/admin/orgs", "/admin/users", "/admin/programs", "/admin/audit", "/admin"]) {
      await page.goto(`${path}?lng=ko`);
      await expectNoAxeViolations(page, `${path} (ko)`);
    }
    // Phone width: the tabs wrap, nothing overflows the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/admin/funnel?lng=ko");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "no sideways scrolling of the whole page on a phone").toBeLessThanOrEqual(1);
    await expect(page.getByRole("navigation", { name: "운영 관리 메뉴" }).getByRole("link", { name: "감사 로그" })).toBeInViewport();
    // The main navigation scrolls sideways on a phone: the current section (운영 관리, last) is brought into view.
    const current = page.getByRole("navigation", { name: "주 메뉴" }).locator('a[aria-current="page"]');
    await expect(current).toHaveText("운영 관리");
    await expect(current).toBeInViewport({ ratio: 1 });
  });
});
