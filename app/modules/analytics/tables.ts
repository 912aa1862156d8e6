import { conversion, type Result } from "./funnel";

/**
 * The dashboard's tables, built once from the aggregation result and used by
 * both the page (visible data tables) and the CSV export, so the numbers in a
 * downloaded file are exactly the numbers on the screen.
 */
export const TABLE_KEYS = ["funnel", "monthly", "calls", "hospitals", "investors", "stages", "kpi"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
export const isTableKey = (k: string | undefined): k is TableKey => (TABLE_KEYS as readonly string[]).includes(k ?? "");

export type CellValue = string | number | null;
export type Column = { key: string; label: string; numeric?: boolean };
export type Table = { key: TableKey; title: string; columns: Column[]; rows: CellValue[][] };

type T = (key: string, opts?: Record<string, unknown>) => string;

export function buildTables(r: Result, t: T, opts: { stageLabel: (code: string) => string; callName: (id: string | null, name: string) => string }): Record<TableKey, Table> {
  const col = (key: string, numeric = true): Column => ({ key, label: t(`funnel.col.${key}`), numeric });
  const tot = r.totals;
  const step = (key: string, value: number, prev: number | null): CellValue[] => [t(`funnel.step.${key}`), value, prev === null ? null : conversion(prev, value)];
  const funnel: Table = {
    key: "funnel",
    title: t("funnel.tables.funnel"),
    columns: [col("track", false), col("step", false), col("count"), col("conversion")],
    rows: [
      [t("funnel.track.needs"), ...step("needs", tot.needs, null)],
      [t("funnel.track.needs"), ...step("applications", tot.applications, tot.needs)],
      [t("funnel.track.needs"), ...step("shortlisted", tot.shortlisted, tot.applications)],
      [t("funnel.track.needs"), ...step("accepted", tot.accepted, tot.shortlisted)],
      [t("funnel.track.testbeds"), ...step("testbedRequested", tot.testbedRequested, null)],
      [t("funnel.track.testbeds"), ...step("testbedCompleted", tot.testbedCompleted, tot.testbedRequested)],
      [t("funnel.track.pitches"), ...step("pitches", tot.pitches, null)],
      [t("funnel.track.pitches"), ...step("meetings", tot.meetings, tot.pitches)],
      [t("funnel.track.pitches"), ...step("committed", tot.committed, tot.meetings)],
      [t("funnel.track.pitches"), ...step("invested", tot.invested, tot.committed)],
    ],
  };
  const monthly: Table = {
    key: "monthly",
    title: t("funnel.tables.monthly"),
    columns: [col("month", false), col("needs"), col("applications"), col("accepted"), col("testbedRequested"), col("testbedCompleted"), col("pitches"), col("meetings"), col("investedKrw")],
    rows: r.monthly.map((m) => [m.month, m.needs, m.applications, m.accepted, m.testbedRequested, m.testbedCompleted, m.pitches, m.meetings, m.investedKrw]),
  };
  const calls: Table = {
    key: "calls",
    title: t("funnel.tables.calls"),
    columns: [col("program", false), col("needs"), col("applications"), col("shortlisted"), col("accepted"), col("acceptRate")],
    rows: r.calls.map((c) => [opts.callName(c.id, c.name), c.needs, c.applications, c.shortlisted, c.accepted, conversion(c.applications, c.accepted)]),
  };
  const hospitals: Table = {
    key: "hospitals",
    title: t("funnel.tables.hospitals"),
    columns: [col("hospital", false), col("needs"), col("applications"), col("accepted"), col("testbedRequested"), col("responseRate"), col("medianHours")],
    rows: r.hospitals.map((h) => [h.name, h.needs, h.applications, h.accepted, h.testbedRequested, h.response.rate, h.response.medianHours]),
  };
  const investors: Table = {
    key: "investors",
    title: t("funnel.tables.investors"),
    columns: [col("investor", false), col("meetings"), col("meetingsAccepted"), col("responseRate"), col("medianHours")],
    rows: r.investors.map((i) => [i.name, i.meetings, i.accepted, i.response.rate, i.response.medianHours]),
  };
  const stages: Table = {
    key: "stages",
    title: t("funnel.tables.stages"),
    columns: [col("stage", false), col("applications"), col("accepted"), col("testbedRequested"), col("pitches"), col("meetings"), col("investedKrw")],
    rows: r.stages.map((s) => [s.stage === "none" ? t("funnel.noStage") : opts.stageLabel(s.stage), s.applications, s.accepted, s.testbedRequested, s.pitches, s.meetings, s.investedKrw]),
  };
  // Long format (period, programme, indicator, value): easy to pivot in a spreadsheet.
  const period = `${r.filters.from} ~ ${r.filters.to}`;
  const all = t("funnel.allPrograms");
  const kpiRows: CellValue[][] = [
    [period, all, t("funnel.step.needs"), tot.needs],
    [period, all, t("funnel.step.applications"), tot.applications],
    [period, all, t("funnel.step.shortlisted"), tot.shortlisted],
    [period, all, t("funnel.step.accepted"), tot.accepted],
    [period, all, t("funnel.col.acceptRate"), conversion(tot.applications, tot.accepted)],
    [period, all, t("funnel.col.hospitalResponseRate"), r.response.hospitals.rate],
    [period, all, t("funnel.col.hospitalMedianHours"), r.response.hospitals.medianHours],
    [period, all, t("funnel.step.testbedRequested"), tot.testbedRequested],
    [period, all, t("funnel.step.testbedCompleted"), tot.testbedCompleted],
    [period, all, t("funnel.step.pitches"), tot.pitches],
    [period, all, t("funnel.step.meetings"), tot.meetings],
    [period, all, t("funnel.col.investorResponseRate"), r.response.investors.rate],
    [period, all, t("funnel.col.investorMedianHours"), r.response.investors.medianHours],
    [period, all, t("funnel.step.committed"), tot.committed],
    [period, all, t("funnel.col.committedKrw"), tot.committedKrw],
    [period, all, t("funnel.step.invested"), tot.invested],
    [period, all, t("funnel.col.investedKrw"), tot.investedKrw],
  ];
  for (const c of r.calls) {
    const name = opts.callName(c.id, c.name);
    kpiRows.push(
      [period, name, t("funnel.step.needs"), c.needs],
      [period, name, t("funnel.step.applications"), c.applications],
      [period, name, t("funnel.step.shortlisted"), c.shortlisted],
      [period, name, t("funnel.step.accepted"), c.accepted],
      [period, name, t("funnel.col.acceptRate"), conversion(c.applications, c.accepted)],
    );
  }
  const kpi: Table = {
    key: "kpi",
    title: t("funnel.tables.kpi"),
    columns: [col("period", false), col("program", false), col("indicator", false), col("value")],
    rows: kpiRows,
  };
  return { funnel, monthly, calls, hospitals, investors, stages, kpi };
}
