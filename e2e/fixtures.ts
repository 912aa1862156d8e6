import { expect, test as base, type Page } from "@playwright/test";

/**
 * Demo accounts created by `seedIfEmpty` (db/seed/demo-orgs.ts). Each login
 * belongs to an organisation of its own, all verified.
 */
export const DEMO = {
  password: "medibridge-demo",
  users: {
    hospital1: { email: "hospital1@demo.medibridge.kr", kind: "hospital", org: "한빛대학교병원", orgEn: "Hanbit University Hospital" },
    hospital2: { email: "hospital2@demo.medibridge.kr", kind: "hospital", org: "서울누리병원", orgEn: "Seoul Nuri Hospital" },
    company1: { email: "company1@demo.medibridge.kr", kind: "company", org: "루멘헬스케어", orgEn: "Lumen Healthcare" },
    company2: { email: "company2@demo.medibridge.kr", kind: "company", org: "마인드웨이브", orgEn: "MindWave Therapeutics" },
    investor1: { email: "investor1@demo.medibridge.kr", kind: "investor", org: "한강바이오파트너스", orgEn: "Hangang Bio Partners" },
    investor2: { email: "investor2@demo.medibridge.kr", kind: "investor", org: "스파크헬스벤처스", orgEn: "Spark Health Ventures" },
    operator: { email: "operator@demo.medibridge.kr", kind: "operator", org: "메디브릿지 운영사무국", orgEn: "MediBridge Programme Office" },
  },
} as const;

/**
 * Where the e2e server drops each outgoing e-mail as a JSON file
 * ({ to, subject, text }); see scripts/e2e-server.ts and MAIL_DROP_DIR.
 * Relative to the repository root (Playwright runs from there).
 */
const E2E_PORT = process.env.E2E_PORT ?? "3100";
export const MAIL_DIR = E2E_PORT === "3100" ? "data/e2e-mail" : `data/e2e-mail-${E2E_PORT}`;

export type DemoRole = keyof typeof DEMO.users;

/**
 * Sign in through the real /login form, as a person would, and wait until the
 * app has let us in (we leave /login).
 */
export async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/login");
  const form = page.locator('form[method="post"]').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').or(form.getByRole("button", { name: /로그인|Sign in|Log in/i })).first().click();
  await expect(page, `signing in as ${email} should leave /login`).not.toHaveURL(/\/login(\?|$)/);
}

/** The demo account of `role`; returns the demo user's details. */
async function signIn(page: Page, role: DemoRole) {
  const user = DEMO.users[role];
  await signInWith(page, user.email, DEMO.password);
  return user;
}

type Fixtures = {
  /** `await loginAs("company1")`: signs in with the demo account for that role. */
  loginAs: (role: DemoRole) => Promise<(typeof DEMO.users)[DemoRole]>;
};

export const test = base.extend<Fixtures>({
  loginAs: async ({ page }, use) => {
    await use((role) => signIn(page, role));
  },
});

export { expect };
