import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { DataTable } from "~/components/admin/data-table";
import { ColumnChart, HBarChart, type BarItem } from "~/components/charts/charts";
import { Card, PageHead } from "~/components/ui/misc";
import { dashboard, filterOptions } from "~/modules/analytics/analytics.server";
import { conversion, filtersToSearch, STAGES } from "~/modules/analytics/funnel";
import type { TableKey } from "~/modules/analytics/tables";
import { requireRole } from "~/modules/auth/session.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { termLabel } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { formatKrw, formatNumber, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:funnel.title");
export const links = adminLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    const lng = await getLocale(request);
    const db = await getDb();
    const sp = new URL(request.url).searchParams;
    const [{ filters, result, tables }, options] = await Promise.all([dashboard(db, sp, lng), filterOptions(db)]);
    return {
      filters,
      query: filtersToSearch(filters).toString(),
      totals: result.totals,
      monthly: result.monthly,
      response: result.response,
      hospitals: result.hospitals.map((h) => ({ name: h.name, rate: h.response.rate, medianHours: h.response.medianHours, applications: h.applications })),
      investors: result.investors.map((i) => ({ name: i.name, rate: i.response.rate, medianHours: i.response.medianHours, meetings: i.meetings })),
      tables,
      options: {
        calls: options.calls.map((c) => ({ id: c.id, name: localName(lng, c.name, c.nameEn) })),
        hospitals: options.hospitals.map((h) => ({ id: h.id, name: localName(lng, h.name, h.nameEn) })),
        stages: STAGES.map((s) => ({ code: s, label: termLabel("growth_stage", s, lng) })),
      },
    };
  });
}

function Kpi({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <li className="kpi" data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {sub ? <span className="kpi-sub">{sub}</span> : null}
    </li>
  );
}

