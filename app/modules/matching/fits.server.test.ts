import { afterEach, beforeEach, expect, it, onTestFinished } from "vitest";
import type { DB } from "../../../db/client";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { FitStore, SWEEP_BATCH, setSweepBatchForTests, fitView, needCompanySource, pitchInvestorSource, topFits, type FitDetail, type FitSource, type Side } from "./fits.server";
import { NeedCompanyIndex, PitchInvestorIndex, formatReason, type CompanyInput, type InvestorInput, type NeedInput, type PitchInput } from "./index";

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = "의료영상 판독 플랫폼을 환자 심장 웨어러블 patient imaging monitoring remote 진단 키트 sepsis 패혈증 로봇 재활 data 데이터".split(" ");
const TECH = ["medical-imaging-ai", "wearables", "in-vitro-diagnostics", "surgical-robotics"];
const CLIN = ["radiology", "cardiology", "infectious", "rehabilitation"];
/** uuids whose string order differs from creation order (ties must break like the index). */
const uuid = (prefix: number, i: number) => `${((i * 7919) % 4096).toString(16).padStart(8, "0")}-0000-4000-8000-${prefix.toString(16).padStart(4, "0")}${i.toString(16).padStart(8, "0")}`;

function gen(seed: number) {
  const r = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(" ");
  const company = (i: number): CompanyInput => {
    const c: CompanyInput = { id: uuid(1, i), name: `c${i}`, description: r() < 0.15 ? "무관한 회계 소프트웨어" : words(2 + Math.floor(r() * 6)) };
    if (r() < 0.6) c.techFields = [pick(TECH)];
    if (r() < 0.5) c.clinicalAreas = [pick(CLIN)];
    if (r() < 0.6) c.trl = 1 + Math.floor(r() * 9);
    if (r() < 0.4) c.collaborationTypes = ["testbed"];
    if (r() < 0.3) c.certifications = ["mfds-class2"];
    return c;
  };
  const need = (i: number): NeedInput => {
    const n: NeedInput = { id: uuid(2, i), title: words(2), summary: words(3), details: "CONFIDENTIAL-CANARY" };
    if (r() < 0.5) n.techFields = [pick(TECH)];
    if (r() < 0.5) n.clinicalAreas = [pick(CLIN)];
    if (r() < 0.4) {
      n.trlMin = 4;
      n.trlMax = 7;
    }
    if (r() < 0.25) n.requiredCertifications = ["mfds-class2"];
    return n;
  };
  const pitch = (i: number): PitchInput => ({
    id: uuid(3, i),
    title: words(2),
    oneLiner: words(3),
    techFields: r() < 0.6 ? [pick(TECH)] : undefined,
    stage: r() < 0.6 ? pick(["seed", "pre-a", "series-a"]) : undefined,
    askKrw: r() < 0.5 ? Math.round(r() * 50) * 100_000_000 : undefined,
  });
  const investor = (i: number): InvestorInput => ({
    id: uuid(4, i),
    name: `i${i}`,
    thesis: words(3),
    techFields: r() < 0.5 ? [pick(TECH)] : undefined,
    stages: r() < 0.5 ? [pick(["seed", "pre-a", "series-a"])] : undefined,
  });
  return { r, company, need, pitch, investor };
}

/** A need ↔ company index over generated companies and needs (public text only), and its fit source. */
function needCompanyWorld(seed: number, companyCount: number, needCount: number) {
  const g = gen(seed);
  const index = new NeedCompanyIndex({ includeConfidential: false });
  const companies = Array.from({ length: companyCount }, (_, i) => g.company(i));
  const needs = Array.from({ length: needCount }, (_, i) => g.need(i));
  for (const c of companies) index.upsertCompany(c);
  for (const nd of needs) index.upsertNeed(nd);
  return { g, index, companies, needs, src: needCompanySource(index) };
}

type Stored = { l: string; r: string; score: number; detail: FitDetail };

async function storedRows(db: DB, kind: string): Promise<Stored[]> {
  const rows = await db.selectFrom("match_fits").select(["left_id", "right_id", "score", "parts"]).where("kind", "=", kind as "need-company").execute();
  return rows.map((x) => ({ l: x.left_id, r: x.right_id, score: Number(x.score), detail: (typeof x.parts === "string" ? JSON.parse(x.parts) : x.parts) as FitDetail }));
}

