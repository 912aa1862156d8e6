import { afterAll, beforeAll, expect, it } from "vitest";
import type { DB } from "../../../db/client";
import { seedIfEmpty } from "../../../db/seed/seed";
import { freshDb, withEachDb } from "../../../db/test-helpers";
import { resetMatchIndex } from "~/modules/matching/service.server";
import { setDbHandle } from "~/utils/db.server";
import { getOwnProfile, updateProfile } from "./orgs.server";
import { ProfileSchema } from "./schemas";

withEachDb("organisation profile", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    setDbHandle({ db, kind: engine.name, close });
    resetMatchIndex();
    await seedIfEmpty(db, { log: () => {} });
  });
  afterAll(async () => close());

  it("a company with a growth stage saves its profile again and again; its stage term is replaced, not duplicated", async () => {
    const me = await db
      .selectFrom("users as u")
      .innerJoin("memberships as m", "m.user_id", "u.id")
      .select(["u.id", "m.org_id"])
      .where("u.email", "=", "company1@demo.medibridge.kr")
      .executeTakeFirstOrThrow();
    const actor = { userId: me.id, orgId: me.org_id, orgKind: "company" as const };
    const before = await getOwnProfile(db, me.org_id);
    expect(before.growth_stage, "the demo company has a growth stage").toBeTruthy();
    for (const stage of [before.growth_stage!, "sme", "sme"]) {
      const input = ProfileSchema.parse({
        name: before.name,
        description: `${before.description ?? ""} 다기관 검증 완료.`,
        growthStage: stage,
        techFields: before.terms.tech_field ?? [],
        clinicalAreas: before.terms.clinical_area ?? [],
        collaborationTypes: [],
        certifications: [],
        stages: [],
        rounds: [],
      });
      await updateProfile(db, actor, input, null);
      const stages = await db.selectFrom("org_terms").select("code").where("org_id", "=", me.org_id).where("kind", "=", "growth_stage").execute();
      expect(stages.map((s) => s.code)).toEqual([stage]);
    }
    expect((await getOwnProfile(db, me.org_id)).growth_stage).toBe("sme");
  });
});
