import { sql } from "kysely";
import type { DB } from "../../../db/client";

/** Program calls and pitch events with the counts operators steer by. */
export async function listPrograms(db: DB) {
  const n = sql<number>`count(*)::int`;
  const ymd = (col: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;
  const [calls, events] = await Promise.all([
    db
      .selectFrom("program_calls as c")
      .select([
        "c.id",
        "c.name",
        "c.name_en",
        "c.status",
        "c.budget_krw",
        ymd("c.starts_on").as("starts_on"),
        ymd("c.ends_on").as("ends_on"),
        (eb) => eb.selectFrom("needs as x").select(n.as("n")).whereRef("x.program_call_id", "=", "c.id").where("x.status", "<>", "draft").as("needs"),
        (eb) =>
          eb
            .selectFrom("applications as a")
            .innerJoin("needs as x", "x.id", "a.need_id")
            .select(n.as("n"))
            .whereRef("x.program_call_id", "=", "c.id")
            .as("applications"),
        (eb) =>
          eb
            .selectFrom("applications as a")
            .innerJoin("needs as x", "x.id", "a.need_id")
            .select(n.as("n"))
            .whereRef("x.program_call_id", "=", "c.id")
            .where("a.status", "=", "accepted")
            .as("accepted"),
      ])
      .orderBy("c.status", "desc")
      .orderBy("c.created_at", "desc")
      .limit(200)
      .execute(),
    db
      .selectFrom("pitch_events as e")
      .select([
        "e.id",
        "e.name",
        "e.name_en",
        "e.status",
        "e.starts_at",
        "e.cohort_size",
        ymd("e.apply_opens_on").as("apply_opens_on"),
        ymd("e.apply_closes_on").as("apply_closes_on"),
        (eb) => eb.selectFrom("event_applications as a").select(n.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "<>", "withdrawn").as("applied"),
        (eb) => eb.selectFrom("event_applications as a").select(n.as("n")).whereRef("a.event_id", "=", "e.id").where("a.status", "=", "selected").as("selected"),
        (eb) => eb.selectFrom("event_investors as i").select(n.as("n")).whereRef("i.event_id", "=", "e.id").as("investors"),
        (eb) => eb.selectFrom("event_ratings as r").select(n.as("n")).whereRef("r.event_id", "=", "e.id").as("ratings"),
      ])
      .orderBy("e.starts_at", "desc")
      .limit(200)
      .execute(),
  ]);
  const num = (v: unknown) => Number(v ?? 0);
  return {
    calls: calls.map((c) => ({ ...c, budget_krw: c.budget_krw === null ? null : Number(c.budget_krw), needs: num(c.needs), applications: num(c.applications), accepted: num(c.accepted) })),
    events: events.map((e) => ({ ...e, applied: num(e.applied), selected: num(e.selected), investors: num(e.investors), ratings: num(e.ratings) })),
  };
}
