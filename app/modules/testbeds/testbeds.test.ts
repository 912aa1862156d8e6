import { afterAll, beforeAll, expect, it } from "vitest";
import type { DB } from "../../../db/client";
import { DEMO_NEED_IDS } from "../../../db/seed/demo-need-ids";
import { DEMO_CERT_IDS, DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS } from "../../../db/seed/demo-testbed-ids";
import { seedIfEmpty } from "../../../db/seed/seed";
import { freshDb, seedOwner, withEachDb } from "../../../db/test-helpers";
import { evidenceForViewer, listForVerification, removeCertification, saveCertification, setVerified } from "~/modules/certifications/certifications.server";
import { recommendCompanies, refreshNeed, resetMatchIndex, scoresForCompany } from "~/modules/matching/service.server";
import { setDbHandle } from "~/utils/db.server";
import { tempUploadDir } from "~/modules/uploads/test-helpers";
import { parseOfferListQuery } from "./schemas";
import { companiesWithSignal, completedTestbedsByCompany, verifiedCertificationsByCompany } from "./signals.server";
import { canSeeOffer, createOffer, createRequest, getOffer, getRequestForOrg, listOpenOffers, listRequestsForOrg, listTrackRecords, transitionRequest } from "./testbeds.server";

type Org = { id: string; name: string; userId: string };

tempUploadDir("mb-testbed-uploads-");

const T = DEMO_TESTBED_IDS;
const offerInput = {
  title: "소화기내과 내시경 AI 실시간 검출 검증",
  department: "소화기내과",
  description: "대장내시경 중 용종을 실시간으로 표시하는 AI를 외래 검진 환자 대상으로 검증합니다.",
  equipment: "내시경실 3실",
  capacity: 2,
  periodStart: undefined,
  periodEnd: undefined,
  irbStatus: "required" as const,
  costSupport: "",
  clinicalAreas: ["gastroenterology"],
  techFields: ["medical-imaging-ai"],
  growthStages: ["venture"],
};
const plan = { plan: "용종 검출 AI를 외래 검진 200건에 적용해 선종 발견율과 판독 시간을 비교하겠습니다.", preferredStart: undefined };

