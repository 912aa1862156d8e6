/**
 * `npm run -s explain:search`: EXPLAIN (ANALYZE, BUFFERS) of the search and
 * list queries the pages run, on the configured database (DATABASE_URL, or
 * PGlite) — meant for a database seeded with `npm run seed:scale`. The needs
 * queries are captured from the app's own listOpenNeeds (exactly what /needs
 * sends) and pitches from the app's own listPitches (what /pitches sends);
 * testbed offers use the shared containsAny condition.
 * Ends with one line per query: the indexes used and any sequential scan of a
 * big table.
 */
import { CompiledQuery, sql } from "kysely";
import { configFromEnv, openDb, type QueryEvent } from "../db/client";
import { listOpenNeeds } from "../db/queries/needs";
import { containsAny } from "../db/queries/text-search";
import { listPitches } from "../app/modules/pitches/pitches.server";
import { searchTokens } from "../app/modules/needs/search";
import { getEnv } from "../app/utils/env.server";

const captured: QueryEvent[] = [];
let capturing = false;
const handle = await openDb(configFromEnv(getEnv()), {
  onQuery: (e) => {
    if (capturing) captured.push(e);
  },
});
const db = handle.db;

async function capture(run: () => Promise<unknown>): Promise<QueryEvent[]> {
  captured.length = 0;
  capturing = true;
  try {
    await run();
  } finally {
    capturing = false;
  }
  return captured.splice(0);
}

const BIG = ["needs", "need_terms", "organizations", "applications", "messages", "pitches", "testbed_offers"];
const summary: string[] = [];

async function explain(title: string, q: { sql: string; parameters: readonly unknown[] }) {
  const res = await db.executeQuery<{ "QUERY PLAN": string }>(CompiledQuery.raw(`explain (analyze, buffers, costs off) ${q.sql}`, [...q.parameters]));
  const plan = res.rows.map((r) => r["QUERY PLAN"]).join("\n");
  console.log(`\n### ${title}\n`);
  console.log("```sql");
  console.log(q.sql.replace(/\s+/g, " ").trim());
  console.log(`-- parameters: ${JSON.stringify(q.parameters)}`);
  console.log("```\n```");
  console.log(plan);
  console.log("```");
  const indexes = [...new Set([...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]))];
  const seq = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))].filter((t) => BIG.includes(t));
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? "?";
  summary.push(`${title.padEnd(52)} ${time.padStart(8)} ms  indexes: ${indexes.join(", ") || "—"}${seq.length ? `  SEQ SCAN: ${seq.join(", ")}` : ""}`);
}

const [{ n: needCount }] = (await sql<{ n: number }>`select count(*)::int as n from needs`.execute(db)).rows;
const [{ n: pitchCount }] = (await sql<{ n: number }>`select count(*)::int as n from pitches`.execute(db)).rows;
console.log(`# Search and list queries, EXPLAIN ANALYZE (${handle.kind}; ${needCount} needs, ${pitchCount} pitches)`);

const needCases: [string, Parameters<typeof listOpenNeeds>[1]][] = [
  ["/needs (newest, page 1)", {}],
  ["/needs?page=50", { page: 50 }],
  ["/needs?sort=closing", { sort: "closing" }],
  ["/needs?q=폐암 (2 syllables)", { q: "폐암" }],
  ["/needs?q=암 (1 syllable)", { q: "암" }],
  ["/needs?q=심부전 (3 syllables)", { q: "심부전" }],
  ["/needs?q=폐암을 조기 (particle + 2 words)", { q: "폐암을 조기" }],
  ["/needs?q=AI (2 letters)", { q: "AI" }],
  ["/needs?q=sepsis", { q: "sepsis" }],
  ["/needs?q=판독&area=radiology", { q: "판독", area: "radiology" }],
  ["/needs?field=wearables", { field: "wearables" }],
];
for (const [title, f] of needCases) {
  const qs = await capture(() => listOpenNeeds(db, { sort: "newest", deadline: "all", ...f }));
  const count = qs.find((q) => /count\(\*\)/.test(q.sql));
  const page = qs.find((q) => /limit/i.test(q.sql) && !/count\(\*\)/.test(q.sql));
  if (count) await explain(`${title}: count`, count);
  if (page) await explain(`${title}: page`, page);
}

// Published pitches for investors, captured from the app's own listPitches (what /pitches sends).
const pitchCases: [string, Parameters<typeof listPitches>[1]][] = [
  ["/pitches (newest, page 1)", {}],
  ["/pitches?q=폐암", { q: "폐암" }],
  ["/pitches?q=디지털 치료제", { q: "디지털 치료제" }],
  ["/pitches?q=시리즈 A", { q: "시리즈 A" }],
  ["/pitches?q=웨어러블", { q: "웨어러블" }],
];
for (const [title, f] of pitchCases) {
  const qs = await capture(() => listPitches(db, { sort: "newest", ...f }));
  const count = qs.find((q) => /count\(\*\)/.test(q.sql) && /"pitches"/.test(q.sql));
  const page = qs.find((q) => /limit/i.test(q.sql) && /"pitches"/.test(q.sql));
  if (count) await explain(`${title}: count`, count);
  if (page) await explain(`${title}: page`, page);
}
{
  let query = db.selectFrom("testbed_offers as t").select(["t.id", "t.title"]).where("t.status", "=", "open").where("t.hidden_at", "is", null);
  for (const group of searchTokens("영상")) query = query.where(containsAny("t.search_text", group));
  await explain("/testbeds?q=영상: page", query.orderBy(sql`t.published_at desc nulls last`).orderBy("t.id").limit(20).compile());
}

console.log("\n## Summary (execution time, indexes used)\n");
console.log("```");
for (const line of summary) console.log(line);
console.log("```");
await handle.close();
