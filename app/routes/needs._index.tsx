import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { NeedCard } from "~/components/needs/need-card";
import { EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { getCurrentUser } from "~/modules/auth/session.server";
import { scoresForCompany } from "~/modules/matching/service.server";
import { todayInSeoul } from "~/modules/needs/dates";
import { deadlineFilters, listSorts } from "~/modules/needs/list-options";
import { parseListQuery } from "~/modules/needs/list-query.server";
import { clinicalAreas, collaborationTypes, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { listOpenNeeds } from "../../db/queries/needs";

export const meta: MetaFunction = () => [{ title: "임상 수요 · MediBridge" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Any query string is accepted: unknown or malformed values fall back to defaults.
  const query = parseListQuery(new URL(request.url).searchParams);
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const db = await getDb();
    const me = current?.user;
    // A verified company sees its match score on every need and may sort by it.
    const scores = me?.org.kind === "company" && me.org.status === "verified" ? await scoresForCompany(db, me.org.id) : null;
    const effective = query.sort === "match" && !scores ? { ...query, sort: "newest" as const } : query;
    const result = await listOpenNeeds(db, effective, undefined, scores ?? undefined);
    return {
      query: effective,
      canMatch: Boolean(scores),
      matchScores: scores ? Object.fromEntries(result.rows.map((r) => [r.id, scores.get(r.id) ?? 0])) : null,
      ...result,
      today: todayInSeoul(),
      canPost: current?.user.org.kind === "hospital",
      filtered: Boolean(query.q || query.area || query.field || query.type || query.stage || query.deadline !== "all"),
    };
  });
}


export default function NeedsList() {
  const { query, rows, total, page, pageCount, today, canPost, filtered, canMatch, matchScores } = useLoaderData<typeof loader>();
  const { t } = useTranslation("needs");
  const deadlineLabel: Record<string, string> = { all: t("list.deadlineAll"), "open-deadline": t("list.deadlineOpen"), "always-on": t("list.deadlineAlways") };
  const sortLabel: Record<string, string> = { newest: t("list.sortNewest"), closing: t("list.sortClosing"), match: t("list.sortMatch") };
  return (
    <>
      <PageHead
        title={t("list.title")}
        description={t("list.lead")}
        actions={
          <>
            <Link to="/calls">{t("list.calls")}</Link>
            {canPost ? (
              <Link className="btn btn-primary" to="/needs/new">
                {t("list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card" aria-labelledby="filters-title" style={{ marginBottom: 20 }}>
        <h2 id="filters-title" className="visually-hidden">
          {t("list.filters")}
        </h2>
        {/* A plain GET form: works without JavaScript and keeps the URL shareable. */}
        <Form method="get" role="search" aria-labelledby="filters-title">
          <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))", alignItems: "end" }}>
            <div className="field" style={{ gridColumn: "1 / -1" }}>
              <label htmlFor="needs-q">{t("list.q")}</label>
              <input id="needs-q" type="search" name="q" defaultValue={query.q} maxLength={100} aria-describedby="needs-q-hint" />
              <p className="hint" id="needs-q-hint">
                {t("list.qHint")}
              </p>
            </div>
            <TermSelect anyLabel={t("list.any")} id="needs-area" name="area" label={t("list.area")} terms={clinicalAreas} value={query.area} />
            <TermSelect anyLabel={t("list.any")} id="needs-field" name="field" label={t("list.field")} terms={techFields} value={query.field} />
            <TermSelect anyLabel={t("list.any")} id="needs-type" name="type" label={t("list.type")} terms={collaborationTypes} value={query.type} />
            <TermSelect anyLabel={t("list.any")} id="needs-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
            <div className="field">
              <label htmlFor="needs-deadline">{t("list.deadline")}</label>
              <select id="needs-deadline" name="deadline" defaultValue={query.deadline}>
                {deadlineFilters.map((v) => (
                  <option key={v} value={v}>
                    {deadlineLabel[v]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="needs-sort">{t("list.sort")}</label>
              <select id="needs-sort" name="sort" defaultValue={query.sort}>
                {listSorts.filter((v) => v !== "match" || canMatch).map((v) => (
                  <option key={v} value={v}>
                    {sortLabel[v]}
                  </option>
                ))}
              </select>
            </div>
            <div className="btn-row">
              <button type="submit" className="btn btn-primary">
                {t("list.apply")}
              </button>
              <Link to="/needs">{t("list.reset")}</Link>
            </div>
          </div>
        </Form>
      </section>
      <p className="muted" role="status">
        {t("list.count", { count: total })}
      </p>
      {rows.length ? (
        <div className="stack">
          {rows.map((n) => (
            <NeedCard key={n.id} need={n} today={today} matchScore={matchScores ? matchScores[n.id] : undefined} />
          ))}
        </div>
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{filtered ? t("list.emptyFiltered") : t("list.emptyNone")}</EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
