/**
 * Scale data on top of the demo seed: 10,000 needs, 5,000 companies, 20,000
 * applications, 3,000 pitches, 1,000 testbed offers and 50,000 messages (at
 * factor 1), deterministic (seeded PRNG; dates relative to the seeding day),
 * written with multi-row INSERTs in one transaction. Derived columns are built
 * by the same functions the app uses (search_text, term rows, status ⇄
 * published_at/closed_at/archived_at), so pages, search and matching behave
 * on these rows as on hand-made ones. Demo logins keep working: two demo
 * organisations get a share of the rows so their dashboards are at scale too.
 */
import { sql } from "kysely";
import type { DB } from "../../client";
import type { Database } from "../../schema";
import { buildSearchText } from "../../../app/modules/needs/search-text";
import { buildPitchSearchText } from "../../../app/modules/pitches/search-text";
import { offerSearchText } from "../../../app/modules/testbeds/search-text";
import { ROUND_CODES } from "../../../app/modules/pitches/rounds";
import { declineReasons } from "../../../app/modules/applications/schemas";
import * as T from "./text";

export const SCALE_EMAIL_DOMAIN = "scale.medibridge.kr";
export const SCALE_SLUG_PREFIX = "scale-";

export type ScaleCounts = {
  hospitals: number;
  companies: number;
  investors: number;
  needs: number;
  applications: number;
  pitches: number;
  testbedOffers: number;
  messages: number;
};

export function scaleCounts(factor = 1): ScaleCounts {
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  return {
    hospitals: n(400),
    companies: n(5000),
    investors: n(200),
    needs: n(10_000),
    applications: n(20_000),
    pitches: n(3000),
    testbedOffers: n(1000),
    messages: n(50_000),
  };
}

type Row<K extends keyof Database> = { [C in keyof Database[K]]?: unknown };
const DAY = 86_400_000;
const 억 = 100_000_000;
const 만 = 10_000;

/** Multi-row INSERTs under PostgreSQL's 65,535-parameter limit. */
async function insertAll<K extends keyof Database & string>(db: DB, table: K, rows: Row<K>[]) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.min(2000, Math.floor(60_000 / cols)));
  for (let i = 0; i < rows.length; i += size) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + size) as any).execute();
  }
}

export async function hasScaleData(db: DB): Promise<boolean> {
  const r = await db.selectFrom("organizations").select("id").where("slug", "like", `${SCALE_SLUG_PREFIX}%`).limit(1).executeTakeFirst();
  return Boolean(r);
}

/** Remove everything seedScale wrote (cascades from organisations; then users). */
export async function removeScaleData(db: DB) {
  await db.transaction().execute(async (trx) => {
    const users = trx.selectFrom("users").select("id").where("email", "like", `%@${SCALE_EMAIL_DOMAIN}`);
    // Rows the scale seed attached to demo organisations.
    await trx.deleteFrom("messages").where("author_id", "in", users).execute();
    await trx.deleteFrom("applications").where("submitted_by", "in", users).execute();
    await trx.deleteFrom("needs").where("author_id", "in", users).execute();
    await trx.deleteFrom("pitches").where("author_id", "in", users).execute();
    await trx.deleteFrom("testbed_offers").where("author_id", "in", users).execute();
    await trx.deleteFrom("organizations").where("slug", "like", `${SCALE_SLUG_PREFIX}%`).execute();
    await trx.deleteFrom("users").where("email", "like", `%@${SCALE_EMAIL_DOMAIN}`).execute();
  });
}

type Org = { id: string; kind: "hospital" | "company" | "investor"; name: string; nameEn: string; userId: string; verified: boolean };

