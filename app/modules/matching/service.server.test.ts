import { afterAll, beforeAll, expect, it } from "vitest";
import type { DB } from "../../../db/client";
import { seedIfEmpty } from "../../../db/seed/seed";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { recommendCompanies, recommendNeeds, refreshNeed, resetMatchIndex } from "./service.server";

withEachDb("matching service on the demo data", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    resetMatchIndex();
    ({ db, close } = await freshDb(engine));
    await seedIfEmpty(db, { log: () => {} });
  });
  afterAll(async () => {
    resetMatchIndex();
    await close();
  });

  async function insertNeed(title: string, summary: string, details: string) {
    const org = await db.selectFrom("organizations").select("id").where("slug", "=", "hanbit-univ-hospital").executeTakeFirstOrThrow();
    const n = await db
      .insertInto("needs")
      .values({ org_id: org.id, title, summary, details, status: "open", published_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("need_terms").values([{ need_id: n.id, kind: "tech_field", code: "medical-imaging-ai" }, { need_id: n.id, kind: "clinical_area", code: "radiology" }]).execute();
    return n.id;
  }

  it("recommends the imaging-AI company first for a lung-nodule need, with parts that add up", async () => {
    const needId = await insertNeed("흉부 CT 폐결절 판독 보조 AI 임상 검증", "영상의학과에서 흉부 CT의 폐결절을 찾아 주는 AI를 함께 검증할 기업을 찾습니다.", "내부 예산 CANARY-DETAILS-7731");
    await refreshNeed(db, needId);
    const recs = await recommendCompanies(db, needId, "ko");
    expect(recs.length).toBeGreaterThan(0);
    expect(recs[0].org.slug).toBe("lumen-healthcare");
    for (const r of recs) {
      const sum = Math.round(r.match.parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
      expect(sum).toBe(r.match.score);
      for (const p of r.match.parts) expect(p.reason).not.toContain("CANARY-DETAILS-7731");
    }
    const en = await recommendCompanies(db, needId, "en");
    expect(en[0].match.parts.map((p) => p.reason).join(" ")).toMatch(/[A-Za-z]/);
  });

  it("recommends that need to the imaging-AI company", async () => {
    const lumen = await db.selectFrom("organizations").select("id").where("slug", "=", "lumen-healthcare").executeTakeFirstOrThrow();
    const recs = await recommendNeeds(db, lumen.id, "ko");
    expect(recs.map((r) => r.need.title)).toContain("흉부 CT 폐결절 판독 보조 AI 임상 검증");
  });
});
