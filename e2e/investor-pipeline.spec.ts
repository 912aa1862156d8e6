import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_PITCH_IDS } from "../db/seed/demo-pitch-ids";
import { expect, test } from "./fixtures";

/**
 * Issue #5, must-show 1 from the meeting on: investor1 asks company1 for a
 * meeting with three times → company1 confirms one (meetings list, dashboard,
 * .ics) → investor1 moves the deal to due diligence, writes a private note and
 * passes with a reason → company1 sees "검토 종료" and the reason, never the
 * note. investor2 cannot open investor1's deal; hospital1 has no pipeline.
 */

const PITCH = DEMO_PITCH_IDS.lumenLungAi;
const SECRET_NOTE = "비공개 메모: 밸류 과다, CTO 규제 경험 부족 (테스트)";
const MESSAGE = "안녕하세요, 한강바이오파트너스입니다. 시리즈 A 조건과 허가 일정에 대해 이야기 나누고 싶습니다.";

/** A Seoul wall-clock `datetime-local` value `days` from today, and the same instant in UTC (ics form). */
function seoulSlot(days: number, hh: number, mm = 0) {
  const seoulNow = new Date(Date.now() + 9 * 3600_000);
  const utc = new Date(Date.UTC(seoulNow.getUTCFullYear(), seoulNow.getUTCMonth(), seoulNow.getUTCDate() + days, hh - 9, mm));
  const local = new Date(utc.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
  return { local, ics: utc.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "") };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /로그아웃|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /로그인|Sign in/ }).first()).toBeVisible();
}