export default function AdminFunnel() {
  const d = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const nav = useNavigation();
  const busy = nav.state !== "idle" && nav.location?.pathname === "/admin/funnel";
  const n = (v: number) => formatNumber(v, lng);
  const pct = (v: number | null) => (v === null ? "—" : `${n(v)}%`);
  const hours = (v: number | null) => (v === null ? "—" : t("funnel.hours", { n: n(v) }));
  const csv = (key: TableKey) => `/admin/export/${key}?${d.query}&lng=${lng}`;
  const tot = d.totals;

  const track = (steps: [string, number][]): BarItem[] =>
    steps.map(([key, value], i) => {
      const conv = i > 0 ? conversion(steps[i - 1][1], value) : null;
      return { label: t(`funnel.step.${key}`), value, display: n(value), note: conv === null ? undefined : t("funnel.fromPrev", { pct: n(conv) }) };
    });
  const needsTrack = track([
    ["needs", tot.needs],
    ["applications", tot.applications],
    ["shortlisted", tot.shortlisted],
    ["accepted", tot.accepted],
  ]);
  const testbedTrack = track([
    ["testbedRequested", tot.testbedRequested],
    ["testbedCompleted", tot.testbedCompleted],
  ]);
  const pitchTrack = track([
    ["pitches", tot.pitches],
    ["meetings", tot.meetings],
    ["committed", tot.committed],
    ["invested", tot.invested],
  ]);
  const describe = (items: BarItem[]) => items.map((i) => `${i.label} ${i.display}${i.note ? ` (${i.note})` : ""}`).join(", ");

  // Ticks are month numbers (they fit a phone); the year goes under January, and under
  // the first month unless January follows right after it.
  const months = d.monthly.map((m) => String(Number(m.month.slice(5))));
  const years = d.monthly.map((m, i) => (m.month.endsWith("-01") || (i === 0 && !d.monthly[1]?.month.endsWith("-01")) ? m.month.slice(0, 4) : null));
  const periodText = `${d.filters.from} ~ ${d.filters.to}`;
  const activity = [
    { name: t("funnel.step.needs"), values: d.monthly.map((m) => m.needs), tone: 0 as const },
    { name: t("funnel.step.applications"), values: d.monthly.map((m) => m.applications), tone: 1 as const },
    { name: t("funnel.step.accepted"), values: d.monthly.map((m) => m.accepted), tone: 2 as const },
    { name: t("funnel.step.meetings"), values: d.monthly.map((m) => m.meetings), tone: 3 as const },
  ];
  const activityDesc = d.monthly.map((m, i) => `${m.month}: ${activity.map((s) => `${s.name} ${s.values[i]}`).join(", ")}`).join("; ");
  const invested = [{ name: t("funnel.col.investedKrw"), values: d.monthly.map((m) => m.investedKrw), tone: 1 as const }];
  const investedDesc = d.monthly.map((m) => `${m.month}: ${formatKrw(m.investedKrw, lng)}`).join("; ");
  const responseItems: BarItem[] = d.hospitals.map((h) => ({ label: h.name, value: h.rate ?? 0, display: pct(h.rate), note: h.medianHours === null ? undefined : t("funnel.median", { h: hours(h.medianHours) }) }));
  const investorItems: BarItem[] = d.investors.map((h) => ({ label: h.name, value: h.rate ?? 0, display: pct(h.rate), note: h.medianHours === null ? undefined : t("funnel.median", { h: hours(h.medianHours) }) }));

  return (
    <>
      <AdminNav />
      <PageHead title={t("funnel.title")} description={t("funnel.lead", { period: periodText })} />
      <Card aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("funnel.filters")}
        </h2>
        <Form method="get" className="admin-filters" aria-busy={busy || undefined}>
          <div className="field">
            <label htmlFor="f-from">{t("funnel.from")}</label>
            <input id="f-from" type="month" name="from" defaultValue={d.filters.from} />
          </div>
          <div className="field">
            <label htmlFor="f-to">{t("funnel.to")}</label>
            <input id="f-to" type="month" name="to" defaultValue={d.filters.to} />
          </div>
          <div className="field">
            <label htmlFor="f-call">{t("funnel.call")}</label>
            <select id="f-call" name="call" defaultValue={d.filters.callId ?? ""}>
              <option value="">{t("funnel.allPrograms")}</option>
              {d.options.calls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-hospital">{t("funnel.hospital")}</label>
            <select id="f-hospital" name="hospital" defaultValue={d.filters.hospitalId ?? ""}>
              <option value="">{t("funnel.allHospitals")}</option>
              {d.options.hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-stage">{t("funnel.stage")}</label>
            <select id="f-stage" name="stage" defaultValue={d.filters.stage ?? ""}>
              <option value="">{t("funnel.allStages")}</option>
              {d.options.stages.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t("funnel.applying") : t("funnel.apply")}
            </button>
            <Link to="/admin/funnel" className="btn btn-ghost">
              {t("funnel.reset")}
            </Link>
            <a className="btn" href={csv("kpi")} download data-testid="csv-kpi-top">
              {t("funnel.downloadKpi")}
            </a>
          </div>
        </Form>
        <p className="admin-note">{t("funnel.filterNote")}</p>
      </Card>

      <ul className="kpi-grid" aria-label={t("funnel.kpis")}>
        <Kpi testId="kpi-needs" label={t("funnel.step.needs")} value={n(tot.needs)} />
        <Kpi testId="kpi-applications" label={t("funnel.step.applications")} value={n(tot.applications)} sub={t("funnel.perNeed", { n: tot.needs ? n(tot.applications / tot.needs) : "—" })} />
        <Kpi testId="kpi-accepted" label={t("funnel.step.accepted")} value={n(tot.accepted)} sub={t("funnel.rateOf", { pct: pct(conversion(tot.applications, tot.accepted)) })} />
        <Kpi testId="kpi-testbeds" label={t("funnel.step.testbedCompleted")} value={n(tot.testbedCompleted)} sub={t("funnel.ofRequested", { n: n(tot.testbedRequested) })} />
        <Kpi testId="kpi-meetings" label={t("funnel.step.meetings")} value={n(tot.meetings)} sub={t("funnel.ofPitches", { n: n(tot.pitches) })} />
        <Kpi testId="kpi-invested" label={t("funnel.col.investedKrw")} value={formatKrw(tot.investedKrw, lng)} sub={t("funnel.deals", { n: n(tot.invested) })} />
        <Kpi testId="kpi-hospital-response" label={t("funnel.hospitalResponse")} value={pct(d.response.hospitals.rate)} sub={t("funnel.median", { h: hours(d.response.hospitals.medianHours) })} />
        <Kpi testId="kpi-investor-response" label={t("funnel.investorResponse")} value={pct(d.response.investors.rate)} sub={t("funnel.median", { h: hours(d.response.investors.medianHours) })} />
      </ul>

      <section className="admin-section" aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t("funnel.funnelTitle")}</h2>
        <div className="admin-charts">
          <Card>
            <h3>{t("funnel.track.needs")}</h3>
            <HBarChart title={t("funnel.track.needs")} desc={describe(needsTrack)} items={needsTrack} />
          </Card>
          <Card>
            <h3>{t("funnel.track.testbeds")}</h3>
            <HBarChart title={t("funnel.track.testbeds")} desc={describe(testbedTrack)} items={testbedTrack} />
          </Card>
          <Card>
            <h3>{t("funnel.track.pitches")}</h3>
            <HBarChart title={t("funnel.track.pitches")} desc={describe(pitchTrack)} items={pitchTrack} />
            <p className="admin-note">{t("funnel.investedNote", { committed: formatKrw(tot.committedKrw, lng), invested: formatKrw(tot.investedKrw, lng) })}</p>
          </Card>
        </div>
        <DataTable table={d.tables.funnel} csvHref={csv("funnel")} />
      </section>

      <section className="admin-section" aria-labelledby="monthly-title">
        <h2 id="monthly-title">{t("funnel.monthlyTitle")}</h2>
        <div className="admin-charts">
          <Card>
            <h3>{t("funnel.activityChart")}</h3>
            <ColumnChart title={t("funnel.activityChart")} desc={activityDesc} categories={months} sublabels={years} series={activity} format={(v) => n(v)} axisLabel={t("funnel.monthAxis")} />
          </Card>
          <Card>
            <h3>{t("funnel.investedChart")}</h3>
            <ColumnChart title={t("funnel.investedChart")} desc={investedDesc} categories={months} sublabels={years} series={invested} format={(v) => formatKrw(v, lng)} axisLabel={t("funnel.monthAxis")} />
          </Card>
        </div>
        <DataTable table={d.tables.monthly} csvHref={csv("monthly")} />
      </section>

      <section className="admin-section" aria-labelledby="calls-title">
        <h2 id="calls-title">{t("funnel.callsTitle")}</h2>
        <DataTable table={d.tables.calls} csvHref={csv("calls")} />
        <details className="admin-table">
          <summary>{t("funnel.kpiDetails")}</summary>
          <DataTable table={d.tables.kpi} csvHref={csv("kpi")} />
        </details>
      </section>

      <section className="admin-section" aria-labelledby="response-title">
        <h2 id="response-title">{t("funnel.responseTitle")}</h2>
        <p className="admin-note">{t("funnel.responseNote")}</p>
        <div className="admin-charts">
          <Card>
            <h3>{t("funnel.hospitalResponse")}</h3>
            {responseItems.length ? <HBarChart title={t("funnel.hospitalResponse")} desc={describe(responseItems)} items={responseItems} max={100} /> : <p className="muted">{t("funnel.noRows")}</p>}
          </Card>
          <Card>
            <h3>{t("funnel.investorResponse")}</h3>
            {investorItems.length ? <HBarChart title={t("funnel.investorResponse")} desc={describe(investorItems)} items={investorItems} max={100} /> : <p className="muted">{t("funnel.noRows")}</p>}
          </Card>
        </div>
        <DataTable table={d.tables.hospitals} csvHref={csv("hospitals")} />
        <DataTable table={d.tables.investors} csvHref={csv("investors")} />
      </section>

      <section className="admin-section" aria-labelledby="stages-title">
        <h2 id="stages-title">{t("funnel.stagesTitle")}</h2>
        <DataTable table={d.tables.stages} csvHref={csv("stages")} />
      </section>
    </>
  );
}