export async function seedScale(db: DB, opts: { factor?: number; seed?: number; now?: Date; log?: (s: string) => void } = {}) {
  const counts = scaleCounts(opts.factor ?? 1);
  const r = T.prng(opts.seed ?? 20261125);
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const ago = (days: number) => new Date(now.getTime() - days * DAY - r.int(0, DAY - 1));
  const ymd = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

  // The demo password's hash, reused: every scale user can sign in with it.
  const demoHash = await db.selectFrom("users").select("password_hash").where("email", "=", "hospital1@demo.medibridge.kr").executeTakeFirst();
  if (!demoHash) throw new Error("Run the demo seed first (npm run seed): the scale seed goes on top of it.");
  const demo = await db
    .selectFrom("organizations as o")
    .innerJoin("memberships as m", "m.org_id", "o.id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["o.id", "o.kind", "o.name", "o.name_en", "u.id as user_id", "u.email"])
    .where("u.email", "in", ["hospital1@demo.medibridge.kr", "company1@demo.medibridge.kr"])
    .execute();
  const demoHospital = demo.find((d) => d.kind === "hospital");
  const demoCompany = demo.find((d) => d.kind === "company");

  // ---- organisations, users, memberships, org terms ----
  const orgs: Org[] = [];
  const orgRows: Row<"organizations">[] = [];
  const userRows: Row<"users">[] = [];
  const memberRows: Row<"memberships">[] = [];
  const orgTermRows: Row<"org_terms">[] = [];
  const personName = () => r.pick(T.surnames) + r.pick(T.givenNames);
  const addOrg = (kind: Org["kind"], i: number, name: string, nameEn: string, extra: Row<"organizations">) => {
    const id = r.uuid();
    const userId = r.uuid();
    const status = r.weighted([["verified", 92], ["pending", 6], ["rejected", 2]] as const);
    const slug = `${SCALE_SLUG_PREFIX}${kind}-${String(i + 1).padStart(5, "0")}`;
    orgRows.push({
      id,
      slug,
      kind,
      name,
      name_en: nameEn,
      business_no: String(1_000_000_000 + r.int(0, 8_999_999_999)).slice(0, 10),
      region: r.pick(T.regions),
      status,
      rejection_reason: status === "rejected" ? "사업자등록증 정보가 확인되지 않았습니다." : null,
      verified_at: status === "verified" ? ago(r.int(10, 400)) : null,
      created_at: ago(r.int(10, 500)),
      ...extra,
    });
    userRows.push({ id: userId, email: `${slug}@${SCALE_EMAIL_DOMAIN}`, name: personName(), password_hash: demoHash.password_hash });
    memberRows.push({ user_id: userId, org_id: id, role: "owner" });
    orgs.push({ id, kind, name, nameEn, userId, verified: status === "verified" });
    return id;
  };

  for (let i = 0; i < counts.hospitals; i++) {
    const k = T.hospitalKinds[i % T.hospitalKinds.length];
    const base = T.hospitalNames[Math.floor(i / T.hospitalKinds.length) % T.hospitalNames.length];
    const region = T.regions[i % T.regions.length];
    const round = Math.floor(i / (T.hospitalKinds.length * T.hospitalNames.length));
    const name = `${region === "서울" ? "" : region}${base}${k.suffix}${round ? ` ${round + 1}` : ""}`;
    const areas = r.some(T.vocab.clinicalAreas, r.int(2, 4));
    const id = addOrg("hospital", i, name, `${base} ${k.en}`, {
      institution_type: k.type,
      description: `${region} 지역의 ${k.suffix.replace(/^\s/, "")}으로 ${T.josa(areas.map((a) => a.label.ko.replace(/\(.*\)/, "")).join("·"), "을", "를")} 중심으로 기업과의 공동연구와 임상 검증을 진행하고 있습니다.`,
      description_en: `A ${k.en.toLowerCase()} in ${region} running joint research and clinical validation in ${areas.map((a) => a.label.en).join(", ")}.`,
    });
    for (const a of areas) orgTermRows.push({ org_id: id, kind: "clinical_area", code: a.code });
  }
  const seenCompany = new Set<string>();
  for (let i = 0; i < counts.companies; i++) {
    let name = `${r.pick(T.companyHeads)}${r.pick(T.companyTails)}${r.pick(T.companySuffixes)}`;
    for (let k = 2; seenCompany.has(name); k++) name = `${name.replace(/ \d+$/, "")} ${k}`;
    seenCompany.add(name);
    const tfs = r.some(T.vocab.techFields, r.int(1, 3));
    const cas = r.some(T.vocab.clinicalAreas, r.int(1, 3));
    const stage = r.pick(T.vocab.growthStages);
    const d = r.pick(T.diseases);
    const id = addOrg("company", i, name, `${name.replace(/[^A-Za-z ]/g, "").trim() || "Company"} ${i + 1}`, {
      growth_stage: stage.code,
      trl: r.int(3, 9),
      products: `${tfs[0].label.ko} 기반 ${d.ko} ${r.pick(T.goals).ko} 솔루션`,
      description: `${tfs.map((t) => t.label.ko).join(", ")} 분야의 ${stage.label.ko}입니다. ${cas.map((c) => c.label.ko).join("·")} 진료 현장의 ${d.ko} 문제를 풀고 있습니다.`,
      description_en: `A ${stage.label.en.toLowerCase()} in ${tfs.map((t) => t.label.en).join(", ")}, working on ${d.en} in ${cas.map((c) => c.label.en).join(" and ")}.`,
    });
    for (const t of tfs) orgTermRows.push({ org_id: id, kind: "tech_field", code: t.code });
    for (const c of cas) orgTermRows.push({ org_id: id, kind: "clinical_area", code: c.code });
    orgTermRows.push({ org_id: id, kind: "growth_stage", code: stage.code });
    for (const c of r.some(T.vocab.collaborationTypes, r.int(1, 2))) orgTermRows.push({ org_id: id, kind: "collaboration_type", code: c.code });
    if (r.chance(0.5)) orgTermRows.push({ org_id: id, kind: "certification", code: r.pick(T.vocab.certifications).code });
  }
  for (let i = 0; i < counts.investors; i++) {
    const head = T.investorHeads[i % T.investorHeads.length];
    const tail = T.investorTails[Math.floor(i / T.investorHeads.length) % T.investorTails.length];
    const round = Math.floor(i / (T.investorHeads.length * T.investorTails.length));
    const name = `${head}${tail}${round ? ` ${round + 1}` : ""}`;
    const tfs = r.some(T.vocab.techFields, r.int(2, 4));
    const min = r.pick([1, 3, 5, 10]) * 억;
    const id = addOrg("investor", i, name, `${name} (Korea)`, {
      investor_type: r.pick(["vc", "cvc", "angel", "accelerator", "public"]),
      thesis: `${tfs.map((t) => t.label.ko).join(", ")} 분야의 초기·성장 단계 기업에 투자합니다.`,
      ticket_min_krw: min,
      ticket_max_krw: min * r.int(3, 10),
    });
    for (const t of tfs) orgTermRows.push({ org_id: id, kind: "tech_field", code: t.code });
  }
  const hospitals = orgs.filter((o) => o.kind === "hospital");
  const companies = orgs.filter((o) => o.kind === "company");
  const verifiedHospitals = hospitals.filter((o) => o.verified);
  const verifiedCompanies = companies.filter((o) => o.verified);

  // ---- needs + terms ----
  type NeedRef = { id: string; orgId: string; ownerUserId: string; status: string; publishedAt: Date | null };
  const needs: NeedRef[] = [];
  const needRows: Row<"needs">[] = [];
  const needTermRows: Row<"need_terms">[] = [];
  for (let i = 0; i < counts.needs; i++) {
    // The demo hospital owns a share so its dashboard runs at scale too.
    const org = demoHospital && i % 250 === 0 ? { id: demoHospital.id, userId: demoHospital.user_id, name: demoHospital.name } : r.pick(verifiedHospitals.length ? verifiedHospitals : hospitals);
    const d = r.pick(T.diseases);
    const area = T.vocab.clinicalAreas.find((a) => a.code === d.area) ?? r.pick(T.vocab.clinicalAreas);
    const tf = r.pick(T.vocab.techFields);
    const ct = r.pick(T.vocab.collaborationTypes);
    const goal = r.pick(T.goals);
    const setting = r.pick(T.settings);
    const english = r.chance(0.08);
    const title = english
      ? `${tf.label.en} for ${d.en}: ${goal.en} with a ${ct.label.en.toLowerCase()} partner`
      : r.pick([
          `${d.ko} ${T.josa(goal.ko, "을", "를")} 위한 ${tf.label.ko} ${ct.label.ko}`,
          `${setting} ${d.ko} 환자 ${goal.ko} ${tf.label.ko} 임상검증`,
          `${d.ko} ${tf.label.ko} ${ct.label.ko} 파트너 모집`,
          `${area.label.ko} ${setting} ${goal.ko} 솔루션 시범도입`,
        ]);
    const summary = english
      ? `Our ${area.label.en.toLowerCase()} team sees a growing number of ${d.en} patients in ${setting === "외래" ? "outpatient clinics" : "the wards"}. We are looking for a company to run ${ct.label.en.toLowerCase()} of ${tf.label.en.toLowerCase()} for ${goal.en}. ${r.pick(T.wishes)}`
      : `${area.label.ko.replace(/\(.*\)/, "")} ${setting}에서 ${d.ko} 환자가 늘면서 ${r.pick(T.pains)}. ${tf.label.ko} 기술로 ${T.josa(goal.ko, "을", "를")} 함께 검증할 기업을 찾습니다. ${r.pick(T.wishes)}`;
    const status = r.weighted([["open", 70], ["draft", 10], ["closed", 12], ["matched", 8]] as const);
    const terms = [
      { kind: "clinical_area", code: area.code },
      ...(r.chance(0.4) ? [{ kind: "clinical_area", code: r.pick(T.vocab.clinicalAreas.filter((a) => a.code !== area.code)).code }] : []),
      { kind: "tech_field", code: tf.code },
      { kind: "collaboration_type", code: ct.code },
      ...(r.chance(0.3) ? [{ kind: "certification", code: r.pick(T.vocab.certifications).code }] : []),
    ];
    const id = r.uuid();
    const publishedAt = status === "draft" ? null : ago(r.int(0, 365));
    const trlMin = r.int(3, 7);
    const budgetMin = r.int(1, 30) * 1000 * 만;
    const created = publishedAt ? new Date(publishedAt.getTime() - r.int(0, 14) * DAY) : ago(r.int(0, 60));
    needRows.push({
      id,
      org_id: org.id,
      author_id: org.userId,
      status,
      title,
      summary,
      details: `내부 메모: ${d.ko} 관련 ${setting} 데이터 약 ${r.int(1, 50) * 1000}건을 보유하고 있습니다. 예산은 원내 연구비와 국책과제를 함께 검토 중입니다.`,
      trl_min: trlMin,
      trl_max: Math.min(9, trlMin + r.int(0, 3)),
      budget_min_krw: budgetMin,
      budget_max_krw: budgetMin * r.int(1, 4),
      duration_months: r.pick([3, 6, 9, 12, 18, 24]),
      // About four in ten are always open; a few have passed their deadline.
      deadline: r.chance(0.4) ? null : ymd(r.int(-30, 240)),
      adoption_payer: r.pick(["", "hospital", "patient", "insurer"]),
      search_text: buildSearchText(title, summary, terms),
      hidden_at: status === "open" && r.chance(0.01) ? ago(1) : null,
      published_at: publishedAt,
      closed_at: status === "closed" || status === "matched" ? ago(r.int(0, 30)) : null,
      created_at: created,
      updated_at: new Date(Math.max(created.getTime(), (publishedAt ?? created).getTime())),
    });
    for (const t of terms) needTermRows.push({ need_id: id, ...t });
    needs.push({ id, orgId: org.id, ownerUserId: org.userId, status, publishedAt });
  }

  // ---- applications ----
  const published = needs.filter((n) => n.status !== "draft");
  const appRows: Row<"applications">[] = [];
  const apps: { id: string; need: NeedRef; company: { id: string; userId: string }; createdAt: Date }[] = [];
  const pairs = new Set<string>();
  for (let i = 0; apps.length < counts.applications && i < counts.applications * 3; i++) {
    const need = r.pick(published);
    const company = demoCompany && i % 500 === 0 ? { id: demoCompany.id, userId: demoCompany.user_id } : r.pick(verifiedCompanies.length ? verifiedCompanies : companies);
    const key = `${need.id}:${company.id}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const status = r.weighted([["submitted", 40], ["shortlisted", 20], ["accepted", 10], ["declined", 20], ["withdrawn", 10]] as const);
    const createdAt = new Date(Math.min(now.getTime(), (need.publishedAt ?? now).getTime() + r.int(0, 60) * DAY));
    const answered = status !== "submitted" || r.chance(0.3);
    const id = r.uuid();
    appRows.push({
      id,
      need_id: need.id,
      company_org_id: company.id,
      submitted_by: company.userId,
      status,
      approach: `${r.pick(T.approachLines)} ${r.pick(T.approachLines)}`,
      team: `PM 1명, 임상연구 코디네이터 1명, 개발자 ${r.int(2, 6)}명`,
      trl: r.int(4, 9),
      budget_krw: r.int(5, 50) * 1000 * 만,
      timeline: `${r.int(3, 12)}개월: 준비 → 시범 운영 → 평가`,
      decline_reason: status === "declined" ? r.pick(declineReasons) : null,
      decided_at: status === "accepted" || status === "declined" ? new Date(createdAt.getTime() + r.int(1, 20) * DAY) : null,
      first_response_at: answered && status !== "withdrawn" ? new Date(createdAt.getTime() + r.int(1, 10) * DAY) : null,
      created_at: createdAt,
      updated_at: new Date(createdAt.getTime() + r.int(0, 20) * DAY),
    });
    apps.push({ id, need, company, createdAt });
  }

  // ---- messages ----
  const messageRows: Row<"messages">[] = [];
  for (let i = 0; i < counts.messages && apps.length; i++) {
    const a = r.pick(apps);
    const fromCompany = r.chance(0.5);
    messageRows.push({
      id: r.uuid(),
      application_id: a.id,
      author_id: fromCompany ? a.company.userId : a.need.ownerUserId,
      author_org_id: fromCompany ? a.company.id : a.need.orgId,
      body: r.pick(T.messageLines),
      created_at: new Date(a.createdAt.getTime() + r.int(0, 30 * 24) * 3_600_000),
    });
  }

  // ---- pitches + terms ----
  const pitchRows: Row<"pitches">[] = [];
  const pitchTermRows: Row<"pitch_terms">[] = [];
  for (let i = 0; i < counts.pitches; i++) {
    const c = r.pick(verifiedCompanies.length ? verifiedCompanies : companies);
    const tf = r.pick(T.vocab.techFields);
    const d = r.pick(T.diseases);
    const area = T.vocab.clinicalAreas.find((a) => a.code === d.area) ?? r.pick(T.vocab.clinicalAreas);
    const goal = r.pick(T.goals);
    const round = r.pick(ROUND_CODES);
    const status = r.weighted([["published", 80], ["draft", 10], ["archived", 10]] as const);
    const title = `${c.name}: ${d.ko} ${goal.ko} ${tf.label.ko}`;
    const oneLiner = r.chance(0.1)
      ? `${tf.label.en} that helps clinicians with ${d.en} ${goal.en}.`
      : `${T.josa(tf.label.ko, "으로", "로")} ${d.ko} 환자의 ${T.josa(goal.ko, "을", "를")} 돕습니다.`;
    const terms = [
      { kind: "tech_field", code: tf.code },
      { kind: "clinical_area", code: area.code },
    ];
    const id = r.uuid();
    const publishedAt = status === "draft" ? null : ago(r.int(0, 300));
    pitchRows.push({
      id,
      org_id: c.id,
      author_id: c.userId,
      status,
      title,
      one_liner: oneLiner,
      problem: `${d.ko} 환자는 ${r.pick(T.pains).replace(/습니다$/, "습니다")}.`,
      solution: `${tf.label.ko} 기술로 ${goal.ko}의 정확도와 속도를 높입니다.`,
      market: `국내 ${d.ko} 환자 약 ${r.int(5, 300)}만 명, 연 ${r.int(1, 20) * 100}억 원 규모의 시장입니다.`,
      traction: `${r.int(1, 12)}개 병원 시범 도입, 누적 사용자 ${r.int(1, 90) * 100}명.`,
      team: `대표 포함 ${r.int(4, 40)}명 (임상 자문 ${r.int(1, 5)}명)`,
      ask_krw: r.int(5, 100) * 억,
      round,
      trl: r.int(3, 9),
      search_text: buildPitchSearchText({ title, oneLiner, round, terms, companyName: c.name, companyNameEn: c.nameEn }),
      published_at: publishedAt,
      archived_at: status === "archived" ? ago(r.int(0, 30)) : null,
      created_at: publishedAt ? new Date(publishedAt.getTime() - r.int(0, 10) * DAY) : ago(r.int(0, 30)),
      updated_at: publishedAt ?? now,
    });
    for (const t of terms) pitchTermRows.push({ pitch_id: id, ...t });
  }

  // ---- testbed offers + terms ----
  const offerRows: Row<"testbed_offers">[] = [];
  const offerTermRows: Row<"testbed_offer_terms">[] = [];
  for (let i = 0; i < counts.testbedOffers; i++) {
    const h = r.pick(verifiedHospitals.length ? verifiedHospitals : hospitals);
    const dept = r.pick(T.departments);
    const tf = r.pick(T.vocab.techFields);
    const area = r.pick(T.vocab.clinicalAreas);
    const status = r.weighted([["open", 75], ["draft", 10], ["closed", 15]] as const);
    const o = {
      title: `${dept} ${tf.label.ko} 실증 테스트베드`,
      department: dept,
      description: `${area.label.ko} 진료 현장에서 ${tf.label.ko} 제품을 실제 환자 흐름에 맞춰 시험해 볼 수 있습니다.`,
      equipment: r.pick(["CT 3대, MRI 2대, PACS 연동 환경", "병동 20병상, 중앙 모니터링 시스템", "재활치료실 보행 분석 장비", "비식별 EMR 데이터 열람 환경", "외래 진료실 2곳, 원격 진료 장비"]),
      costSupport: r.pick(["", "장비 사용료 면제", "연구 간호사 인건비 일부 지원", "IRB 심의비 지원"]),
    };
    const terms = [
      { kind: "tech_field", code: tf.code },
      { kind: "clinical_area", code: area.code },
    ];
    const id = r.uuid();
    const publishedAt = status === "draft" ? null : ago(r.int(0, 300));
    offerRows.push({
      id,
      org_id: h.id,
      author_id: h.userId,
      status,
      title: o.title,
      department: o.department,
      description: o.description,
      equipment: o.equipment,
      capacity: r.int(1, 10),
      period_start: ymd(r.int(-60, 60)),
      period_end: ymd(r.int(90, 360)),
      irb_status: r.pick(["not-required", "required", "in-review", "approved"]),
      cost_support: o.costSupport,
      search_text: offerSearchText(o, terms),
      published_at: publishedAt,
      created_at: publishedAt ?? ago(r.int(0, 30)),
      updated_at: publishedAt ?? now,
    });
    for (const t of terms) offerTermRows.push({ offer_id: id, ...t });
  }

  // ---- write ----
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    const steps: [string, () => Promise<void>][] = [
      ["organizations", () => insertAll(trx, "organizations", orgRows)],
      ["org_terms", () => insertAll(trx, "org_terms", orgTermRows)],
      ["users", () => insertAll(trx, "users", userRows)],
      ["memberships", () => insertAll(trx, "memberships", memberRows)],
      ["needs", () => insertAll(trx, "needs", needRows)],
      ["need_terms", () => insertAll(trx, "need_terms", needTermRows)],
      ["applications", () => insertAll(trx, "applications", appRows)],
      ["messages", () => insertAll(trx, "messages", messageRows)],
      ["pitches", () => insertAll(trx, "pitches", pitchRows)],
      ["pitch_terms", () => insertAll(trx, "pitch_terms", pitchTermRows)],
      ["testbed_offers", () => insertAll(trx, "testbed_offers", offerRows)],
      ["testbed_offer_terms", () => insertAll(trx, "testbed_offer_terms", offerTermRows)],
    ];
    for (const [name, run] of steps) {
      const s = performance.now();
      await run();
      log(`  ${name.padEnd(20)} ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
  });
  const s = performance.now();
  // Statistics for the planner, and the visibility map for index-only scans.
  await sql`vacuum analyze`.execute(db);
  log(`  ${"vacuum analyze".padEnd(20)} ${((performance.now() - s) / 1000).toFixed(1)} s`);
  return {
    writeMs: performance.now() - t0,
    rows: {
      organizations: orgRows.length,
      users: userRows.length,
      needs: needRows.length,
      need_terms: needTermRows.length,
      applications: appRows.length,
      messages: messageRows.length,
      pitches: pitchRows.length,
      testbed_offers: offerRows.length,
      org_terms: orgTermRows.length,
    },
  };
}