test.describe("investor pipeline: meeting → confirmed → due diligence → passed", () => {
  test("investor1 and company1 meet, the deal is passed with a reason, notes stay private", async ({ page, loginAs }) => {
    test.setTimeout(150_000);
    page.on("dialog", (d) => void d.accept());
    const slots = [seoulSlot(10, 10), seoulSlot(11, 14, 30), seoulSlot(12, 16)];

    // 1. investor1 requests a meeting with three times.
    await loginAs("investor1");
    await expect(page.getByRole("link", { name: "투자 파이프라인" })).toBeVisible();
    // The server refuses a time in the past and an empty message: 400, messages next to the fields, values kept.
    const bad = await page.request.post(`/pitches/${PITCH}/meet`, { form: { slot1: "2020-03-02T10:00", slot2: slots[0].local, durationMinutes: "60", location: "판교 오피스", message: " " }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(bad.status()).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("지금 이후의 일시만 제안할 수 있습니다.");
    expect(badHtml).toContain("필수 입력 항목입니다.");
    expect(badHtml).toContain("판교 오피스");
    // From the pitch page, as an investor would.
    await page.goto(`/pitches/${PITCH}`);
    await page.getByRole("link", { name: "미팅 요청", exact: true }).click();
    await expect(page).toHaveURL(`/pitches/${PITCH}/meet`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("미팅 요청");
    await page.getByLabel("희망 일시 1 (필수)").fill(slots[0].local);
    await page.getByLabel("희망 일시 2").fill(slots[1].local);
    await page.getByLabel("희망 일시 3").fill(slots[2].local);
    await page.getByLabel("미팅 시간").selectOption("60");
    await page.getByLabel("장소 또는 화상회의 링크").fill("한강바이오파트너스 판교 사무실 8층, 서울; 회의실 B");
    await page.getByLabel("메시지").fill(MESSAGE);
    await page.getByRole("button", { name: "미팅 요청 보내기" }).click();
    await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingPath = new URL(page.url()).pathname;
    await expect(page.getByRole("status").filter({ hasText: "미팅 요청을 보냈습니다" })).toBeVisible();
    await expect(page.getByText("답변 대기").first()).toBeVisible();
    // A second identical submit (another tab) lands on the same request.
    const again = await page.request.post(`/pitches/${PITCH}/meet`, { form: { slot1: slots[0].local, durationMinutes: "60", message: MESSAGE }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(again.headers()["location"]).toBe(meetingPath);
    await signOut(page);

    // 2. company1 sees the request on the dashboard and /meetings, confirms the second time, downloads the .ics.
    await loginAs("company1");
    await page.goto("/dashboard");
    const awaiting = page.getByRole("region", { name: "답변을 기다리는 미팅 요청" });
    await expect(awaiting.getByRole("link", { name: "한강바이오파트너스" })).toBeVisible();
    await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "미팅" }).click();
    await expect(page).toHaveURL(/\/meetings$/);
    const pending = page.getByRole("region", { name: "답변 대기" });
    await pending.locator(`a[href="${meetingPath}"]`).click();
    await expect(page).toHaveURL(meetingPath);
    await expect(page.getByText(MESSAGE)).toBeVisible();
    const radios = page.getByRole("radio");
    await expect(radios).toHaveCount(3);
    await radios.nth(1).check();
    await page.getByRole("button", { name: "이 일시로 확정" }).click();
    await expect(page.getByRole("status").filter({ hasText: "미팅을 확정했습니다" })).toBeVisible();
    await expect(page.getByRole("region", { name: "확정된 일시" })).toBeVisible();
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "캘린더에 추가 (.ics)" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF only
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain(`DTSTART:${slots[1].ics}`);
    expect(unfolded).toContain("LOCATION:한강바이오파트너스 판교 사무실 8층\\, 서울\\; 회의실 B");
    expect(unfolded).toContain("SUMMARY:투자 미팅: 루멘헬스케어 × 한강바이오파트너스");
    // The upcoming meeting is on the dashboard, and on /meetings under "다가오는 미팅".
    await page.goto("/meetings");
    await expect(page.getByRole("region", { name: "다가오는 미팅" }).locator(`a[href="${meetingPath}"]`)).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "다가오는 미팅" }).locator(`a[href="${meetingPath}"]`)).toBeVisible();
    await signOut(page);

    // 3. investor1: the meeting is confirmed; the deal moves to due diligence, gets a private note, then is passed.
    await loginAs("investor1");
    const confirmed = await page.request.get(`${meetingPath}.ics`);
    expect(confirmed.status()).toBe(200);
    expect(confirmed.headers()["content-type"]).toContain("text/calendar");
    await page.goto("/pipeline");
    const meetingColumn = page.getByRole("region", { name: /^미팅/ });
    await meetingColumn.getByRole("link", { name: "AI 폐결절" }).or(meetingColumn.locator(`a[href^="/pipeline/"]`).filter({ hasText: /폐|Lung/ })).first().click();
    await expect(page).toHaveURL(/\/pipeline\/[0-9a-f-]{36}$/);
    const dealPath = new URL(page.url()).pathname;
    // Committed without an amount is refused next to the field.
    await page.getByLabel("단계", { exact: true }).selectOption("committed");
    await page.getByRole("button", { name: "단계 저장" }).click();
    await expect(page.getByText("금액을 원 단위로 입력해 주세요.")).toBeVisible();
    await page.getByLabel("단계", { exact: true }).selectOption("due-diligence");
    await page.getByRole("button", { name: "단계 저장" }).click();
    await expect(page.getByRole("status").filter({ hasText: "단계를 ‘실사’(으)로 바꿨습니다" })).toBeVisible();
    await page.getByLabel("새 메모").fill(SECRET_NOTE);
    await page.getByRole("button", { name: "메모 추가" }).click();
    await expect(page.getByTestId("deal-note").filter({ hasText: SECRET_NOTE })).toBeVisible();
    await page.getByLabel("단계", { exact: true }).selectOption("passed");
    await page.getByLabel("검토 종료 사유").selectOption("valuation");
    await page.getByRole("button", { name: "단계 저장" }).click();
    await expect(page.getByRole("status").filter({ hasText: "단계를 ‘검토 종료’(으)로 바꿨습니다" })).toBeVisible();
    const history = page.getByRole("region", { name: "단계 이력" });
    await expect(history.getByText("미팅 → 실사")).toBeVisible();
    await expect(history.getByText("실사 → 검토 종료")).toBeVisible();
    await page.goto("/pipeline?view=table");
    await expect(page.locator(`a[href="${dealPath}"]`)).toBeVisible();
    await signOut(page);

    // 4. company1 sees "검토 종료" and the reason — never the note.
    await loginAs("company1");
    await page.goto("/meetings");
    const status = page.getByRole("region", { name: "투자사 검토 현황" });
    const row = status.getByTestId("company-deal-status").filter({ hasText: "한강바이오파트너스" });
    await expect(row).toContainText("검토 종료");
    await expect(row).toContainText("사유: 밸류에이션");
    await expect(status.getByTestId("company-deal-status").filter({ hasText: "스파크헬스벤처스" })).toContainText("검토 중");
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "투자사 검토 현황" }).getByTestId("company-deal-status").filter({ hasText: "한강바이오파트너스" })).toContainText("검토 종료");
    await page.goto("/notifications");
    await expect(page.getByText("한강바이오파트너스에서 ‘")).not.toHaveCount(0);
    for (const url of ["/dashboard", "/meetings", meetingPath, "/notifications", `${meetingPath}.ics`]) {
      const body = await (await page.request.get(url)).text();
      expect(body, url).not.toContain(SECRET_NOTE);
      expect(body, url).not.toContain("CTO 규제 경험");
    }
    expect((await page.request.get(dealPath)).status()).toBe(404);
    await signOut(page);

    // 5. investor2 cannot open investor1's deal or meeting; its pipeline shows only its own deals.
    await loginAs("investor2");
    expect((await page.request.get(dealPath)).status()).toBe(404);
    expect((await page.request.get(meetingPath)).status()).toBe(404);
    expect((await page.request.get(`${meetingPath}.ics`)).status()).toBe(404);
    const note = await page.request.post(dealPath, { form: { intent: "note", body: "엿보기" }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(note.status()).toBe(404);
    await page.goto("/pipeline?view=table");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("투자 파이프라인");
    const html = await page.content();
    expect(html).not.toContain(dealPath);
    expect(html).not.toContain(SECRET_NOTE);
    await expect(page.locator('a[href^="/pipeline/"]')).toHaveCount(3); // the three demo deals of 스파크헬스벤처스
    await signOut(page);

    // 6. hospital1 has no pipeline and no meetings.
    await loginAs("hospital1");
    expect((await page.request.get("/pipeline")).status()).toBe(404);
    expect((await page.request.get(dealPath)).status()).toBe(404);
    expect((await page.request.get("/meetings")).status()).toBe(404);
    expect((await page.request.get(meetingPath)).status()).toBe(404);
    await expect(page.getByRole("link", { name: "투자 파이프라인" })).toHaveCount(0);
  });

  test("the pipeline works in English: board and table, stage labels", async ({ page, loginAs }) => {
    await loginAs("investor2");
    await page.goto("/pipeline?lng=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deal pipeline");
    for (const col of ["Watching", "Meeting", "Due diligence", "Committed", "Invested", "Passed"]) {
      await expect(page.getByRole("region", { name: new RegExp(`^${col}`) })).toBeVisible();
    }
    await page.getByRole("link", { name: "Table" }).click();
    await expect(page.getByRole("columnheader", { name: "Stage" })).toBeVisible();
    await expect(page.getByText("KRW 500M")).toBeVisible();
    // English readers see the company's English name, on the board and in the table.
    await expect(page.getByRole("cell", { name: "GenomePlus", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "지놈플러스" })).toHaveCount(0);
  });

  test("an investor adds a pitch to the pipeline from the pitch page, once", async ({ page, loginAs }) => {
    await loginAs("investor2");
    await page.goto(`/pitches/${DEMO_PITCH_IDS.cardiosenseEcg}`);
    await page.getByRole("button", { name: "파이프라인에 추가" }).click();
    await expect(page).toHaveURL(/\/pipeline\/[0-9a-f-]{36}$/);
    const dealPath = new URL(page.url()).pathname;
    await expect(page.getByRole("status").filter({ hasText: "관심 딜로 추가했습니다." })).toBeVisible();
    await expect(page.getByRole("region", { name: "딜 요약" })).toContainText("관심");
    // Again (another tab): the same deal, nothing new.
    const again = await page.request.post("/pipeline", { form: { intent: "watch", pitchId: DEMO_PITCH_IDS.cardiosenseEcg }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(again.headers()["location"]).toBe(dealPath);
    // A draft pitch cannot be watched.
    expect((await page.request.post("/pipeline", { form: { intent: "watch", pitchId: DEMO_PITCH_IDS.lumenPathologyDraft }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 })).status()).toBe(404);
  });
});