withEachDb("testbeds", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let hanbit: Org, nuri: Org, lumen: Org, mindwave: Org, operator: Org;
  const actor = (o: Org) => ({ userId: o.userId, orgId: o.id });
  const viewer = (o: Org, kind: "hospital" | "company" | "operator") => ({ userId: o.userId, orgId: o.id, orgKind: kind, orgStatus: "verified" });

  const org = (slug: string): Promise<Org> => seedOwner(db, slug);

  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    resetMatchIndex();
    await seedIfEmpty(db, { log: () => {} });
    hanbit = await org("hanbit-univ-hospital");
    nuri = await org("seoul-nuri-hospital");
    lumen = await org("lumen-healthcare");
    mindwave = await org("mindwave-therapeutics");
    operator = await org("medibridge-operator");
  }, 120_000);
  afterAll(async () => {
    resetMatchIndex();
    await close();
  });

  const ids = async (q: string) => (await listOpenOffers(db, parseOfferListQuery(new URLSearchParams(q)))).rows.map((r) => r.id);

  it("finds open offers by Korean partial words, two-syllable words and words with particles", async () => {
    expect(await ids("q=심전도")).toEqual([T.hanbitEcgOpen]);
    expect(await ids("q=영상")).toContain(T.hanbitImagingOpen);
    expect(await ids(`q=${encodeURIComponent("재활로봇으로")}`)).toEqual([T.nuriRehabOpen]);
    // English labels of the terms are searchable too.
    expect(await ids("q=sepsis")).toEqual([T.haeunSepsisOpen]);
    expect(await ids("q=없는단어xyz")).toEqual([]);
  });

  it("never lists drafts, closed or hidden offers; filters by area, stage and IRB", async () => {
    const all = await ids("");
    expect(all).not.toContain(T.hanbitSleepDraft);
    expect(all).not.toContain(T.haeunIvdClosed);
    expect(all).not.toContain(T.nuriHidden);
    expect(await ids("stage=overseas")).toEqual([T.haeunSepsisOpen]);
    expect(await ids("area=psychiatry")).toEqual([T.nuriDtxOpen]);
    const approved = await ids("irb=approved");
    expect(approved).toContain(T.hanbitEcgOpen);
    expect(approved).not.toContain(T.hanbitImagingOpen);
    // Malformed filters fall back to defaults instead of failing.
    expect((await ids("stage=nope&irb=%00&page=abc")).length).toBe(all.length);
  });

  it("shows a hidden offer only to its hospital and operators, a draft only to its hospital", async () => {
    const hidden = (await getOffer(db, T.nuriHidden))!;
    expect(canSeeOffer(hidden, viewer(nuri, "hospital"))).toBe(true);
    expect(canSeeOffer(hidden, viewer(operator, "operator"))).toBe(true);
    expect(canSeeOffer(hidden, viewer(lumen, "company"))).toBe(false);
    expect(canSeeOffer(hidden, null)).toBe(false);
    const draft = (await getOffer(db, T.hanbitSleepDraft))!;
    expect(canSeeOffer(draft, viewer(hanbit, "hospital"))).toBe(true);
    expect(canSeeOffer(draft, viewer(operator, "operator"))).toBe(false);
  });

  it("keeps one live request per company and offer; a withdrawn one may be followed by a new one", async () => {
    const offerId = await createOffer(db, actor(hanbit), offerInput, { publish: true });
    const first = await createRequest(db, actor(mindwave), offerId, plan);
    expect(first.ok).toBe(true);
    const second = await createRequest(db, actor(mindwave), offerId, plan);
    expect(second).toEqual({ ok: false, problem: "duplicate", id: first.ok ? first.id : null });
    // Racing double submit: exactly one row.
    const race = await Promise.all([createRequest(db, actor(lumen), offerId, plan), createRequest(db, actor(lumen), offerId, plan)]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    if (!first.ok) throw new Error("unreachable");
    expect(await transitionRequest(db, actor(mindwave), first.id, "withdraw")).toBe(true);
    expect((await createRequest(db, actor(mindwave), offerId, plan)).ok).toBe(true);
    // Own offer, hidden or draft offers cannot be requested.
    expect(await createRequest(db, actor(lumen), T.nuriHidden, plan)).toEqual({ ok: false, problem: "not-open" });
    expect(await createRequest(db, actor(lumen), T.hanbitSleepDraft, plan)).toEqual({ ok: false, problem: "not-open" });
  });

  it("moves a request through approve → start → complete, writes a verified track record and tells both sides", async () => {
    const offerId = await createOffer(db, actor(hanbit), { ...offerInput, title: "폐 CT 판독 보조 AI 전향 검증", clinicalAreas: ["radiology"] }, { publish: true });
    const r = await createRequest(db, actor(lumen), offerId, plan);
    if (!r.ok) throw new Error("request failed");
    const hospitalNotes = await db.selectFrom("notifications").select("kind").where("user_id", "=", hanbit.userId).where("kind", "=", "testbed.request.new").execute();
    expect(hospitalNotes.length).toBeGreaterThan(0);
    // Only the two organisations see it; the company cannot act for the hospital.
    expect(await getRequestForOrg(db, r.id, nuri.id)).toBeNull();
    expect(await getRequestForOrg(db, r.id, lumen.id)).not.toBeNull();
    expect(await transitionRequest(db, actor(lumen), r.id, "approve")).toBeNull();
    expect(await transitionRequest(db, actor(nuri), r.id, "approve")).toBeNull();
    expect(await transitionRequest(db, actor(hanbit), r.id, "complete", { outcome: "아직 시작 전" })).toBe(false);
    expect(await transitionRequest(db, actor(hanbit), r.id, "approve")).toBe(true);
    expect(await transitionRequest(db, actor(hanbit), r.id, "approve")).toBe(false);
    expect(await transitionRequest(db, actor(hanbit), r.id, "start")).toBe(true);

    resetMatchIndex();
    const before = (await scoresForCompany(db, lumen.id)).get(DEMO_NEED_IDS.hanbitLungCt)!;
    expect(await transitionRequest(db, actor(hanbit), r.id, "complete", { outcome: "검진 CT 300건 판독, 민감도 94% 확인" })).toBe(true);
    const records = await listTrackRecords(db, lumen.id);
    expect(records.map((t) => [t.title, t.hospital_name, t.outcome])).toContainEqual(["폐 CT 판독 보조 AI 전향 검증", "한빛대학교병원", "검진 CT 300건 판독, 민감도 94% 확인"]);
    expect(records.every((t) => t.verified_at !== null)).toBe(true);
    const companyNotes = await db.selectFrom("notifications").select(["kind", "params"]).where("user_id", "=", lumen.userId).where("kind", "=", "testbed.request.status").execute();
    expect(companyNotes.map((n) => (typeof n.params === "string" ? JSON.parse(n.params) : n.params).status)).toEqual(expect.arrayContaining(["approved", "in-progress", "completed"]));

    // Matching: the completed testbed raises the score on a related need, and the reason names the hospital.
    const after = (await scoresForCompany(db, lumen.id)).get(DEMO_NEED_IDS.hanbitLungCt)!;
    expect(after).toBeGreaterThan(before);
    const rec = (await recommendCompanies(db, DEMO_NEED_IDS.hanbitLungCt, "ko", 10)).find((x) => x.org.slug === "lumen-healthcare")!;
    expect(rec.org.name).toBe(lumen.name);
    expect(rec.match.parts.find((p) => p.key === "trackRecord")?.reason).toContain("한빛대학교병원 가늠터 완료");
    const en = (await recommendCompanies(db, DEMO_NEED_IDS.hanbitLungCt, "en", 10)).find((x) => x.org.slug === "lumen-healthcare")!;
    expect(en.org.name).toBe("Lumen Healthcare");
    expect(en.match.parts.find((p) => p.key === "trackRecord")?.reason).toContain("Hanbit University Hospital");

    const list = await listRequestsForOrg(db, { id: hanbit.id, kind: "hospital" }, { tab: "done", page: 1 });
    expect(list.rows.map((x) => x.id)).toContain(r.id);
  });

  it("declines with a reason code and never lets another hospital decide", async () => {
    expect(await transitionRequest(db, actor(hanbit), DEMO_TESTBED_REQUEST_IDS.mindwaveDtxInProgress, "decline", { decline: { reason: "other", note: "x" } })).toBeNull();
    const offerId = await createOffer(db, actor(nuri), { ...offerInput, title: "거절 테스트 가늠터" }, { publish: true });
    const r = await createRequest(db, actor(lumen), offerId, plan);
    if (!r.ok) throw new Error("request failed");
    expect(await transitionRequest(db, actor(nuri), r.id, "decline", { decline: { reason: "capacity-full", note: "" } })).toBe(true);
    const row = await getRequestForOrg(db, r.id, lumen.id);
    expect([row?.status, row?.decline_reason]).toEqual(["declined", "capacity-full"]);
  });

  it("reads validation signals per company", async () => {
    const cardiosense = await org("cardiosense");
    const tb = await completedTestbedsByCompany(db, [cardiosense.id]);
    expect(tb.get(cardiosense.id)).toMatchObject({ count: 1, hospitals: ["한빛대학교병원"] });
    expect(tb.get(cardiosense.id)!.lines[0]).toBe("한빛대학교병원 가늠터 완료: 심장내과 웨어러블 심전도 실사용 검증");
    const certs = await verifiedCertificationsByCompany(db);
    expect(certs.get(lumen.id)).toEqual(["mfds-class2"]);
    expect((await companiesWithSignal(db, "testbed")).has(cardiosense.id)).toBe(true);
  });

  it("certification checklist: obtained codes count in matching; required ones are hard gates with a reason", async () => {
    // A need that requires FDA 510(k): lumen (only planned) fails the gate, with the reason.
    await db.insertInto("need_terms").values({ need_id: DEMO_NEED_IDS.hanbitLungCt, kind: "certification", code: "fda-510k" }).execute();
    await refreshNeed(db, DEMO_NEED_IDS.hanbitLungCt);
    const gate = async () => (await recommendCompanies(db, DEMO_NEED_IDS.hanbitLungCt, "ko", 10)).find((x) => x.org.name === lumen.name)?.match.parts.find((p) => p.key === "gate.certifications");
    const failing = await gate();
    expect(failing?.gate).toBe("fail");
    expect(failing?.reason).toContain("필수 인증 미충족");
    expect(failing?.reason).toContain("FDA 510(k)");

    await saveCertification(db, actor(lumen), { code: "fda-510k", status: "obtained", statusOn: "2026-11-01", note: "" }, null);
    expect((await gate())?.gate).toBe("pass");
    const term = await db.selectFrom("org_terms").select("code").where("org_id", "=", lumen.id).where("kind", "=", "certification").where("code", "=", "fda-510k").executeTakeFirst();
    expect(term).toBeDefined();
    await saveCertification(db, actor(lumen), { code: "fda-510k", status: "in-progress", statusOn: undefined, note: "" }, null);
    expect((await gate())?.gate).toBe("fail");
    expect(await removeCertification(db, actor(lumen), "fda-510k")).toBe(true);
    expect(await removeCertification(db, actor(lumen), "fda-510k")).toBe(false);
    await db.deleteFrom("need_terms").where("need_id", "=", DEMO_NEED_IDS.hanbitLungCt).where("code", "=", "fda-510k").execute();
    await refreshNeed(db, DEMO_NEED_IDS.hanbitLungCt);
  });

  it("operators verify obtained certifications with evidence; audited; evidence only for the company and operators", async () => {
    const waiting = await listForVerification(db, { show: "waiting", page: 1 });
    expect(waiting.rows.map((r) => r.id)).toContain(DEMO_CERT_IDS.lumenIso13485);
    expect(waiting.rows.map((r) => r.id)).not.toContain(DEMO_CERT_IDS.lumenMfds2);
    expect(await setVerified(db, actor(operator), DEMO_CERT_IDS.lumenIso13485, true, null)).toBe(true);
    expect(await setVerified(db, actor(operator), DEMO_CERT_IDS.lumenIso13485, true, null)).toBe(false);
    const log = await db.selectFrom("audit_log").select(["event", "target_id"]).where("event", "=", "certification.verified").execute();
    expect(log.map((l) => l.target_id)).toContain(DEMO_CERT_IDS.lumenIso13485);
    const note = await db.selectFrom("notifications").select("kind").where("user_id", "=", lumen.userId).where("kind", "=", "certification.verified").execute();
    expect(note.length).toBe(1);
    // Without evidence there is nothing to verify.
    const plain = await db.selectFrom("org_certifications").select("id").where("org_id", "=", mindwave.id).where("code", "=", "iec-62304").executeTakeFirstOrThrow();
    expect(await setVerified(db, actor(operator), plain.id, true, null)).toBeNull();
    // A changed status clears the verified mark.
    await saveCertification(db, actor(lumen), { code: "iso-13485", status: "obtained", statusOn: "2024-12-01", note: "" }, null);
    const row = await db.selectFrom("org_certifications").select("verified_at").where("id", "=", DEMO_CERT_IDS.lumenIso13485).executeTakeFirstOrThrow();
    expect(row.verified_at).toBeNull();

    expect(await evidenceForViewer(db, DEMO_CERT_IDS.lumenIso13485, { orgId: lumen.id, orgKind: "company" })).not.toBeNull();
    expect(await evidenceForViewer(db, DEMO_CERT_IDS.lumenIso13485, { orgId: operator.id, orgKind: "operator" })).not.toBeNull();
    expect(await evidenceForViewer(db, DEMO_CERT_IDS.lumenIso13485, { orgId: mindwave.id, orgKind: "company" })).toBeNull();
    expect(await evidenceForViewer(db, DEMO_CERT_IDS.lumenIso13485, { orgId: hanbit.id, orgKind: "hospital" })).toBeNull();
  });
});
