import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Issue 4's story on one need, start to finish, as the two people would do it:
 * 한빛대학교병원 posts → 루멘헬스케어 finds it by part of a Korean word, reads the
 * details only after the NDA, applies with a PDF → the hospital shortlists,
 * writes and accepts → the company sees the decision and the notification.
 */
const RUN = Date.now().toString(36);
const TITLE = `내시경영상 실시간 용종 검출 AI 공동연구 ${RUN}`;
const SECRET = `기밀-내시경실-예산-${RUN}`;
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function signOut(page: Page) {
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page.getByRole("link", { name: "로그인" }).first()).toBeVisible();
}

test("always-on R&D: post → find → NDA → apply → review → decision", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  page.on("dialog", (d) => void d.accept());

  await loginAs("hospital1");
  await page.goto("/needs/new");
  await page.getByLabel("제목", { exact: true }).fill(TITLE);
  await page.getByLabel("공개 요약").fill("소화기내과 대장내시경 영상에서 용종을 실시간으로 표시하는 AI를 함께 개발·검증할 기업을 찾습니다.");
  await page.getByRole("checkbox", { name: "소화기내과" }).check();
  await page.getByRole("checkbox", { name: "의료영상 AI" }).check();
  await page.getByRole("checkbox", { name: "공동 연구개발" }).check();
  await page.getByLabel("기밀 상세").fill(SECRET);
  await page.getByRole("button", { name: "게시하기" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const needUrl = new URL(page.url()).pathname;
  await signOut(page);

  await loginAs("company1");
  await page.goto("/needs?q=" + encodeURIComponent("경영상을"));
  await page.getByRole("link", { name: TITLE }).click();
  expect(await page.content()).not.toContain(SECRET);
  await page.getByRole("button", { name: "NDA에 동의하고 상세 보기" }).click();
  await expect(page.getByText(SECRET)).toBeVisible();
  await page.getByRole("link", { name: "이 수요에 지원하기" }).click();
  await page.getByLabel("제안 내용(접근 방법)").fill("대장내시경 영상 12만 건으로 학습한 실시간 용종 검출 모델을 내시경실에 설치해 전향적으로 검증합니다.");
  await page.getByLabel("현재 기술 성숙도(TRL)").fill("6");
  await page.getByLabel("첨부 파일(PDF)").setInputFiles({ name: "용종검출_제안서.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "지원서 제출" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const appUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: /용종검출_제안서\.pdf/ })).toBeVisible();
  await signOut(page);

  await loginAs("hospital1");
  // The hospital's home shows what awaits its answer.
  await expect(page.getByRole("region", { name: "답변을 기다리는 지원서" }).locator(`a[href="${appUrl}"]`)).toBeVisible();
  await page.goto(appUrl);
  await expect(page.getByText(TITLE).first()).toBeVisible();
  expect(needUrl).toMatch(/^\/needs\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "우선 검토" }).click();
  await expect(page.getByRole("status").filter({ hasText: "우선 검토 대상으로 옮겼습니다" })).toBeVisible();
  await page.getByRole("textbox", { name: "메시지" }).fill("내시경실 참관 일정을 잡고 싶습니다.");
  await page.getByRole("button", { name: "보내기" }).click();
  await expect(page.getByText("내시경실 참관 일정을 잡고 싶습니다.")).toBeVisible();
  await page.getByRole("button", { name: "선정", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "지원서를 선정했습니다" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "답변을 기다리는 지원서" }).locator(`a[href="${appUrl}"]`)).toHaveCount(0);
  await signOut(page);

  await loginAs("company1");
  await page.goto(appUrl);
  await expect(page.locator(".page-head .badge").first()).toHaveText("선정");
  await expect(page.getByText("내시경실 참관 일정을 잡고 싶습니다.")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByText(new RegExp(`${TITLE}.*선정했습니다|선정했습니다.*${TITLE}`)).first()).toBeVisible();
});
