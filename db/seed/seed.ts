import { sql } from "kysely";
import { hash } from "@node-rs/argon2";
import type { DB } from "../client";
import { taxonomy, type TaxonomyKind } from "../../app/modules/taxonomy/vocabulary";
import { seedApplications } from "./demo-applications";
import { seedDeals } from "./demo-deals";
import { seedEvents } from "./demo-events";
import { seedNeeds } from "./demo-needs";
import { seedTestbeds } from "./demo-testbeds";
import { seedPitches } from "./demo-pitches";
import { DEMO_PASSWORD, demoOrgs } from "./demo-orgs";

/** Keep `taxonomy_terms` equal to the vocabulary file (idempotent). */
export async function syncTaxonomy(db: DB) {
  const rows = (Object.keys(taxonomy) as TaxonomyKind[]).flatMap((kind) =>
    taxonomy[kind].map((t, i) => ({ kind, code: t.code, label_ko: t.label.ko, label_en: t.label.en, sort_order: i })),
  );
  await db
    .insertInto("taxonomy_terms")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["kind", "code"]).doUpdateSet((eb) => ({
        label_ko: eb.ref("excluded.label_ko"),
        label_en: eb.ref("excluded.label_en"),
        sort_order: eb.ref("excluded.sort_order"),
      })),
    )
    .execute();
}

export async function seedDemo(db: DB) {
  // argon2id with the same parameters as sign-up (see password.server.ts).
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await db.transaction().execute(async (trx) => {
    for (const o of demoOrgs) {
      const org = await trx
        .insertInto("organizations")
        .values({
          slug: o.slug,
          kind: o.kind,
          name: o.name,
          name_en: o.nameEn,
          business_no: o.businessNo,
          institution_type: o.institutionType ?? null,
          description: o.description,
          description_en: o.descriptionEn,
          website: o.website ?? null,
          region: o.region,
          growth_stage: o.growthStage ?? null,
          products: o.products ?? "",
          trl: o.trl ?? null,
          thesis: o.thesis ?? "",
          investor_type: o.investorType ?? null,
          council_member: o.councilMember ?? false,
          ticket_min_krw: o.ticketMinKrw ?? null,
          ticket_max_krw: o.ticketMaxKrw ?? null,
          status: o.status,
          verified_at: o.status === "verified" ? new Date("2026-09-01T00:00:00Z") : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (o.terms?.length) {
        await trx.insertInto("org_terms").values(o.terms.map((t) => ({ org_id: org.id, kind: t.kind, code: t.code }))).execute();
      }
      for (const p of o.people) {
        const user = await trx
          .insertInto("users")
          .values({ email: p.email, name: p.name, password_hash: passwordHash })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("memberships").values({ user_id: user.id, org_id: org.id, role: p.role }).execute();
      }
    }
    await seedNeeds(trx);
    await seedApplications(trx);
    await seedTestbeds(trx);
    await seedPitches(trx);
    // After the pitches seed (applications and ratings name demo pitches; missing ones are skipped).
    await seedEvents(trx);
    await seedDeals(trx); // meetings and deal pipelines: after the pitches seed
  });
}

export async function seedIfEmpty(db: DB, opts: { nodeEnv?: string; force?: boolean; log?: (s: string) => void } = {}) {
  const log = opts.log ?? ((s: string) => console.log(s));
  await syncTaxonomy(db);
  const { n } = await db.selectFrom("users").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  if (n > 0) return { seeded: false };
  if (opts.nodeEnv === "production" && !opts.force) {
    log("[seed] NODE_ENV=production: demo data not created (set SEED_FORCE=1 to force).");
    return { seeded: false };
  }
  await seedDemo(db);
  log(`[seed] demo data created (${demoOrgs.length} organisations). Demo password: ${DEMO_PASSWORD}`);
  return { seeded: true };
}
