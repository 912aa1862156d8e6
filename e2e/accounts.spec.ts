import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO, expect, MAIL_DIR, signInWith, test, type DemoRole } from "./fixtures";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}: ${v.help}`));
  expect(found, `axe on ${what}`).toEqual([]);
}

/** A valid 사업자등록번호 (check digit computed) so sign-up accepts it. */
function validBusinessNo(seed: number): string {
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const d = String(100000000 + (seed % 800000000)).slice(0, 9).split("").map(Number);
  let sum = d.reduce((s, x, i) => s + x * w[i], 0);
  sum += Math.floor((d[8] * 5) / 10);
  return d.join("") + String((10 - (sum % 10)) % 10);
}

async function latestMailTo(to: string): Promise<string> {
  const dir = path.resolve(MAIL_DIR);
  const files = readdirSync(dir).sort().reverse();
  for (const f of files) {
    const m = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { to: string; text: string };
    if (m.to === to) return m.text;
  }
  throw new Error(`no mail to ${to} in ${dir}`);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /로그인|Sign in/ }).first()).toBeVisible();
}

/** A new hospital signs up on /signup (general hospital) and lands on its dashboard. */
async function signUpHospital(page: Page, f: { name: string; email: string; password: string; orgName: string; stamp: number }) {
  await page.goto("/signup");
  await page.getByLabel("이름").fill(f.name);
  await page.getByLabel("이메일").fill(f.email);
  await page.getByLabel("비밀번호").fill(f.password);
  await page.getByLabel("병원·의료기관").check();
  await page.getByLabel("기관명").fill(f.orgName);
  await page.getByLabel("사업자등록번호").fill(validBusinessNo(f.stamp));
  await page.getByLabel("의료기관 종별").selectOption("general");
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test.describe("accounts", () => {
  test("every demo login signs in and lands on its role dashboard", async ({ page, loginAs }) => {
    for (const role of Object.keys(DEMO.users) as DemoRole[]) {
      const user = await loginAs(role);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("안녕하세요");
      await expect(page.getByText(user.org, { exact: false }).first()).toBeVisible();
      await signOut(page);
    }
  });

  test("a wrong password gets a friendly message in Korean and English, keeping the e-mail", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("이메일").fill("hospital1@demo.medibridge.kr");
    await page.getByLabel("비밀번호").fill("not-the-password");
    await page.getByRole("button", { name: "로그인" }).last().click();
    await expect(page.getByRole("alert")).toContainText("이메일 또는 비밀번호가 맞지 않습니다");
    await expect(page.getByLabel("이메일")).toHaveValue("hospital1@demo.medibridge.kr");
    await expect(page.getByLabel("비밀번호")).toHaveValue("");

    await page.goto("/login?lng=en");
    await page.getByLabel("E-mail").fill("hospital1@demo.medibridge.kr");
    await page.getByLabel("Password").fill("still-wrong");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await expect(page.getByRole("alert")).toContainText("The e-mail or password is not correct");
    await expect(page.getByLabel("E-mail")).toHaveValue("hospital1@demo.medibridge.kr");
    await page.goto("/?lng=ko");
  });

  test("sign-up keeps typed values on a bad business number and says why next to the field", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("이름").fill("홍길동");
    await page.getByLabel("이메일").fill("gildong@clinic.example");
    await page.getByLabel("비밀번호").fill("a long passphrase");
    await page.getByLabel("기관명").fill("길동의원");
    await page.getByLabel("사업자등록번호").fill("123-45-67890");
    await page.getByRole("button", { name: "가입하기" }).click();
    await expect(page.getByText("검증번호(마지막 자리)가 맞지 않습니다")).toBeVisible();
    await expect(page.getByLabel("이름")).toHaveValue("홍길동");
    await expect(page.getByLabel("기관명")).toHaveValue("길동의원");
    await expectNoAxeViolations(page, "/signup with errors");
  });

  test("a new hospital signs up, waits for verification, the operator verifies it, and it can act", async ({ page, loginAs }) => {
    const stamp = Date.now();
    const email = `tto${stamp}@newhospital.example`;
    const orgName = `새봄병원 ${stamp % 10000}`;
    await signUpHospital(page, { name: "정새봄", email, password: "spring hospital pass", orgName, stamp });
    await expect(page.getByRole("status").filter({ hasText: "가입을 환영합니다" })).toBeVisible();
    await expect(page.getByText("기관 인증을 기다리는 중입니다")).toBeVisible();
    await signOut(page);

    // The operator sees it in the verification queue and verifies it.
    await loginAs("operator");
    await page.goto("/admin");
    const card = page.locator(".card").filter({ has: page.getByRole("heading", { name: orgName }) });
    await expect(card).toBeVisible();
    await expect(card.getByText("검증번호 일치")).toBeVisible();
    await expectNoAxeViolations(page, "/admin");
    await card.getByRole("button", { name: "인증 승인" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${orgName} 기관을 인증했습니다` })).toBeVisible();
    await expect(page.getByRole("heading", { name: orgName })).toHaveCount(0);
    await signOut(page);

    // The hospital signs in again: verified, no waiting notice; its public profile shows.
    await signInWith(page, email, "spring hospital pass");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("기관 인증을 기다리는 중입니다")).toHaveCount(0);
    await page.getByRole("link", { name: "기관 프로필" }).click();
    await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
    await expect(page.getByText("인증됨")).toBeVisible();
  });

  test("a rejected organisation sees the operator's reason on its dashboard", async ({ page, loginAs }) => {
    const stamp = Date.now() + 7;
    const email = `lab${stamp}@rejected.example`;
    const orgName = `반려랩 ${stamp % 10000}`;
    await signUpHospital(page, { name: "반려 테스트", email, password: "rejected lab pass", orgName, stamp });
    await expect(page.getByText("사유:")).toHaveCount(0);
    await signOut(page);

    await loginAs("operator");
    await page.goto("/admin");
    const card = page.locator(".card").filter({ has: page.getByRole("heading", { name: orgName }) });
    await card.getByText("반려", { exact: true }).click();
    await card.getByLabel("반려 사유").fill("사업자등록증 사본이 필요합니다");
    await card.getByRole("button", { name: "반려하기" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${orgName}의 인증을 반려했습니다` })).toBeVisible();
    await signOut(page);

    await signInWith(page, email, "rejected lab pass");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("기관 인증이 반려되었습니다. 사유: 사업자등록증 사본이 필요합니다.")).toBeVisible();
  });

  test("password reset works through the outbox link, once", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("이메일").fill("hospital2@demo.medibridge.kr");
    await page.getByRole("button", { name: "재설정 링크 받기" }).click();
    await expect(page.getByText("재설정 링크를 보냈습니다")).toBeVisible();

    // Without SMTP, mail goes to the outbox; the e2e server also drops each
    // message as a file (MAIL_DROP_DIR), which is where a person would look.
    const body = await latestMailTo("hospital2@demo.medibridge.kr");
    const link = /http:\/\/[^\s]+\/reset-password\?token=[^\s]+/.exec(body)?.[0];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await page.getByLabel("새 비밀번호", { exact: true }).fill("hospital two new pass");
    await page.getByLabel("새 비밀번호 확인").fill("hospital two new pass");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText("비밀번호를 바꿨습니다")).toBeVisible();

    await page.getByLabel("이메일").fill("hospital2@demo.medibridge.kr");
    await page.getByLabel("비밀번호").fill("hospital two new pass");
    await page.getByRole("button", { name: "로그인" }).last().click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await signOut(page);

    // The same link cannot be used twice.
    await page.goto(link!);
    await page.getByLabel("새 비밀번호", { exact: true }).fill("yet another passphrase");
    await page.getByLabel("새 비밀번호 확인").fill("yet another passphrase");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await expect(page.getByRole("alert")).toContainText("만료되었거나 이미 사용되었습니다");

    // Put the demo password back for later tests (through the account page).
    await signInWith(page, "hospital2@demo.medibridge.kr", "hospital two new pass");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/account");
    await page.getByLabel("현재 비밀번호").fill("hospital two new pass");
    await page.getByLabel("새 비밀번호", { exact: true }).fill(DEMO.password);
    await page.getByLabel("새 비밀번호 확인").fill(DEMO.password);
    await page.getByRole("button", { name: "비밀번호 변경" }).click();
    await expect(page.getByRole("status").filter({ hasText: "비밀번호를 바꿨습니다" })).toBeVisible();
  });

  test("a cross-origin POST is refused and changes nothing", async ({ request }) => {
    const res = await request.post("/login", {
      form: { email: DEMO.users.company1.email, password: DEMO.password },
      headers: { Origin: "http://evil.example" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(res.headers()["set-cookie"] ?? "").not.toMatch(/mb_session=/);
  });

  test("pages carry the security headers and a nonce CSP", async ({ request }) => {
    const res = await request.get("/login");
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
  });
});
