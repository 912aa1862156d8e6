import { DEMO, expect, test } from "./fixtures";

/**
 * The operator console names organisations in the reader's language: an English
 * reader sees "Hanbit University Hospital", not 한빛대학교병원, and can find a
 * person by their organisation's English name.
 */
test.describe("operator console in English", () => {
  test("users list shows English organisation names and finds people by them", async ({ page, loginAs }) => {
    await loginAs("operator");
    const h1 = DEMO.users.hospital1;
    await page.goto(`/admin/users?lng=en&q=${encodeURIComponent(h1.email)}`);
    const row = page.getByRole("row").filter({ hasText: h1.email });
    await expect(row.getByRole("link", { name: h1.orgEn })).toBeVisible();
    await expect(row.getByText(h1.org)).toHaveCount(0);

    // Searching by the English name finds the company's people.
    const c1 = DEMO.users.company1;
    await page.goto(`/admin/users?lng=en&q=${encodeURIComponent(c1.orgEn.split(" ")[0])}`);
    await expect(page.getByRole("row").filter({ hasText: c1.email })).toBeVisible();

    // In Korean the same list keeps the Korean name.
    await page.goto(`/admin/users?lng=ko&q=${encodeURIComponent(h1.email)}`);
    await expect(page.getByRole("row").filter({ hasText: h1.email }).getByRole("link", { name: h1.org })).toBeVisible();
  });

  test("the audit log names the acting organisation in English", async ({ page, loginAs }) => {
    await loginAs("operator");
    await page.goto("/admin/audit?lng=en");
    // The operator's own sign-in just now is in the log, under the office's English name.
    await expect(page.getByRole("cell", { name: DEMO.users.operator.orgEn, exact: true }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: DEMO.users.operator.org, exact: true })).toHaveCount(0);
  });
});
