import { sql, type SqlBool } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeLike } from "../../app/modules/needs/search";
import type { DB } from "../client";
import { seedIfEmpty } from "../seed/seed";
import { freshDb, withEachDb } from "../test-helpers";
import { containsAny, tokenGrams } from "./text-search";

describe("tokenGrams", () => {
  it("gives a word's 2-character grams, or its only character", () => {
    expect(tokenGrams("폐암")).toEqual(["폐암"]);
    expect(tokenGrams("암")).toEqual(["암"]);
    expect(tokenGrams("심부전")).toEqual(["심부", "부전"]);
    expect(tokenGrams("AI")).toEqual(["AI"]);
  });
  it("keeps at most six grams, spread over the word (still a correct prefilter)", () => {
    const g = tokenGrams("만성폐쇄성폐질환환자");
    expect(g).toHaveLength(6);
    expect(g[0]).toBe("만성");
    expect(g[5]).toBe("환자");
    for (const x of g) expect("만성폐쇄성폐질환환자").toContain(x);
  });
  it("has no grams for empty input", () => {
    expect(tokenGrams("")).toEqual([]);
  });
});

withEachDb("containsAny (grams prefilter + ILIKE)", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDb(engine));
    await seedIfEmpty(db, { log: () => {} });
  });
  afterAll(async () => {
    await close?.();
  });

  // Words of every length, case, wildcard characters and particles: the
  // indexed condition must find exactly what a plain ILIKE finds.
  const words = ["폐", "암", "폐결절", "영상", "의료영상", "AI", "ai", "Ai", "pacs", "CT", "임상검증", "100%", "a_b", "%", "_", "판독", "\\", "Lung-RADS", "없는말"];

  it("finds exactly what a plain ILIKE finds, for every word", async () => {
    let compared = 0;
    for (const w of words) {
      const indexed = await db.selectFrom("needs as n").select("n.id").where(containsAny("n.search_text", [w])).orderBy("n.id").execute();
      const plain = await db
        .selectFrom("needs as n")
        .select("n.id")
        .where(sql<SqlBool>`n.search_text ilike ${`%${escapeLike(w)}%`} escape '\\'`)
        .orderBy("n.id")
        .execute();
      expect(indexed.map((r) => r.id), w).toEqual(plain.map((r) => r.id));
      compared += plain.length;
    }
    // The words above do hit demo needs: the comparison is not of empty sets.
    expect(compared).toBeGreaterThan(10);
  });

  it("bumps the page generation with every committed write to what public pages show, not with rolled-back ones", async () => {
    const gen = async () => (await db.selectFrom("page_generation").select("n").executeTakeFirstOrThrow()).n;
    const g0 = await gen();
    await db.updateTable("needs").set({ title: sql`title` }).where("id", "=", sql<string>`(select id from needs limit 1)`).execute();
    const g1 = await gen();
    expect(g1).toBeGreaterThan(g0);
    await db.updateTable("organizations").set({ name: sql`name` }).where("slug", "=", "no-such-org").execute();
    const g2 = await gen();
    expect(g2).toBeGreaterThan(g1); // statement-level: even a write that touched no row
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable("needs").set({ title: sql`title` }).execute();
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await gen()).toBe(g2);
  });

  it("keeps search_grams in step with search_text on update", async () => {
    const need = await db.selectFrom("needs").select("id").orderBy("id").limit(1).executeTakeFirstOrThrow();
    await db.updateTable("needs").set({ search_text: "완전히 새로운 문구 쥐똥나무" }).where("id", "=", need.id).execute();
    const hit = await db.selectFrom("needs as n").select("n.id").where(containsAny("n.search_text", ["쥐똥"])).execute();
    expect(hit.map((r) => r.id)).toEqual([need.id]);
  });
});
