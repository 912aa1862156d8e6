import { afterEach, beforeEach, expect, it } from "vitest";
import { taxonomy, type TaxonomyKind } from "../../app/modules/taxonomy/vocabulary";
import type { DB } from "../client";
import { freshDb, withEachDb } from "../test-helpers";
import { DEMO_PASSWORD } from "./demo-orgs";
import { seedIfEmpty } from "./seed";

// The documented demo logins (README): one per role, each in its own organisation.
const DEMO_LOGINS = [
  { email: "hospital1@demo.medibridge.kr", kind: "hospital" },
  { email: "hospital2@demo.medibridge.kr", kind: "hospital" },
  { email: "company1@demo.medibridge.kr", kind: "company" },
  { email: "company2@demo.medibridge.kr", kind: "company" },
  { email: "investor1@demo.medibridge.kr", kind: "investor" },
  { email: "investor2@demo.medibridge.kr", kind: "investor" },
  { email: "operator@demo.medibridge.kr", kind: "operator" },
] as const;

const quiet = () => {};

async function count(db: DB, table: "users" | "organizations" | "memberships" | "org_terms" | "taxonomy_terms") {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

withEachDb("seedIfEmpty", (engine) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
  });
  afterEach(async () => {
    await close?.();
  });

  it("creates the documented demo logins, each in its own verified organisation of the right kind", async () => {
    const result = await seedIfEmpty(db, { nodeEnv: "development", log: quiet });
    expect(result).toEqual({ seeded: true });

    const rows = await db
      .selectFrom("users")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .innerJoin("organizations", "organizations.id", "memberships.org_id")
      .select(["users.email", "users.password_hash", "organizations.id as orgId", "organizations.kind", "organizations.status"])
      .where(
        "users.email",
        "in",
        DEMO_LOGINS.map((d) => d.email),
      )
      .execute();
    expect(rows.map((r) => r.email).sort()).toEqual(DEMO_LOGINS.map((d) => d.email).sort());
    for (const d of DEMO_LOGINS) {
      const row = rows.find((r) => r.email === d.email)!;
      expect(row.kind, d.email).toBe(d.kind);
      expect(row.status, d.email).toBe("verified");
      expect(row.password_hash, d.email).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    expect(new Set(rows.map((r) => r.orgId)).size, "each demo login has an organisation of its own").toBe(DEMO_LOGINS.length);
  });

  it("stores a hash that verifies the documented demo password", async () => {
    await seedIfEmpty(db, { log: quiet });
    const { verify } = await import("@node-rs/argon2");
    const u = await db.selectFrom("users").select("password_hash").where("email", "=", "operator@demo.medibridge.kr").executeTakeFirstOrThrow();
    expect(await verify(u.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(u.password_hash, "wrong-password")).toBe(false);
  });

  it("creates nothing on a second run", async () => {
    await seedIfEmpty(db, { log: quiet });
    const before = await Promise.all((["users", "organizations", "memberships", "org_terms", "taxonomy_terms"] as const).map((t) => count(db, t)));
    expect(await seedIfEmpty(db, { log: quiet })).toEqual({ seeded: false });
    const after = await Promise.all((["users", "organizations", "memberships", "org_terms", "taxonomy_terms"] as const).map((t) => count(db, t)));
    expect(after).toEqual(before);
  });

  it("refuses demo data in production unless forced", async () => {
    const lines: string[] = [];
    expect(await seedIfEmpty(db, { nodeEnv: "production", log: (s) => lines.push(s) })).toEqual({ seeded: false });
    expect(await count(db, "users")).toBe(0);
    expect(await count(db, "organizations")).toBe(0);
    expect(lines.join("\n")).toMatch(/production/);
    // The vocabulary is reference data, not demo data: it is there either way.
    expect(await count(db, "taxonomy_terms")).toBeGreaterThan(0);

    expect(await seedIfEmpty(db, { nodeEnv: "production", force: true, log: quiet })).toEqual({ seeded: true });
    expect(await count(db, "users")).toBeGreaterThanOrEqual(DEMO_LOGINS.length);
  });

  it("fills taxonomy_terms with every vocabulary term in both languages", async () => {
    await seedIfEmpty(db, { log: quiet });
    const rows = await db.selectFrom("taxonomy_terms").select(["kind", "code", "label_ko", "label_en"]).execute();
    const expected = (Object.keys(taxonomy) as TaxonomyKind[]).flatMap((kind) => taxonomy[kind].map((t) => ({ kind, code: t.code, label_ko: t.label.ko, label_en: t.label.en })));
    const key = (r: { kind: string; code: string }) => `${r.kind}:${r.code}`;
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
    for (const e of expected) {
      const r = rows.find((x) => key(x) === key(e))!;
      expect(r.label_ko, key(e)).toBe(e.label_ko);
      expect(r.label_en, key(e)).toBe(e.label_en);
      expect(r.label_ko.trim(), key(e)).not.toBe("");
      expect(r.label_en.trim(), key(e)).not.toBe("");
    }
  });
});
