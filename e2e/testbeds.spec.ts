import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_NEED_IDS } from "../db/seed/demo-need-ids";
import { DEMO_PITCH_IDS } from "../db/seed/demo-pitch-ids";
import { DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS } from "../db/seed/demo-testbed-ids";
import { expect, test } from "./fixtures";

/**
 * Flow 3 (가늠터 → 실적): hospital1 publishes a testbed offer, company1 requests
 * it, hospital1 approves, starts and completes it with a confirmed outcome;
 * company1's profile then shows the verified entry and its match score on a
 * related need rises with a reason naming the hospital. Also: a need that
 * requires a certification shows a company without it failing the gate.
 */
const RUN = Date.now().toString(36);
const TITLE = `흉부 CT 판독 보조 AI 가늠터 ${RUN}`;
const OUTCOME = `검진 CT 300건 전향 판독, 폐결절 민감도 94% 확인 (${RUN})`;
const LUNG_CT_NEED = `/needs/${DEMO_NEED_IDS.hanbitLungCt}`;
const LUMEN = "루멘헬스케어";
const LUMEN_PITCH = "폐결절 CT 판독 AI, 시리즈 A 유치";

async function lumenCard(page: Page) {
  await page.goto(LUNG_CT_NEED);
  const section = page.getByRole("region", { name: "추천 기업" });
  await expect(section).toBeVisible();
  const card = section.locator(".match").filter({ hasText: LUMEN });
  await expect(card).toHaveCount(1);
  await openParts(card);
  return card;
}

/** Recommendations after the first fold their parts away; open them as a reader would. */
async function openParts(card: import("@playwright/test").Locator) {
  const folded = card.locator("details.match-details:not([open]) > summary");
  if (await folded.count()) await folded.click();
}

async function lumenScore(page: Page): Promise<number> {
  const card = await lumenCard(page);
  return Number(await card.getByTestId("match-score").innerText());
}

