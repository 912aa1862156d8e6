import { afterAll, beforeAll, expect, it } from "vitest";
import { acceptNda, changeNeedStatus, confidentialAccess, createNeed, readDetails, updateNeed } from "../../app/modules/needs/needs.server";
import { NeedSchema, type NeedInput } from "../../app/modules/needs/schemas";
import type { DB } from "../client";
import { DEMO_NEED_IDS, HANBIT_CONFIDENTIAL_MARKER } from "../seed/demo-needs";
import { seedIfEmpty } from "../seed/seed";
import { freshDb, seedOwner, withEachDb } from "../test-helpers";
import { getNeedPublic, listOpenNeeds, listOrgNeeds } from "./needs";

const quiet = () => {};

withEachDb("needs queries", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  let hanbit: { orgId: string; userId: string };
  let lumen: { orgId: string; userId: string };
  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    await seedIfEmpty(db, { log: quiet });
    const who = async (slug: string) => {
      const o = await seedOwner(db, slug);
      return { orgId: o.id, userId: o.userId };
    };
    hanbit = await who("hanbit-univ-hospital");
    lumen = await who("lumen-healthcare");
  });
  afterAll(async () => {
    await close?.();
  });

  it("finds partial Korean words: 영상 finds a 의료영상 need", async () => {
    const r = await listOpenNeeds(db, { q: "영상" });
    expect(r.rows.map((x) => x.title)).toContain("의료영상 데이터 플랫폼을 위한 비식별화 솔루션");
  });

  it("is not defeated by particles: 플랫폼을 finds needs with 플랫폼", async () => {
    const r = await listOpenNeeds(db, { q: "플랫폼을" });
    const titles = r.rows.map((x) => x.title);
    expect(titles).toContain("중환자실 생체신호 데이터 플랫폼 구축 협력");
    expect(titles.length).toBeGreaterThanOrEqual(2);
  });

  it("ANDs tokens and treats LIKE wildcards literally", async () => {
    expect((await listOpenNeeds(db, { q: "패혈증 조기경보" })).rows.map((x) => x.id)).toEqual([DEMO_NEED_IDS.haeunSepsis]);
    expect((await listOpenNeeds(db, { q: "패혈증 낙상" })).total).toBe(0);
    expect((await listOpenNeeds(db, { q: "%" })).total).toBe(0);
    expect((await listOpenNeeds(db, { q: "_" })).total).toBe(0);
  });

  it("matches English vocabulary labels and English needs", async () => {
    expect((await listOpenNeeds(db, { q: "Clinical decision" })).total).toBeGreaterThan(0); // tag labels count in both languages
    expect((await listOpenNeeds(db, { q: "discharge" })).rows.map((x) => x.id)).toEqual([DEMO_NEED_IDS.hanbitDischargeNlp]);
  });

  it("never lists drafts, closed, matched or hidden needs", async () => {
    const all = await listOpenNeeds(db, {}, 100);
    const ids = all.rows.map((x) => x.id);
    for (const id of [DEMO_NEED_IDS.hanbitStrokeDraft, DEMO_NEED_IDS.nuriMedicationDraft, DEMO_NEED_IDS.hanbitPolypClosed, DEMO_NEED_IDS.nuriKneeVrMatched]) {
      expect(ids).not.toContain(id);
    }
    expect(all.total).toBe(10);
    await db.updateTable("needs").set({ hidden_at: new Date() }).where("id", "=", DEMO_NEED_IDS.nuriFall).execute();
    expect((await listOpenNeeds(db, {}, 100)).rows.map((x) => x.id)).not.toContain(DEMO_NEED_IDS.nuriFall);
    await db.updateTable("needs").set({ hidden_at: null }).where("id", "=", DEMO_NEED_IDS.nuriFall).execute();
  });

  it("never selects the confidential details in the list or public queries, and never searches them", async () => {
    const all = await listOpenNeeds(db, {}, 100);
    expect(JSON.stringify(all)).not.toContain(HANBIT_CONFIDENTIAL_MARKER);
    expect(Object.keys(all.rows[0])).not.toContain("details");
    const pub = await getNeedPublic(db, DEMO_NEED_IDS.hanbitLungCt);
    expect(pub).not.toBeNull();
    expect(Object.keys(pub!)).not.toContain("details");
    expect(JSON.stringify(pub)).not.toContain(HANBIT_CONFIDENTIAL_MARKER);
    expect((await listOpenNeeds(db, { q: HANBIT_CONFIDENTIAL_MARKER })).total).toBe(0);
    expect((await listOpenNeeds(db, { q: "412건이고" })).total).toBe(0);
  });

  it("filters by term, deadline and sorts by closing date", async () => {
    const area = await listOpenNeeds(db, { area: "infectious" });
    expect(area.rows.every((r) => r.terms.clinical_area?.includes("infectious"))).toBe(true);
    expect(area.total).toBe(2);
    const always = await listOpenNeeds(db, { deadline: "always-on" }, 100);
    expect(always.rows.every((r) => r.deadline === null)).toBe(true);
    const dated = await listOpenNeeds(db, { deadline: "open-deadline", sort: "closing" }, 100);
    const deadlines = dated.rows.map((r) => r.deadline!);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(dated.rows[0].id).toBe(DEMO_NEED_IDS.haeunSepsis);
  });

  it("paginates", async () => {
    const p1 = await listOpenNeeds(db, { page: 1 }, 4);
    const p3 = await listOpenNeeds(db, { page: 3 }, 4);
    expect(p1.pageCount).toBe(3);
    expect(p3.rows).toHaveLength(2);
    expect(new Set([...p1.rows, ...p3.rows].map((r) => r.id)).size).toBe(6);
  });

  it("keeps search_text to public words on save, bumps the NDA version when its text changes, and NDA acceptance is idempotent", async () => {
    const parsed = NeedSchema.safeParse({
      title: "수술실 물품 자동 추적 시스템",
      summary: "스마트병원 물류 자동화",
      details: "기밀-카나리아-9931",
      techFields: "smart-hospital",
    });
    expect(parsed.success).toBe(true);
    const input = parsed.data as NeedInput;
    const created = await createNeed(db, hanbit, input, { publish: true, defaultNda: "NDA v1" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await db.selectFrom("needs").select(["search_text", "nda_version", "status"]).where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.search_text).toContain("Smart hospital");
    expect(row.search_text).not.toContain("카나리아");
    expect(row.status).toBe("open");

    const need = { id: created.id, org_id: hanbit.orgId, status: "open" as const, hidden_at: null, nda_version: 1 };
    const viewer = { userId: lumen.userId, orgId: lumen.orgId, orgKind: "company" as const, orgStatus: "verified" };
    expect(await confidentialAccess(db, need, viewer)).toBe("nda-needed");
    await Promise.all([acceptNda(db, lumen, need, null), acceptNda(db, lumen, need, null)]);
    await acceptNda(db, lumen, need, null);
    const rows = await db.selectFrom("nda_acceptances").select("id").where("need_id", "=", created.id).execute();
    expect(rows).toHaveLength(1);
    const audits = await db.selectFrom("audit_log").select("id").where("event", "=", "nda.accepted").where("target_id", "=", created.id).execute();
    expect(audits).toHaveLength(1);
    expect(await confidentialAccess(db, need, viewer)).toBe("nda-accepted");
    // Every company view of the details is audited; the owner's own views are not.
    expect(await readDetails(db, need, viewer, "nda-accepted", "127.0.0.1")).toBe("기밀-카나리아-9931");
    expect(await readDetails(db, need, viewer, "nda-needed", null)).toBeNull();
    await readDetails(db, need, { ...viewer, ...hanbit, orgKind: "hospital" }, "own", null);
    const views = await db.selectFrom("audit_log").select(["actor_user_id", "actor_org_id"]).where("event", "=", "confidential.viewed").where("target_id", "=", created.id).execute();
    expect(views).toEqual([{ actor_user_id: lumen.userId, actor_org_id: lumen.orgId }]);

    // Same NDA text: same version. New text: version 2, the old acceptance no longer unlocks.
    await updateNeed(db, hanbit, created.id, { ...input, ndaText: "NDA v1" }, { defaultNda: "x" });
    expect((await db.selectFrom("needs").select("nda_version").where("id", "=", created.id).executeTakeFirstOrThrow()).nda_version).toBe(1);
    await updateNeed(db, hanbit, created.id, { ...input, ndaText: "NDA v2 — 더 엄격한 조건" }, { defaultNda: "x" });
    expect((await db.selectFrom("needs").select("nda_version").where("id", "=", created.id).executeTakeFirstOrThrow()).nda_version).toBe(2);
    expect(await confidentialAccess(db, { ...need, nda_version: 2 }, viewer)).toBe("nda-needed");

    // Another organisation cannot update or change the status.
    expect(await updateNeed(db, lumen, created.id, input, { defaultNda: "x" })).toBeNull();
    expect(await changeNeedStatus(db, lumen, created.id, "close")).toBeNull();
    expect(await changeNeedStatus(db, hanbit, created.id, "publish")).toBe(false);
    expect(await changeNeedStatus(db, hanbit, created.id, "close")).toBe(true);
    expect((await listOpenNeeds(db, { q: "수술실 물품" })).total).toBe(0);
  });

  it("lists the organisation's own needs with every status and application counts", async () => {
    const mine = await listOrgNeeds(db, hanbit.orgId);
    const statuses = new Set(mine.map((n) => n.status));
    expect(statuses).toEqual(new Set(["open", "draft", "closed"]));
    expect(mine.every((n) => typeof n.applications === "number")).toBe(true);
    expect(mine.map((n) => n.id)).not.toContain(DEMO_NEED_IDS.nuriFall);
  });
});
