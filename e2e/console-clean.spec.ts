import { expect, test, type DemoRole } from "./fixtures";

/**
 * The pages a signed-in person opens most hydrate without errors: a server
 * and browser rendering different text (React #418, e.g. a date formatted two
 * ways) shows up here, as does any other script error.
 */
const PAGES: Record<string, string[]> = {
  hospital1: ["/dashboard", "/needs", "/needs/5eed0000-0000-4000-8000-000000000001", "/applications", "/notifications", "/settings", "/calls"],
  company1: ["/dashboard", "/needs?sort=match", "/applications", "/notifications", "/orgs/hanbit-univ-hospital"],
  operator: ["/dashboard", "/admin"],
};

for (const [role, paths] of Object.entries(PAGES)) {
  test(`no script errors while ${role} browses (ko and en)`, async ({ page, loginAs }) => {
    const errors: string[] = [];
    let at = "";
    page.on("pageerror", (e) => errors.push(`${at}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`${at}: ${m.text()}`);
    });
    await loginAs(role as DemoRole);
    for (const lng of ["ko", "en"]) {
      for (const p of paths) {
        at = `${p} (${lng})`;
        await page.goto(`${p}${p.includes("?") ? "&" : "?"}lng=${lng}`);
        await page.waitForLoadState("networkidle");
      }
      // The application detail pages carry date-times from both sides.
      if (role !== "operator") {
        await page.goto("/applications");
        const first = page.locator('a[href^="/applications/"]').first();
        if (await first.count()) {
          at = `application detail (${lng})`;
          await first.click();
          await page.waitForLoadState("networkidle");
        }
      }
    }
    await page.goto("/?lng=ko");
    expect(errors).toEqual([]);
  });
}