test.describe.serial("testbed → verified track record → match score", () => {
  let offerUrl = "";
  let requestUrl = "";
  let scoreBefore = 0;

  test("hospital1 publishes a testbed offer; it is found by a two-syllable word", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    scoreBefore = await lumenScore(page);
    // Before: no completed testbed, so the track-record part has nothing to name.
    await expect((await lumenCard(page)).locator("li").filter({ hasText: "검증된 실적" })).not.toContainText("가늠터 완료:");

    await page.goto("/testbeds");
    await page.getByRole("link", { name: "가늠터 등록" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "가늠터 등록" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    // An empty form keeps the page and says what is missing.
    await page.getByRole("button", { name: "게시하기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "가늠터 등록" })).toBeVisible();
    await page.getByLabel("가늠터 이름").fill(TITLE);
    await page.getByLabel("운영 부서").fill("영상의학과");
    await page.getByLabel("검증할 수 있는 내용").fill("저선량 흉부 CT 검진 영상에서 폐결절 검출 AI를 전향적으로 검증합니다. 판독 시간과 민감도를 봅니다.");
    await page.getByLabel("장비·데이터").fill("연구용 PACS, 판독실 1실, 라벨링된 CT 1,100건");
    await page.getByLabel("수용 규모(기업 수)").fill("2");
    await page.getByLabel("IRB 상태").selectOption("approved");
    await page.getByRole("checkbox", { name: "영상의학과" }).check();
    await page.getByRole("checkbox", { name: "의료영상 AI" }).check();
    await page.getByRole("checkbox", { name: "벤처·스타트업" }).check();
    await page.getByRole("button", { name: "게시하기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("가늠터를 게시했습니다.")).toBeVisible();
    offerUrl = new URL(page.url()).pathname;
    expect(offerUrl).toMatch(/^\/testbeds\/[0-9a-f-]{36}$/);

    // The public list (articles), not "our testbeds" above it.
    await page.goto(`/testbeds?q=${encodeURIComponent("판독")}&stage=venture`);
    await expect(page.locator("article").getByRole("link", { name: TITLE })).toBeVisible();
    await page.goto(`/testbeds?q=${encodeURIComponent("판독")}&stage=overseas`);
    await expect(page.locator("article").getByRole("link", { name: TITLE })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "우리 병원 가늠터" }).getByRole("link", { name: TITLE })).toBeVisible();
  });

  test("company1 requests a slot with a plan; a second request lands on the first", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/testbeds");
    await page.getByRole("searchbox", { name: "검색어" }).fill(RUN);
    await page.getByRole("button", { name: "검색" }).click();
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    // Too short a plan: 400 with the message next to the field, nothing stored.
    await page.getByLabel("검증 계획").fill("짧음");
    await page.getByRole("button", { name: "신청 보내기" }).click();
    await expect(page.getByText("검증 계획을 20자 이상 적어 주세요.")).toBeVisible();
    await page.getByLabel("검증 계획").fill("루멘 CT 폐결절 AI를 검진 CT 300건에 적용해 판독 시간과 민감도를 판독의 단독 판독과 비교하겠습니다.");
    await page.getByLabel("희망 시작일").fill("2027-01-04");
    await page.getByRole("button", { name: "신청 보내기" }).click();
    await expect(page.getByText("가늠터 신청을 보냈습니다.")).toBeVisible();
    await expect(page.locator(".page-head")).toContainText("신청");
    requestUrl = new URL(page.url()).pathname;
    expect(requestUrl).toMatch(/^\/testbeds\/requests\/[0-9a-f-]{36}$/);

    await page.goto(offerUrl);
    await expect(page.getByText("이미 신청한 가늠터입니다.")).toBeVisible();
    await expect(page.getByRole("button", { name: "신청 보내기" })).toHaveCount(0);
  });

  for (const role of ["hospital2", "company2", "investor1"] as const) {
    test(`${role} (not a party) gets 404 for the request`, async ({ page, loginAs }) => {
      await loginAs(role);
      expect((await page.request.get(requestUrl)).status()).toBe(404);
    });
  }

  test("hospital1 approves, starts and completes it with a confirmed outcome", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    await page.goto("/testbeds/requests");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(requestUrl);
    await page.getByRole("button", { name: "승인" }).click();
    await expect(page.getByText("신청을 승인했습니다.")).toBeVisible();
    await page.getByRole("button", { name: "진행 시작" }).click();
    await expect(page.getByText("가늠터를 진행 중으로 바꿨습니다.")).toBeVisible();
    await page.getByLabel("결과 요약").fill(OUTCOME);
    // Without the confirmation box the browser refuses (required); the server would too.
    await page.getByRole("checkbox", { name: "위 결과가 사실임을 병원이 확인합니다." }).check();
    await page.getByRole("button", { name: "완료 확인" }).click();
    await expect(page.getByText("완료를 확인했습니다. 기업 프로필에 실적이 추가됐습니다.")).toBeVisible();
    await expect(page.getByRole("region", { name: "병원이 확인한 결과" })).toContainText(OUTCOME);
  });

  test("company1's profile shows the verified entry; the match score on a related need rises and names the hospital", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/notifications");
    await expect(page.getByText(`가늠터 “${TITLE}” 완료를 확인했습니다`, { exact: false })).toBeVisible();
    await page.goto("/orgs/lumen-healthcare");
    const track = page.getByRole("region", { name: "검증된 실적" });
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit" }).format(new Date());
    const entry = track.getByTestId("track-record").filter({ hasText: TITLE });
    await expect(entry).toContainText(`한빛대학교병원 가늠터 완료 · ${month}`);
    await expect(entry).toContainText("병원 확인");
    await expect(entry).toContainText(OUTCOME);
    // Certification readiness with the operator's verified mark.
    await expect(page.getByRole("region", { name: "인증 현황" }).getByTestId("certification").filter({ hasText: "식약처 2등급 인증" })).toContainText("운영기관 확인");

    await page.goto("/orgs/lumen-healthcare?lng=en");
    await expect(page.getByRole("region", { name: "Verified track record" }).getByTestId("track-record").filter({ hasText: TITLE })).toContainText("Hanbit University Hospital testbed completed");
    await page.goto("/?lng=ko");
  });

  test("hospital1 sees company1's score rise with a reason naming the testbed hospital", async ({ page, loginAs }) => {
    await loginAs("hospital1");
    const after = await lumenScore(page);
    expect(after).toBeGreaterThan(scoreBefore);
    const card = await lumenCard(page);
    await expect(card.locator(".match-reason").filter({ hasText: "검증된 실적" })).toContainText("한빛대학교병원 가늠터 완료");
  });

  test("investor1 sees the signal on company1's pitch and can filter on it", async ({ page, loginAs }) => {
    await loginAs("investor1");
    await page.goto("/pitches?signal=testbed");
    const card = page.getByTestId("pitch-card").filter({ hasText: LUMEN_PITCH });
    await expect(card.first()).toBeVisible();
    await expect(card.first()).toContainText("가늠터 완료: 한빛대학교병원");
    await page.goto(`/pitches/${DEMO_PITCH_IDS.lumenLungAi}?lng=en`);
    await expect(page.getByText("Testbed completed at Hanbit University Hospital")).toBeVisible();
  });
});