/** The table holds exactly every subject's top N (both sides) with the index's scores and details. */
async function expectExact(db: DB, src: FitSource, n: number) {
  const want = new Map<string, Stored>();
  for (const side of ["left", "right"] as Side[]) {
    for (const id of src.ids(side)) {
      for (const t of src.top(side, id, n)) {
        const [l, r] = side === "left" ? [id, t.id] : [t.id, id];
        want.set(`${l}|${r}`, { l, r, score: t.score10 / 10, detail: src.detail(l, r) });
      }
    }
  }
  const got = await storedRows(db, src.kind);
  const gotMap = new Map(got.map((g) => [`${g.l}|${g.r}`, g]));
  expect([...gotMap.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, w] of want) expect(gotMap.get(k)).toEqual(w);
  // Readers: the stored top k of every subject equals the index's top k (scores above zero).
  for (const side of ["left", "right"] as Side[]) {
    for (const id of src.ids(side)) {
      for (const k of [1, 3, n]) {
        const fromDb = await topFits(db, src.kind, side, id, k);
        const fromIndex = src.top(side, id, k).filter((t) => t.score10 > 0);
        expect(fromDb.map((f) => [f.id, f.score])).toEqual(fromIndex.map((t) => [t.id, t.score10 / 10]));
      }
    }
  }
}

/**
 * A change on the corpus side (a company for needs, a pitch for investors):
 * right after it, before any reconciliation, the subject's own stored list and
 * pairs are already exact; the reconciliation then brings every other row in
 * line (the caller checks the whole table).
 */
async function changedCorpus(store: FitStore, db: DB, src: FitSource, side: Side, id: string) {
  await store.changed(db, side, id);
  const fromDb = await topFits(db, src.kind, side, id, store.n);
  const fromIndex = src.has(side, id) ? src.top(side, id, store.n).filter((t) => t.score10 > 0) : [];
  expect(fromDb.map((f) => [f.id, f.score])).toEqual(fromIndex.map((t) => [t.id, t.score10 / 10]));
  for (const f of fromDb) {
    const [l, r] = side === "left" ? [id, f.id] : [f.id, id];
    expect(f.detail).toEqual(src.detail(l, r));
  }
  await store.reconciled();
}

