import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, seedOwner, withEachDb } from "../../../db/test-helpers";
import { seedIfEmpty } from "../../../db/seed/seed";
import { DEMO_PITCH_IDS as P } from "../../../db/seed/demo-pitch-ids";
import { demoPdf } from "../../../db/seed/demo-pitches";
import type { DB } from "../../../db/client";
import { tempUploadDir } from "~/modules/uploads/test-helpers";
import { pitchMatchForInvestor, recommendPitches, refreshPitch, resetPitchMatchIndex, scoresForInvestor } from "~/modules/matching/service.server";
import type { StoredFile } from "~/modules/uploads/uploads.server";
import {
  canSeePitch,
  changePitchStatus,
  createPitch,
  getDeck,
  getPitch,
  listBookmarks,
  listOwnPitches,
  listPitches,
  raisingRounds,
  recordView,
  setBookmark,
  updatePitch,
  viewStats,
  type PitchViewer,
} from "./pitches.server";
import { investorRounds } from "./rounds";
import { signalsForCompanies } from "./signals.server";
import { completedTestbedsByCompany, verifiedCertificationsByCompany } from "~/modules/testbeds/signals.server";
import { parsePitchListQuery, PitchSchema, type PitchInput } from "./schemas";
import { buildPitchSearchText } from "./search-text";

const uploadDir = tempUploadDir("mb-pitch-uploads-");

function fakeDeck(): StoredFile {
  const key = `${randomBytes(16).toString("hex")}.pdf`;
  const bytes = demoPdf(["test deck"]);
  writeFileSync(path.join(uploadDir(), key), bytes);
  return { field: "deck", filename: "deck.pdf", storageKey: key, sizeBytes: bytes.length, sha256: "0".repeat(64) };
}

const input = (over: Partial<PitchInput> = {}): PitchInput =>
  PitchSchema.parse({
    title: "췌장암 조기진단 혈액검사 AI",
    oneLiner: "혈액 단백질 패턴으로 췌장암을 일찍 찾습니다.",
    askKrw: "2,000,000,000",
    round: "series-a",
    techFields: ["in-vitro-diagnostics", "clinical-decision-support"],
    clinicalAreas: ["oncology"],
    trl: "5",
    ...over,
  });

describe("pitch schemas and helpers", () => {
  it("reads KRW with separators and refuses unknown rounds and fields", () => {
    expect(input().askKrw).toBe(2_000_000_000);
    expect(PitchSchema.safeParse({ title: "t", oneLiner: "o", round: "series-z" }).success).toBe(false);
    expect(PitchSchema.safeParse({ title: "t", oneLiner: "o", techFields: "not-a-field" }).success).toBe(false);
    expect(PitchSchema.safeParse({ title: "", oneLiner: "o" }).success).toBe(false);
  });

  it("falls back to defaults for any malformed list query", () => {
    const q = parsePitchListQuery(new URLSearchParams("sort=%00&page=-1&round=series-z&askMin=abc&signal=x&field=nope&q=%25"));
    expect(q).toMatchObject({ sort: "newest", page: 1, round: undefined, askMin: undefined, signal: undefined, field: undefined, q: "%" });
  });

  it("search text holds public words only: title, one-liner, labels in both languages, company names", () => {
    const s = buildPitchSearchText({ title: "T", oneLiner: "O", round: "series-a", terms: [{ kind: "tech_field", code: "genomics" }], companyName: "지놈플러스", companyNameEn: "GenomePlus" });
    expect(s).toContain("유전체 분석");
    expect(s).toContain("Genomics");
    expect(s).toContain("시리즈 A");
    expect(s).toContain("GenomePlus");
  });

  it("maps investor growth stages to rounds unless rounds are given", () => {
    expect(investorRounds({ growth_stage: ["sme"] })).toEqual(["series-a", "series-b"]);
    expect(investorRounds({ growth_stage: ["sme"], round: ["seed"] })).toEqual(["seed"]);
  });
});