test("a need requiring a certification shows a company without it failing the gate, with the reason", async ({ page, loginAs }) => {
  await loginAs("hospital1");
  await page.goto("/needs/new");
  // Fill the form once the page is interactive (a form filled mid-hydration can be reset).
  await page.waitForLoadState("networkidle");
  const title = `미국 진출용 흉부 CT 폐결절 AI 공동 검증 ${RUN}`;
  await page.getByLabel("제목", { exact: true }).fill(title);
  await page.getByLabel("공개 요약").fill("흉부 CT 폐결절 검출 AI의 미국 인허가 자료로 쓸 다기관 검증을 함께할 기업을 찾습니다. FDA 510(k) 인증을 받은 제품이어야 합니다.");
  await page.getByRole("checkbox", { name: "영상의학과" }).check();
  await page.getByRole("checkbox", { name: "의료영상 AI" }).check();
  await page.getByRole("checkbox", { name: "FDA 510(k)/De Novo" }).check();
  await page.getByRole("checkbox", { name: "해외진출" }).check();
  await page.getByRole("button", { name: "게시하기" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const section = page.getByRole("region", { name: "추천 기업" });
  const lumen = section.locator(".match").filter({ hasText: LUMEN });
  await expect(lumen).toHaveCount(1);
  await openParts(lumen);
  const gate = lumen.locator("li.gate-fail");
  await expect(gate).toContainText("필수 인증 미충족: FDA 510(k)/De Novo");
  // The need's suitable growth stage is shown and filterable on /needs.
  await expect(page.getByText("적합 성장 단계")).toBeVisible();
  await page.goto(`/needs?stage=overseas&q=${encodeURIComponent(RUN)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`/needs?stage=venture&q=${encodeURIComponent(RUN)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test.describe.serial("certification readiness: evidence → operator verification → verified mark", () => {
  test("company1 records CE-MDR/IVDR as obtained with an evidence PDF", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/certifications");
    await page.waitForLoadState("networkidle");
    const card = page.getByRole("region", { name: "CE-MDR/IVDR" });
    await card.locator("summary").click();
    // A file that is not a PDF is refused next to the field; nothing is stored.
    await card.getByLabel("상태").selectOption("obtained");
    await card.getByLabel("날짜").fill("2026-11-02");
    await card.getByLabel("증빙 PDF").setInputFiles({ name: "cert.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a pdf") });
    await card.getByRole("button", { name: "추가" }).click();
    const again = page.getByRole("region", { name: "CE-MDR/IVDR" });
    await expect(again.locator(".field-error")).toBeVisible();
    await expect(again.getByText("미등록")).toBeVisible();

    await again.getByLabel("상태").selectOption("obtained");
    await again.getByLabel("날짜").fill("2026-11-02");
    await again.getByLabel("증빙 PDF").setInputFiles({ name: "CE 인증서.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await again.getByRole("button", { name: "추가" }).click();
    await expect(page.getByText("인증 정보를 저장했습니다.")).toBeVisible();
    const saved = page.getByRole("region", { name: "CE-MDR/IVDR" });
    await expect(saved.locator("summary")).toContainText("취득");
    await expect(saved.locator("summary")).toContainText("확인 대기");
  });

  test("the operator downloads the evidence and marks it verified; company1's profile shows the mark", async ({ page, loginAs }) => {
    await loginAs("operator");
    await page.goto("/admin/certifications");
    const row = page.getByRole("row").filter({ hasText: "루멘헬스케어" }).filter({ hasText: "CE-MDR/IVDR" });
    await expect(row).toHaveCount(1);
    const href = await row.getByRole("link", { name: /\.pdf$/ }).getAttribute("href");
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    await row.getByRole("button", { name: "확인됨으로 표시" }).click();
    await expect(page.getByText("인증을 확인됨으로 표시했습니다.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "루멘헬스케어" }).filter({ hasText: "CE-MDR/IVDR" })).toHaveCount(0);
    // Another company's member cannot fetch it.
    await page.getByRole("button", { name: "로그아웃" }).click();
    // Signed out before the next sign-in: /login would otherwise still redirect the old session.
    await expect(page.getByRole("link", { name: "로그인" }).first()).toBeVisible();
    await loginAs("company2");
    expect((await page.request.get(href!)).status()).toBe(404);
  });

  test("company1 sees the verified mark and the notice", async ({ page, loginAs }) => {
    await loginAs("company1");
    await page.goto("/notifications");
    await expect(page.getByText("운영기관이 “CE-MDR/IVDR” 증빙을 확인했습니다.", { exact: false })).toBeVisible();
    await page.goto("/orgs/lumen-healthcare");
    await expect(page.getByRole("region", { name: "인증 현황" }).getByTestId("certification").filter({ hasText: "CE-MDR/IVDR" })).toContainText("운영기관 확인");
    await page.goto("/testbeds?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Testbeds" })).toBeVisible();
    await page.goto("/?lng=ko");
  });
});

test("testbed pages have no accessibility violations and fit a phone screen", async ({ page, loginAs }) => {
  // Seven pages × two widths of axe scans: longer than one page's default budget.
  test.setTimeout(120_000);
  const check = async (url: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}`));
      expect.soft(found, `axe on ${url} at ${width}px`).toEqual([]);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect.soft(scrollWidth, `${url} at ${width}px is wider than the screen`).toBeLessThanOrEqual(innerWidth);
    }
  };
  await loginAs("company1");
  await check("/certifications");
  await check("/orgs/cardiosense");
  await page.getByRole("button", { name: "로그아웃" }).click();
  // Signed out before the next sign-in: /login would otherwise still redirect the old session.
  await expect(page.getByRole("link", { name: "로그인" }).first()).toBeVisible();
  await loginAs("hospital1");
  for (const url of ["/testbeds", `/testbeds/${DEMO_TESTBED_IDS.hanbitEcgOpen}`, `/testbeds/requests/${DEMO_TESTBED_REQUEST_IDS.lumenImagingRequested}`, "/testbeds/requests?tab=all", "/testbeds/new"]) {
    await check(url);
  }
});
