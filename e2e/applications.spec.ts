import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

/** A small, valid PDF made here (the upload checks the %PDF- signature). */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const APPROACH = "야간 응급실 흉부 X선에서 기흉 소견을 AI로 먼저 표시해 판독 대기 시간을 줄이겠습니다.";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}: ${v.help}`));
  expect(found, `axe on ${what}`).toEqual([]);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /로그인|Sign in/ }).first()).toBeVisible();
}

/** An open need of 한빛대학교병원 that 루멘헬스케어 has not applied to yet (from the needs list). */
async function findNeedToApply(page: Page): Promise<string> {
  const ids = new Set<string>();
  for (let p = 1; p <= 5; p++) {
    const html = await (await page.request.get(`/needs?page=${p}`)).text();
    const found = [...html.matchAll(/href="\/needs\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    if (!found.length) break;
    found.forEach((id) => ids.add(id));
  }
  for (const id of ids) {
    const res = await page.request.get(`/needs/${id}/apply`);
    if (res.status() !== 200) continue;
    const html = await res.text();
    if (html.includes(DEMO.users.hospital1.org) && html.includes('name="approach"')) return id;
  }
  throw new Error("no open need of 한빛대학교병원 left to apply to: is the demo needs seed in place?");
}

test.describe("applications: need → application → review → decision", () => {
  test("a company applies, the hospital reviews and accepts, other companies see nothing", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    page.on("dialog", (d) => void d.accept());

    // 1. 루멘헬스케어 applies with a PDF.
    await loginAs("company1");
    const needId = await findNeedToApply(page);
    // The server refuses a proposal without an approach: 400, message next to the field, values kept, nothing stored.
    const invalid = await page.request.post(`/needs/${needId}/apply`, { form: { approach: " ", team: "임상 자문 2명", trl: "12" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(invalid.status()).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("필수 입력 항목입니다.");
    expect(invalidHtml).toContain("TRL은 1부터 9 사이의 숫자입니다.");
    expect(invalidHtml).toContain("임상 자문 2명");
    // An 11 MB "PDF" and a renamed non-PDF are refused next to the file field; the typed text stays.
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const tooBig = await page.request.post(`/needs/${needId}/apply`, {
      multipart: { approach: APPROACH, attachments: { name: "큰파일.pdf", mimeType: "application/pdf", buffer: big } },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(tooBig.status()).toBe(400);
    expect(await tooBig.text()).toContain("파일은 10MB 이하만 올릴 수 있습니다.");
    const notPdf = await page.request.post(`/needs/${needId}/apply`, {
      multipart: { approach: APPROACH, attachments: { name: "../../etc/passwd.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") } },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(notPdf.status()).toBe(400);
    const notPdfHtml = await notPdf.text();
    expect(notPdfHtml).toContain("PDF 파일만 올릴 수 있습니다.");
    expect(notPdfHtml).toContain(APPROACH);
    await page.goto(`/needs/${needId}/apply`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("지원서 작성");
    await page.getByLabel("제안 내용(접근 방법)").fill(APPROACH);
    await page.getByLabel("수행 팀").fill("영상 AI 연구원 4명, 응급의학 자문의 1명");
    await page.getByLabel("현재 기술 성숙도(TRL)").fill("7");
    await page.getByLabel("요청 예산(원)").fill("150,000,000");
    await page.getByLabel("추진 일정").fill("3개월 설치, 6개월 검증");
    await page.getByLabel("첨부 파일(PDF)").setInputFiles({ name: "루멘_제안서.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "지원서 제출" }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    const appUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("status").filter({ hasText: "지원서를 제출했습니다" })).toBeVisible();
    await expect(page.getByText("제출됨").first()).toBeVisible();
    const fileLink = page.getByRole("link", { name: /루멘_제안서\.pdf/ });
    await expect(fileLink).toBeVisible();
    const fileUrl = (await fileLink.getAttribute("href"))!;
    const download = await page.request.get(fileUrl);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;.*filename\*=UTF-8''/);
    expect(download.headers()["cache-control"]).toBe("private, no-store");
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // A second visit shows the existing application; a repeated submit adds nothing.
    await page.goto(`/needs/${needId}/apply`);
    await expect(page.getByRole("heading", { name: "이미 지원했습니다" })).toBeVisible();
    await expect(page.getByRole("link", { name: "내 지원서 보기" })).toHaveAttribute("href", appUrl);
    const again = await page.request.post(`/needs/${needId}/apply`, { form: { approach: APPROACH }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(again.headers()["location"]).toBe(appUrl);
    await signOut(page);

    // 2. 한빛대학교병원 finds it, shortlists, writes, tries a decline without a reason, accepts.
    await loginAs("hospital1");
    await page.goto("/applications");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("받은 지원서");
    await expectNoAxeViolations(page, "/applications");
    await page.locator(`a[href="${appUrl}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${appUrl}$`));
    await expect(page.getByText(APPROACH)).toBeVisible();
    await page.getByRole("button", { name: "우선 검토" }).click();
    await expect(page.getByRole("status").filter({ hasText: "우선 검토 대상으로 옮겼습니다" })).toBeVisible();

    await page.getByRole("textbox", { name: "메시지" }).fill("다음 주 화요일에 PACS 연동 회의를 할 수 있을까요?");
    await page.getByRole("button", { name: "보내기" }).click();
    await expect(page.getByRole("status").filter({ hasText: "메시지를 보냈습니다" })).toBeVisible();
    await expect(page.getByText("다음 주 화요일에 PACS 연동 회의를 할 수 있을까요?")).toBeVisible();

    await page.getByRole("button", { name: "미선정 처리" }).click();
    await expect(page.getByText("미선정 사유를 골라 주세요.")).toBeVisible();
    // The server refuses it too, and nothing changes.
    const refused = await page.request.post(appUrl, { form: { intent: "decline", reason: "" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(refused.status()).toBe(400);
    const otherWithoutNote = await page.request.post(appUrl, { form: { intent: "decline", reason: "other", note: "" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(otherWithoutNote.status()).toBe(400);
    await page.reload();
    await expect(page.getByText("우선 검토").first()).toBeVisible();

    await expectNoAxeViolations(page, appUrl);
    await page.getByRole("button", { name: "선정", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "지원서를 선정했습니다" })).toBeVisible();
    // Accepting again is not a valid transition.
    const twice = await page.request.post(appUrl, { form: { intent: "accept" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(twice.status()).toBe(400);
    await signOut(page);

    // 3. 루멘헬스케어 sees "선정" and the notifications.
    await loginAs("company1");
    const bell = page.getByRole("link", { name: /^알림, 읽지 않은 알림 [1-9]\d*개$/ });
    await expect(bell).toBeVisible();
    await page.goto(appUrl);
    await expect(page.locator(".page-head .badge").first()).toHaveText("선정");
    await page.goto(`${appUrl}?lng=en`);
    await expect(page.locator(".page-head .badge").first()).toHaveText("Accepted");
    await expectNoAxeViolations(page, `${appUrl} (en)`);
    await page.goto(`${appUrl}?lng=ko`);
    await expect(page.getByText("다음 주 화요일에 PACS 연동 회의를 할 수 있을까요?")).toBeVisible();
    await page.goto("/notifications");
    await expect(page.getByText(/한빛대학교병원에서 .+ 지원서를 선정했습니다/).first()).toBeVisible();
    await expectNoAxeViolations(page, "/notifications");
    await page.getByRole("button", { name: "모두 읽음으로 표시" }).click();
    await expect(page.getByRole("link", { name: "알림, 읽지 않은 알림 0개" })).toBeVisible();
    await signOut(page);

    // 4. 마인드웨이브 cannot open 루멘's application or its attachment.
    await loginAs("company2");
    const res = await page.goto(appUrl);
    expect(res?.status()).toBe(404);
    expect((await page.request.get(fileUrl)).status()).toBe(404);
  });

  test("applications list: role pages, filter and empty state", async ({ page, loginAs }) => {
    await loginAs("company2");
    await page.goto("/applications?status=withdrawn");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("내 지원 현황");
    await expect(page.getByText("이 상태의 지원서가 없습니다.")).toBeVisible();
    await signOut(page);
    await loginAs("investor1");
    const res = await page.goto("/applications");
    expect(res?.status()).toBe(404);
  });

  test("a company awaiting verification sees why it cannot apply, and nothing is stored", async ({ page }) => {
    const needs = await (await page.request.get("/needs")).text();
    const needId = /href="\/needs\/([0-9a-f-]{36})"/.exec(needs)![1];
    await page.goto("/login");
    await page.getByLabel("이메일").fill("founder@steadystep.demo.medibridge.kr");
    await page.getByLabel("비밀번호").fill(DEMO.password);
    await page.getByRole("button", { name: "로그인" }).last().click();
    await expect(page).not.toHaveURL(/\/login/);
    const res = await page.goto(`/needs/${needId}/apply`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "인증된 기업만 지원할 수 있습니다" })).toBeVisible();
    const post = await page.request.post(`/needs/${needId}/apply`, { form: { approach: "인증 전 지원 시도" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    expect((await page.goto("/applications"))?.status()).toBe(200);
    await expect(page.getByText("아직 지원한 수요가 없습니다")).toBeVisible();
  });
});
