import type { DB } from "../client";

export async function landingCounts(db: DB) {
  const rows = await db
    .selectFrom("organizations")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "=", "verified")
    .groupBy("kind")
    .execute();
  const members = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).where("disabled_at", "is", null).executeTakeFirstOrThrow();
  const by = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  return {
    hospitals: by.hospital ?? 0,
    companies: by.company ?? 0,
    investors: by.investor ?? 0,
    members: Number(members.n),
  };
}