withEachDb("pitches", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  type Org = { id: string; userId: string };
  let company1: Org, company2: Org, investor1: Org, investor2: Org, hospital: Org, operator: Org;
  const viewer = (o: Org, kind: "company" | "investor" | "hospital" | "operator", status = "verified"): PitchViewer => ({ userId: o.userId, orgId: o.id, orgKind: kind, orgStatus: status });
  const actor = (o: Org, status = "verified") => ({ userId: o.userId, orgId: o.id, orgStatus: status });

  const org = (slug: string): Promise<Org> => seedOwner(db, slug);

  beforeAll(async () => {
    resetPitchMatchIndex();
    ({ db, close } = await freshDb(engine));
    await seedIfEmpty(db, { log: () => {} });
    company1 = await org("lumen-healthcare");
    company2 = await org("mindwave-therapeutics");
    investor1 = await org("hangang-bio-partners");
    investor2 = await org("spark-health-ventures");
    hospital = await org("hanbit-univ-hospital");
    operator = await org("medibridge-operator");
  });
  afterAll(async () => {
    resetPitchMatchIndex();
    await close?.();
  });

  it("lets only the owner, operators and verified investors read a pitch; drafts only the owner; hidden only owner and operators", async () => {
    const published = (await getPitch(db, P.lumenLungAi))!;
    const draft = (await getPitch(db, P.lumenPathologyDraft))!;
    expect(canSeePitch(published, viewer(company1, "company"))).toBe(true);
    expect(canSeePitch(published, viewer(investor1, "investor"))).toBe(true);
    expect(canSeePitch(published, viewer(operator, "operator"))).toBe(true);
    expect(canSeePitch(published, viewer(investor1, "investor", "pending"))).toBe(false);
    expect(canSeePitch(published, viewer(hospital, "hospital"))).toBe(false);
    expect(canSeePitch(published, viewer(company2, "company"))).toBe(false);
    expect(canSeePitch(published, null)).toBe(false);
    expect(canSeePitch(draft, viewer(company1, "company"))).toBe(true);
    expect(canSeePitch(draft, viewer(investor1, "investor"))).toBe(false);
    expect(canSeePitch(draft, viewer(operator, "operator"))).toBe(false);
    const hidden = { ...published, hidden_at: new Date() };
    expect(canSeePitch(hidden, viewer(investor1, "investor"))).toBe(false);
    expect(canSeePitch(hidden, viewer(operator, "operator"))).toBe(true);
    expect(canSeePitch(hidden, viewer(company1, "company"))).toBe(true);
  });

  it("lists only published pitches, and Korean partial words (two syllables, with particles) find them", async () => {
    const all = await listPitches(db, {});
    const ids = all.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([P.lumenLungAi, P.mindwaveDtx, P.cardiosenseEcg, P.genomeplusPanel]));
    expect(ids).not.toContain(P.lumenPathologyDraft);
    expect(ids).not.toContain(P.mindwaveArchived);
    expect((await listPitches(db, { q: "폐암" })).rows.map((r) => r.id)).toEqual([P.lumenLungAi]);
    expect((await listPitches(db, { q: "폐결절을" })).rows.map((r) => r.id)).toEqual([P.lumenLungAi]);
    expect((await listPitches(db, { q: "심전도" })).rows.map((r) => r.id)).toEqual([P.cardiosenseEcg]);
    expect((await listPitches(db, { q: "genomeplus" })).rows.map((r) => r.id)).toEqual([P.genomeplusPanel]);
    expect((await listPitches(db, { q: "%" })).total).toBe(0);
    // The pitch body is not searchable (only the listing's public words).
    expect((await listPitches(db, { q: "Lung-RADS" })).total).toBe(0);
  });

  it("validation signals in one query agree with the per-fact readers, for every company", async () => {
    const companies = await db.selectFrom("organizations").select(["id", "name"]).where("kind", "=", "company").execute();
    const hospitals = await db.selectFrom("organizations").select(["id"]).where("kind", "=", "hospital").orderBy("name").execute();
    // One company with testbeds at two hospitals (one of them twice, one unverified) and a verified certification.
    const c = companies[0]!;
    const tr = (hospital: string, on: string, verified: boolean) => ({ org_id: c.id, kind: "testbed", hospital_org_id: hospital, title: `검증 ${on}`, completed_on: on, verified_at: verified ? new Date() : null });
    await db.insertInto("track_records").values([tr(hospitals[0]!.id, "2026-01-05", true), tr(hospitals[1]!.id, "2026-03-01", true), tr(hospitals[0]!.id, "2026-02-01", true), tr(hospitals[1]!.id, "2026-04-01", false)]).execute();
    const cert = await db.insertInto("org_certifications").values({ org_id: c.id, code: "test-cert", status: "obtained", verified_at: new Date() }).returning("id").executeTakeFirstOrThrow();
    const ids = companies.map((x) => x.id);
    const [one, testbeds, certs] = await Promise.all([signalsForCompanies(db, ids), completedTestbedsByCompany(db, ids), verifiedCertificationsByCompany(db, ids)]);
    const accepted = await db
      .selectFrom("applications as a")
      .innerJoin("needs as n", "n.id", "a.need_id")
      .select(["a.company_org_id", "n.org_id"])
      .where("a.status", "=", "accepted")
      .execute();
    for (const id of ids) {
      const tb = testbeds.get(id);
      expect(one.get(id), id).toEqual({
        hospitalCollaborations: new Set(accepted.filter((a) => a.company_org_id === id).map((a) => a.org_id)).size,
        testbeds: tb?.count ?? 0,
        testbedHospitals: (tb?.hospitals ?? []).map((ko, i) => ({ ko, en: tb!.hospitalsEn[i] ?? ko })),
        certifications: certs.get(id) ?? [],
      });
    }
    expect(one.get(c.id)!.testbeds).toBe(3);
    expect(one.get(c.id)!.testbedHospitals.map((h) => h.ko)).toHaveLength(2);
    expect(one.get(c.id)!.certifications).toContain("test-cert");
    expect(one.size).toBe(ids.length);
    await db.deleteFrom("track_records").where("org_id", "=", c.id).where("title", "like", "검증 %").execute();
    await db.deleteFrom("org_certifications").where("id", "=", cert.id).execute();
  });

  it("filters by field, round, ask range and the hospital-collaboration signal", async () => {
    expect((await listPitches(db, { field: "genomics" })).rows.map((r) => r.id)).toEqual([P.genomeplusPanel]);
    expect((await listPitches(db, { round: "pre-a" })).rows.map((r) => r.id)).toEqual([P.mindwaveDtx]);
    const mid = (await listPitches(db, { askMin: 1_000_000_000, askMax: 5_000_000_000 })).rows.map((r) => r.id).sort();
    expect(mid).toEqual([P.lumenLungAi, P.mindwaveDtx].sort());
    // Only CardioSense has a proposal a hospital accepted (demo applications).
    const signal = await listPitches(db, { signal: "hospital" });
    expect(signal.rows.map((r) => r.id)).toEqual([P.cardiosenseEcg]);
    expect(signal.rows[0]!.signals.hospitalCollaborations).toBe(1);
    const low = (await listPitches(db, { sort: "ask-low" })).rows.map((r) => r.ask_krw);
    expect(low).toEqual([...low].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it("an unverified company saves drafts but cannot publish; a verified one publishes, and the pitch is found", async () => {
    const refused = await createPitch(db, actor(company1, "pending"), input(), null, { publish: true });
    expect(refused).toEqual({ ok: false, field: "", message: "pitches:validation.unverified" });
    const draft = await createPitch(db, actor(company1, "pending"), input(), null, { publish: false });
    expect(draft.ok).toBe(true);
    const id = draft.ok ? draft.id : "";
    expect(await changePitchStatus(db, actor(company1, "pending"), id, "publish")).toBe("unverified");
    expect(await changePitchStatus(db, actor(company2), id, "publish")).toBeNull();
    expect(await changePitchStatus(db, actor(company1), id, "archive")).toBe("bad");
    expect((await listPitches(db, { q: "췌장" })).total).toBe(0);
    expect(await changePitchStatus(db, actor(company1), id, "publish")).toBe("ok");
    const found = await listPitches(db, { q: "췌장" });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    // Company names are searchable too.
    expect((await listPitches(db, { q: "루멘 췌장" })).rows.map((r) => r.id)).toEqual([id]);
    expect(await changePitchStatus(db, actor(company1), id, "archive")).toBe("ok");
    expect((await listPitches(db, { q: "췌장" })).total).toBe(0);
  });

  it("stores the deck, replaces it on edit (old file removed) and serves it only to allowed viewers", async () => {
    const first = fakeDeck();
    const r = await createPitch(db, actor(company1), input({ title: "덱 교체 시험" }), first, { publish: true });
    const id = r.ok ? r.id : "";
    const deck = await getDeck(db, id, viewer(investor1, "investor"));
    expect(deck?.storageKey).toBe(first.storageKey);
    expect(await getDeck(db, id, viewer(company2, "company"))).toBeNull();
    expect(await getDeck(db, id, viewer(hospital, "hospital"))).toBeNull();
    // Someone else's edit changes nothing.
    expect(await updatePitch(db, actor(company2), id, input({ title: "탈취" }), null)).toBeNull();
    const second = fakeDeck();
    expect(await updatePitch(db, actor(company1), id, input({ title: "덱 교체 완료" }), second)).toEqual({ ok: true, id });
    expect((await getDeck(db, id, viewer(operator, "operator")))?.storageKey).toBe(second.storageKey);
    expect(existsSync(path.join(uploadDir(), first.storageKey))).toBe(false);
    expect((await getPitch(db, id))?.title).toBe("덱 교체 완료");
  });

  it("keeps bookmarks per person and counts one view per investor organisation per day", async () => {
    const before = await viewStats(db, P.mindwaveDtx);
    await recordView(db, P.mindwaveDtx, investor2.id);
    await recordView(db, P.mindwaveDtx, investor2.id);
    const after = await viewStats(db, P.mindwaveDtx);
    expect(after.views).toBe(before.views + 1);
    await setBookmark(db, { userId: investor2.userId, orgId: investor2.id }, P.genomeplusPanel, true);
    await setBookmark(db, { userId: investor2.userId, orgId: investor2.id }, P.genomeplusPanel, true);
    expect((await listBookmarks(db, investor2.userId)).map((b) => b.id)).toEqual([P.genomeplusPanel]);
    expect((await listBookmarks(db, investor1.userId)).map((b) => b.id)).not.toContain(P.genomeplusPanel);
    await setBookmark(db, { userId: investor2.userId, orgId: investor2.id }, P.genomeplusPanel, false);
    expect(await listBookmarks(db, investor2.userId)).toEqual([]);
    const own = await listOwnPitches(db, company1.id);
    expect(own.find((p) => p.id === P.lumenLungAi)).toMatchObject({ views: 3, investors: 2 });
  });

  it("recommends published pitches to an investor with parts that add up, and drops hidden ones after a refresh", async () => {
    const recs = await recommendPitches(db, investor1.id, "ko", 10);
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) {
      const sum = Math.round(r.match.parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
      expect(sum).toBeCloseTo(r.match.score, 5);
      expect(r.match.parts.every((p) => p.reason.length > 0)).toBe(true);
    }
    const ids = recs.map((r) => r.pitch.id);
    expect(ids).not.toContain(P.lumenPathologyDraft);
    // Hangang (medical-imaging AI, DTx, Series A) ranks the lung-CT pitch above the NGS panel.
    const scores = await scoresForInvestor(db, investor1.id);
    expect(scores.get(P.lumenLungAi)!).toBeGreaterThan(scores.get(P.genomeplusPanel) ?? 0);
    const en = await pitchMatchForInvestor(db, P.lumenLungAi, investor1.id, "en");
    expect(en?.parts.find((p) => p.key === "stage")?.reason).toMatch(/Series A/);

    await db.updateTable("pitches").set({ hidden_at: new Date() }).where("id", "=", P.lumenLungAi).execute();
    await refreshPitch(db, P.lumenLungAi);
    expect((await recommendPitches(db, investor1.id, "ko", 10)).map((r) => r.pitch.id)).not.toContain(P.lumenLungAi);
    expect((await listPitches(db, { q: "폐암" })).total).toBe(0);
    // Operators still see it in their (moderation) list, marked as hidden.
    expect((await listPitches(db, { q: "폐암" }, { includeHidden: true })).rows.map((r) => [r.id, r.hidden])).toEqual([[P.lumenLungAi, true]]);
    await db.updateTable("pitches").set({ hidden_at: null }).where("id", "=", P.lumenLungAi).execute();
    await refreshPitch(db, P.lumenLungAi);
    expect((await recommendPitches(db, investor1.id, "ko", 10)).map((r) => r.pitch.id)).toContain(P.lumenLungAi);
  });

  it("tells the public profile only which rounds a company is raising (published, not hidden)", async () => {
    const genomeplus = await org("genomeplus");
    expect(await raisingRounds(db, genomeplus.id)).toEqual(["series-b"]);
    await db.updateTable("pitches").set({ hidden_at: new Date() }).where("id", "=", P.genomeplusPanel).execute();
    expect(await raisingRounds(db, genomeplus.id)).toEqual([]);
    await db.updateTable("pitches").set({ hidden_at: null }).where("id", "=", P.genomeplusPanel).execute();
  });
});
