import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { NeedCard } from "~/components/needs/need-card";
import { FilterPanel, ListResults, OptionFilter, SearchFilter } from "~/components/ui/list-filters";
import { PageHead } from "~/components/ui/misc";
import { getCurrentUser } from "~/modules/auth/session.server";
import { scoresForCompany, scoresForCompanyOf } from "~/modules/matching/service.server";
import { todayInSeoul } from "~/modules/needs/dates";
import { deadlineFilters, listSorts } from "~/modules/needs/list-options";
import { parseListQuery } from "~/modules/needs/list-query.server";
import { clinicalAreas, collaborationTypes, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { listOpenNeeds } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "needs:meta.list");

export async function loader({ request }: LoaderFunctionArgs) {
  // Any query string is accepted: unknown or malformed values fall back to defaults.
  const query = parseListQuery(new URL(request.url).searchParams);
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const db = await getDb();
    const me = current?.user;
    // A verified company sees its match score on every need and may sort by it:
    // "best match" ranks every need, any other order scores only the page shown.
    const matcher = me?.org.kind === "company" && me.org.status === "verified";
    const ranked = matcher && query.sort === "match" ? await scoresForCompany(db, me.org.id) : null;
    const effective = query.sort === "match" && !matcher ? { ...query, sort: "newest" as const } : query;
    const result = await listOpenNeeds(db, effective, undefined, ranked ?? undefined);
    const scores = ranked ?? (matcher ? await scoresForCompanyOf(db, me.org.id, result.rows.map((r) => r.id)) : null);
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
      <FilterPanel titleId="filters-title" title={t("list.filters")} applyLabel={t("list.apply")} resetLabel={t("list.reset")} resetTo="/needs">
        <SearchFilter id="needs-q" label={t("list.q")} hint={t("list.qHint")} value={query.q} />
        <TermSelect anyLabel={t("list.any")} id="needs-area" name="area" label={t("list.area")} terms={clinicalAreas} value={query.area} />
        <TermSelect anyLabel={t("list.any")} id="needs-field" name="field" label={t("list.field")} terms={techFields} value={query.field} />
        <TermSelect anyLabel={t("list.any")} id="needs-type" name="type" label={t("list.type")} terms={collaborationTypes} value={query.type} />
        <TermSelect anyLabel={t("list.any")} id="needs-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
        <OptionFilter id="needs-deadline" name="deadline" label={t("list.deadline")} options={deadlineFilters.map((v) => ({ value: v, label: deadlineLabel[v] }))} value={query.deadline} />
        <OptionFilter
          id="needs-sort"
          name="sort"
          label={t("list.sort")}
          options={listSorts.filter((v) => v !== "match" || canMatch).map((v) => ({ value: v, label: sortLabel[v] }))}
          value={query.sort}
        />
      </FilterPanel>
      <ListResults
        countLabel={t("list.count", { count: total })}
        rows={rows}
        renderRow={(n) => <NeedCard key={n.id} need={n} today={today} matchScore={matchScores ? matchScores[n.id] : undefined} />}
        emptyTitle={t("list.emptyTitle")}
        emptyBody={filtered ? t("list.emptyFiltered") : t("list.emptyNone")}
        page={page}
        pageCount={pageCount}
      />
    </>
  );
}