withEachDb("match fits in the database", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
  });
  afterEach(async () => {
    await close();
  });

  it("need ↔ company: stored top-N lists equal the index's after random edits (N = 4)", async () => {
    const g = gen(11);
    const index = new NeedCompanyIndex({ includeConfidential: false });
    const companies: CompanyInput[] = Array.from({ length: 14 }, (_, i) => g.company(i));
    const needs: NeedInput[] = Array.from({ length: 12 }, (_, i) => g.need(i));
    // Exact duplicates: ties break by id.
    companies.push({ ...companies[0]!, id: uuid(1, 900) }, { ...companies[1]!, id: uuid(1, 901) });
    for (const c of companies) index.upsertCompany(c);
    for (const nd of needs) index.upsertNeed(nd);
    const src = needCompanySource(index);
    const store = new FitStore(src, 4);
    await store.full(db);
    await expectExact(db, src, 4);

    let nextC = 100;
    let nextN = 100;
    for (let step = 0; step < 40; step++) {
      const x = g.r();
      if (x < 0.3) {
        // A need edited (same id, new content), added or removed.
        const i = Math.floor(g.r() * needs.length);
        const edited = { ...g.need(0), id: needs[i]!.id };
        needs[i] = edited;
        index.upsertNeed(edited);
        await store.changed(db, "left", edited.id);
      } else if (x < 0.4) {
        const nd = g.need(nextN++);
        needs.push(nd);
        index.upsertNeed(nd);
        await store.changed(db, "left", nd.id);
      } else if (x < 0.5 && needs.length > 3) {
        const [nd] = needs.splice(Math.floor(g.r() * needs.length), 1);
        index.removeNeed(nd!.id);
        await store.changed(db, "left", nd!.id);
      } else if (x < 0.75) {
        const i = Math.floor(g.r() * companies.length);
        const edited = { ...g.company(0), id: companies[i]!.id };
        companies[i] = edited;
        index.upsertCompany(edited);
        await changedCorpus(store, db, src, "right", edited.id);
      } else if (x < 0.88) {
        const c = g.company(nextC++);
        companies.push(c);
        index.upsertCompany(c);
        await changedCorpus(store, db, src, "right", c.id);
      } else if (companies.length > 3) {
        const [c] = companies.splice(Math.floor(g.r() * companies.length), 1);
        index.removeCompany(c!.id);
        await changedCorpus(store, db, src, "right", c!.id);
      }
      await expectExact(db, src, 4);
    }
    // Reasons come from public text only.
    expect(JSON.stringify(await storedRows(db, "need-company"))).not.toContain("CONFIDENTIAL-CANARY");
  }, 120_000);

  it("need changes alone are written incrementally: concurrent calls settle to the exact lists", async () => {
    const { g, index, needs, src } = needCompanyWorld(5, 10, 10);
    const store = new FitStore(src, 3);
    await store.full(db);
    // Several refreshes fired without waiting (as parallel requests would): they run in order.
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      const edited = { ...g.need(50 + i), id: needs[i % needs.length]!.id };
      index.upsertNeed(edited);
      pending.push(store.changed(db, "left", edited.id));
    }
    await Promise.all(pending);
    await store.settled();
    await expectExact(db, src, 3);
  }, 60_000);

  it("a company edit rescores its own pairs at once and leaves the rest to a background pass", async () => {
    const { g, index, companies, src } = needCompanyWorld(31, 60, 60);
    let details = 0;
    const counting: FitSource = { ...src, detail: (l, r) => (details++, src.detail(l, r)) };
    // A long delay: the background pass does not start by itself during the test.
    const store = new FitStore(counting, 4, 60_000);
    await store.full(db);
    const stored = (await storedRows(db, "need-company")).length;
    expect(details).toBe(stored);

    details = 0;
    const edited = { ...g.company(99), id: companies[7]!.id };
    index.upsertCompany(edited);
    await changedCorpus(store, db, src, "right", edited.id);
    // The edit's own work (before the pass) touched a fraction of the stored pairs; the pass did the rest.
    await expectExact(db, src, 4);
    details = 0;
    index.upsertCompany({ ...g.company(98), id: companies[9]!.id });
    await store.changed(db, "right", companies[9]!.id);
    expect(details).toBeGreaterThan(0);
    expect(details).toBeLessThan(stored / 3);
    await store.reconciled();
    await expectExact(db, src, 4);
  }, 120_000);

  // The second run reads the stored fits 7 at a time: many batches, the stray row in a later one.
  for (const batch of [SWEEP_BATCH, 7]) it(`a restarted store brings what an earlier run left in line, rewriting only rows that moved (stored fits read ${batch} at a time)`, async () => {
    const saved = SWEEP_BATCH;
    setSweepBatchForTests(batch);
    onTestFinished(() => setSweepBatchForTests(saved));
    await db.deleteFrom("match_fits").where("kind", "=", "need-company").execute();
    const { g, index, companies, needs, src } = needCompanyWorld(41, 20, 20);
    await new FitStore(src, 4).full(db);
    const stamp = async () =>
      new Map(
        (await db.selectFrom("match_fits").select(["left_id", "right_id", "computed_at", "digest"]).where("kind", "=", "need-company").execute()).map((r) => [
          `${r.left_id}|${r.right_id}`,
          { at: new Date(r.computed_at as Date).getTime(), digest: r.digest },
        ]),
      );
    const before = await stamp();
    expect([...before.values()].every((v) => typeof v.digest === "string" && v.digest.length > 0)).toBe(true);
    // While "down": one need changes, one is closed, and a stray row appears.
    index.upsertNeed({ ...g.need(77), id: needs[3]!.id });
    index.removeNeed(needs[5]!.id);
    await db.insertInto("match_fits").values({ kind: "need-company", left_id: needs[5]!.id, right_id: companies[0]!.id, score: 99, parts: JSON.stringify({ parts: [], raise: { ko: [], en: [] } }), digest: "stale" }).onConflict((oc) => oc.doNothing()).execute();
    await new Promise((r) => setTimeout(r, 5));
    await new FitStore(src, 4).full(db);
    await expectExact(db, src, 4);
    const after = await stamp();
    let kept = 0;
    for (const [k, v] of after) {
      const b = before.get(k);
      if (b && b.digest === v.digest) {
        expect(v.at, `unchanged row ${k} rewritten`).toBe(b.at);
        kept++;
      }
    }
    expect(kept).toBeGreaterThan(after.size / 2);
  }, 60_000);

  it("pitch ↔ investor: stored top-N lists equal the index's after random edits (N = 3)", async () => {
    const g = gen(23);
    const index = new PitchInvestorIndex();
    const pitches = Array.from({ length: 10 }, (_, i) => g.pitch(i));
    const investors = Array.from({ length: 8 }, (_, i) => g.investor(i));
    for (const p of pitches) index.upsertPitch(p);
    for (const inv of investors) index.upsertInvestor(inv);
    const src = pitchInvestorSource(index);
    const store = new FitStore(src, 3);
    await store.full(db);
    await expectExact(db, src, 3);
    let next = 100;
    for (let step = 0; step < 30; step++) {
      const x = g.r();
      if (x < 0.35) {
        const i = Math.floor(g.r() * investors.length);
        const edited = { ...g.investor(next++), id: investors[i]!.id };
        investors[i] = edited;
        index.upsertInvestor(edited);
        await store.changed(db, "right", edited.id);
      } else if (x < 0.45 && investors.length > 2) {
        const [inv] = investors.splice(Math.floor(g.r() * investors.length), 1);
        index.removeInvestor(inv!.id);
        await store.changed(db, "right", inv!.id);
      } else if (x < 0.55) {
        const inv = g.investor(next++);
        investors.push(inv);
        index.upsertInvestor(inv);
        await store.changed(db, "right", inv.id);
      } else if (x < 0.85) {
        const i = Math.floor(g.r() * pitches.length);
        const edited = { ...g.pitch(next++), id: pitches[i]!.id };
        pitches[i] = edited;
        index.upsertPitch(edited);
        await changedCorpus(store, db, src, "left", edited.id);
      } else if (pitches.length > 2) {
        const [p] = pitches.splice(Math.floor(g.r() * pitches.length), 1);
        index.removePitch(p!.id);
        await changedCorpus(store, db, src, "left", p!.id);
      }
      await expectExact(db, src, 3);
    }
  }, 120_000);

  it("a reader renders a stored fit in its language with parts that add up", async () => {
    const g = gen(3);
    const index = new NeedCompanyIndex({ includeConfidential: false });
    for (let i = 0; i < 6; i++) index.upsertCompany(g.company(i));
    const nd: NeedInput = { id: uuid(2, 1), title: "의료영상 판독 imaging", summary: "환자 데이터 의료영상", techFields: ["medical-imaging-ai"], requiredCertifications: ["mfds-class2"] };
    index.upsertNeed(nd);
    index.upsertCompany({ id: uuid(1, 77), name: "img", description: "의료영상 판독 imaging 플랫폼", techFields: ["medical-imaging-ai"] });
    const store = new FitStore(needCompanySource(index));
    await store.full(db);
    const [best] = await topFits(db, "need-company", "left", nd.id, 1);
    expect(best!.id).toBe(uuid(1, 77));
    const ko = fitView(best!, "ko");
    const en = fitView(best!, "en");
    const sum = Math.round(ko.parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
    expect(sum).toBe(ko.score);
    const e = index.explain(nd.id, uuid(1, 77));
    expect(ko.score).toBe(e.score);
    expect(ko.parts.find((p) => p.key === "gate.certifications")?.gate).toBe("fail");
    expect(ko.parts.map((p) => p.reason)).toEqual(e.parts.map((p) => formatReason(p.reason, "ko")));
    expect(en.parts.map((p) => p.reason)).toEqual(e.parts.map((p) => formatReason(p.reason, "en")));
    expect(en.parts[0]!.reason).toMatch(/^Text similarity/);
    expect(ko.parts[0]!.reason).not.toBe(en.parts[0]!.reason);
    expect(ko.raise.length).toBe(en.raise.length);
    expect(ko.raise.length).toBeGreaterThan(0);
  });
});
