import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${(n.failureSummary ?? v.help).replace(/\s*\n\s*/g, " ")}`));
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

/** A small valid PDF, built here so the test does not depend on files on disk. */
function pdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const RUN = Date.now().toString(36);
const TITLE = `췌장암 조기진단 혈액검사 AI ${RUN}`;
// Pitch body text: only the owner, operators and verified investors may ever see it.
const BODY_CANARY = `피치본문-카나리아-${RUN}`;
const DECK_TEXT = `Pancreas deck ${RUN}`;

test.describe.serial("company1 publishes a pitch; investors find, bookmark and download it; nobody else can", () => {
  let pitchUrl = "";

  test("company1 writes a pitch with a deck PDF and publishes it", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/pitches");
    await expect(page.getByRole("heading", { level: 1, name: "내 피치" })).toBeVisible();
    // The seeded draft is listed with its status.
    await expect(page.getByRole("row", { name: /디지털 병리 AI/ }).getByText("임시저장")).toBeVisible();
    await page.getByRole("link", { name: "새 피치 작성" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "새 피치 작성" })).toBeVisible();
    await page.getByLabel("피치 제목").fill(TITLE);
    await page.getByLabel("한 줄 소개").fill("혈액 속 단백질 패턴으로 췌장암을 1기에 찾아내는 체외진단 AI입니다.");
    await page.getByLabel("투자 유치 희망액").fill("2000000000");
    await expect(page.getByText("= 20억 원")).toBeVisible();
    await page.getByLabel("투자 단계").selectOption({ label: "시리즈 A" });
    await page.getByLabel("기술성숙도(TRL)").fill("5");
    await page.getByRole("checkbox", { name: "체외진단" }).check();
    await page.getByRole("checkbox", { name: "종양학(암)" }).check();
    await page.getByLabel("해결하려는 문제").fill(`췌장암은 대부분 4기에 발견됩니다. ${BODY_CANARY}`);
    await page.getByLabel("IR 자료 올리기").setInputFiles({ name: "췌장암_IR.pdf", mimeType: "application/pdf", buffer: pdf(DECK_TEXT) });
    await page.getByRole("button", { name: "공개하기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("피치를 공개했습니다.")).toBeVisible();
    await expect(page.getByText(BODY_CANARY)).toBeVisible();
    await expect(page.getByRole("link", { name: "IR 자료 내려받기" })).toBeVisible();
    pitchUrl = new URL(page.url()).pathname;
    expect(pitchUrl).toMatch(/^\/pitches\/[0-9a-f-]{36}$/);
  });

  test("a wrong file is refused next to the field and the typed values stay", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/pitches/new");
    await page.getByLabel("피치 제목").fill("잘못된 파일 시험");
    await page.getByLabel("한 줄 소개").fill("PDF가 아닌 파일");
    await page.getByLabel("IR 자료 올리기").setInputFiles({ name: "deck.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
    await page.getByRole("button", { name: "임시저장" }).click();
    await expect(page.getByText("PDF", { exact: false }).and(page.getByRole("alert"))).toBeVisible();
    await expect(page.getByLabel("피치 제목")).toHaveValue("잘못된 파일 시험");
  });

  test("investor1 finds it by filters and by a two-syllable Korean word, bookmarks it and downloads the deck", async ({ page, loginAs }) => {
    await loginAs("investor1");
    await page.goto("/pitches");
    await expect(page.getByRole("heading", { level: 1, name: "피치 둘러보기" })).toBeVisible();
    await page.getByLabel("기술 분야").selectOption({ label: "체외진단" });
    await page.getByLabel("투자 단계").selectOption({ label: "시리즈 A" });
    await page.getByRole("button", { name: "검색" }).click();
    await expect(page).toHaveURL(/field=in-vitro-diagnostics/);
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await expect(page.getByTestId("pitch-card")).toHaveCount(1);

    // The hospital-collaboration signal leaves only companies a hospital accepted (CardioSense in the demo;
    // company1 too once an earlier story had its proposal accepted): every card shows the signal.
    await page.goto("/pitches?signal=hospital");
    await expect(page.getByRole("link", { name: /Wearable ECG patch/ })).toBeVisible();
    const signalled = page.getByTestId("pitch-card");
    const shown = await signalled.count();
    expect(shown).toBeGreaterThan(0);
    for (let i = 0; i < shown; i++) await expect(signalled.nth(i)).toContainText(/병원 협력 \d+곳/);
    // MindWave has no accepted collaboration: its published pitch is filtered out.
    await expect(page.getByRole("link", { name: /불면증·우울증 디지털 치료제/ })).toHaveCount(0);

    await page.goto("/pitches");
    await page.getByRole("searchbox", { name: "검색어" }).fill("췌장");
    await page.getByRole("button", { name: "검색" }).click();
    await expect(page.getByText("피치 1건")).toBeVisible();
    await expectNoAxeViolations(page, "/pitches (investor)");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText(BODY_CANARY)).toBeVisible();

    // Links into the meeting and pipeline features.
    await expect(page.getByRole("link", { name: "미팅 요청" })).toHaveAttribute("href", `${pitchUrl}/meet`);
    const pipeline = page.locator('form[action="/pipeline"]');
    await expect(pipeline.locator('input[name="intent"]')).toHaveValue("watch");
    await expect(pipeline.locator('input[name="pitchId"]')).toHaveValue(pitchUrl.split("/").pop()!);
    await expect(pipeline.getByRole("button", { name: "파이프라인에 추가" })).toBeVisible();

    // The fit with the investor's thesis: part points add up to the score.
    const score = Number(await page.getByTestId("match-score").innerText());
    const parts = await page.getByTestId("match-part-points").allInnerTexts();
    const sum = parts.map((p) => Number(p.split("/")[0]!.trim())).reduce((a, b) => a + b, 0);
    expect(Math.round(sum * 10) / 10).toBeCloseTo(score, 5);

    await page.getByRole("button", { name: "관심 피치 저장" }).click();
    await expect(page.getByText("관심 피치에 저장했습니다.")).toBeVisible();
    await expect(page.getByRole("button", { name: "관심 피치 ✓" })).toBeVisible();
    await expectNoAxeViolations(page, "pitch page (investor)");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "IR 자료 내려받기" }).click()]);
    expect(download.suggestedFilename()).toBe("췌장암_IR.pdf");
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1")).toContain(DECK_TEXT);

    // The headers of an authorised download.
    const res = await page.request.get(`${pitchUrl}/deck`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");

    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "관심 피치" }).getByRole("link", { name: TITLE })).toBeVisible();
    await expect(page.getByRole("region", { name: "추천 피치" })).toBeVisible();
  });

  test("hospital1 and company2 get 404 on the pitch and on its deck", async ({ page, loginAs }) => {
    for (const role of ["hospital1", "company2"] as const) {
      await page.context().clearCookies();
      await loginAs(role);
      const res = await page.goto(pitchUrl);
      expect(res?.status(), `${role} on the pitch page`).toBe(404);
      await expect(page.getByText(BODY_CANARY)).toHaveCount(0);
      const deck = await page.request.get(`${pitchUrl}/deck`);
      expect(deck.status(), `${role} on the deck`).toBe(404);
      expect((await deck.body()).toString("latin1")).not.toContain(DECK_TEXT);
      const list = await page.goto("/pitches");
      if (role === "hospital1") expect(list?.status()).toBe(404);
      else await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    }
  });

  test("the public profile shows only that company1 is raising, never the pitch", async ({ page }) => {
    await page.goto("/orgs/lumen-healthcare");
    await expect(page.getByTestId("raising-badge")).toContainText("투자 유치 중");
    await expect(page.getByTestId("raising-badge")).toContainText("시리즈 A");
    await expect(page.getByText(TITLE)).toHaveCount(0);
    await expect(page.getByText(BODY_CANARY)).toHaveCount(0);
    expect(await page.content()).not.toContain(BODY_CANARY);
  });

  test("investor2 sees the pitch, but bookmarks belong to each person", async ({ page, loginAs }) => {
    await loginAs("investor2");
    await page.goto(pitchUrl);
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole("button", { name: "관심 피치 저장" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "관심 피치" }).getByRole("link", { name: TITLE })).toHaveCount(0);
  });

  test("the English pages render for an investor, and company1 sees its views", async ({ page, loginAs }) => {
    await loginAs("investor1");
    await page.goto(`${pitchUrl}?lng=en`);
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole("button", { name: "Bookmarked ✓" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download the deck" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Fit with your investment thesis" })).toBeVisible();
    await expect(page.getByText("Technology fields").first()).toBeVisible();
    await page.goto("/pitches?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Browse pitches" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pitches" }).first()).toBeVisible();

    await page.context().clearCookies();
    await loginAs("company1");
    await page.goto("/pitches?lng=ko");
    // investor1 and investor2 each looked today: two organisations.
    await expect(page.getByRole("row", { name: new RegExp(TITLE) })).toContainText("투자사 2곳");
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "내 피치" })).toContainText(TITLE);
  });

  test("the story goes on: investor1 asks to meet with three times, company1 confirms one, investor1 passes after due diligence; company1 sees only 'passed' and the reason", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    page.on("dialog", (d) => void d.accept());
    const NOTE = `실사 메모 ${RUN}: 임상 검체 수가 적음`;
    const seoul = (days: number, hh: number) => {
      const now = new Date(Date.now() + 9 * 3600_000);
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hh)).toISOString().slice(0, 16);
    };
    await loginAs("investor1");
    await page.goto(pitchUrl);
    await page.getByRole("link", { name: "미팅 요청", exact: true }).click();
    await page.getByLabel("희망 일시 1 (필수)").fill(seoul(7, 10));
    await page.getByLabel("희망 일시 2").fill(seoul(8, 14));
    await page.getByLabel("희망 일시 3").fill(seoul(9, 16));
    await page.getByLabel("장소 또는 화상회의 링크").fill("화상회의");
    await page.getByLabel("메시지").fill("췌장암 조기진단 검증 계획을 듣고 싶습니다.");
    await page.getByRole("button", { name: "미팅 요청 보내기" }).click();
    await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingPath = new URL(page.url()).pathname;
    await page.context().clearCookies();

    await loginAs("company1");
    await page.goto(meetingPath);
    await expect(page.getByRole("radio")).toHaveCount(3);
    await page.getByRole("radio").nth(2).check();
    await page.getByRole("button", { name: "이 일시로 확정" }).click();
    await expect(page.getByRole("status").filter({ hasText: "미팅을 확정했습니다" })).toBeVisible();
    await page.context().clearCookies();

    await loginAs("investor1");
    await page.goto("/pipeline?view=table");
    await page.locator('a[href^="/pipeline/"]').filter({ hasText: TITLE }).first().click();
    await expect(page).toHaveURL(/\/pipeline\/[0-9a-f-]{36}$/);
    const dealPath = new URL(page.url()).pathname;
    await page.getByLabel("단계", { exact: true }).selectOption("due-diligence");
    await page.getByRole("button", { name: "단계 저장" }).click();
    await expect(page.getByRole("status").filter({ hasText: "단계를 ‘실사’(으)로 바꿨습니다" })).toBeVisible();
    await page.getByLabel("새 메모").fill(NOTE);
    await page.getByRole("button", { name: "메모 추가" }).click();
    await expect(page.getByTestId("deal-note").filter({ hasText: NOTE })).toBeVisible();
    await page.getByLabel("단계", { exact: true }).selectOption("passed");
    await page.getByLabel("검토 종료 사유").selectOption("team");
    await page.getByRole("button", { name: "단계 저장" }).click();
    await expect(page.getByRole("status").filter({ hasText: "단계를 ‘검토 종료’(으)로 바꿨습니다" })).toBeVisible();
    await page.context().clearCookies();

    // investor2 cannot open investor1's deal, and its pipeline does not list it.
    await loginAs("investor2");
    expect((await page.goto(dealPath))?.status()).toBe(404);
    await page.goto("/pipeline?view=table");
    await expect(page.locator(`a[href="${dealPath}"]`)).toHaveCount(0);
    await page.context().clearCookies();

    await loginAs("company1");
    await page.goto("/meetings");
    const row = page.getByRole("region", { name: "투자사 검토 현황" }).getByTestId("company-deal-status").filter({ hasText: "한강바이오파트너스" }).filter({ hasText: TITLE });
    await expect(row).toContainText("검토 종료");
    await expect(row).toContainText("사유: 팀");
    for (const url of ["/dashboard", "/meetings", meetingPath, pitchUrl, "/notifications"]) {
      expect(await (await page.request.get(url)).text(), url).not.toContain(NOTE);
    }
  });
});
