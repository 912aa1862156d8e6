import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { PitchStatusBadge, RoundBadge } from "~/components/pitches/pitch-bits";
import { PitchCard } from "~/components/pitches/pitch-card";
import { FilterPanel, ListResults, OptionFilter, SearchFilter } from "~/components/ui/list-filters";
import { Badge, Card, EmptyState, Notice, PageHead } from "~/components/ui/misc";
import { requireUser } from "~/modules/auth/session.server";
import { scoresForInvestor, scoresForInvestorOf } from "~/modules/matching/service.server";
import { canBrowse, listOwnPitches, listPitches } from "~/modules/pitches/pitches.server";
import { rounds } from "~/modules/pitches/rounds";
import { ASK_STEPS, pitchSorts, signalFilters } from "~/modules/pitches/list-options";
import { parsePitchListQuery } from "~/modules/pitches/list-query.server";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { formatDate, formatKrw } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "pitches:nav.pitches");

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parsePitchListQuery(new URL(request.url).searchParams);
  return withDb(async () => {
    const user = await requireUser(request);
    const db = await getDb();
    const viewer = { userId: user.id, orgId: user.org.id, orgKind: user.org.kind, orgStatus: user.org.status };
    if (user.org.kind === "company") {
      // A company sees only its own pitches here (other companies' pitches are for investors).
      return { mode: "own" as const, own: await listOwnPitches(db, user.org.id), verified: user.org.status === "verified" };
    }
    if (!canBrowse(viewer)) notFound();
    const investor = user.org.kind === "investor";
    // "Best match" ranks every pitch; any other order scores only the page it shows.
    const ranked = investor && query.sort === "match" ? await scoresForInvestor(db, user.org.id) : null;
    const effective = query.sort === "match" && !investor ? { ...query, sort: "newest" as const } : query;
    // Operators also see hidden pitches (marked), to moderate them.
    const result = await listPitches(db, effective, { rank: ranked ?? undefined, includeHidden: user.org.kind === "operator" });
    const scores = ranked ?? (investor ? await scoresForInvestorOf(db, user.org.id, result.rows.map((r) => r.id)) : null);
    return {
      mode: "browse" as const,
      query: effective,
      ...result,
      readOnly: user.org.kind === "operator",
      canMatch: Boolean(scores),
      matchScores: scores ? Object.fromEntries(result.rows.map((r) => [r.id, scores.get(r.id) ?? 0])) : null,
      filtered: Boolean(query.q || query.field || query.area || query.round || query.askMin !== undefined || query.askMax !== undefined || query.signal || query.stage),
    };
  });
}


function OwnPitches() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("pitches");
  if (data.mode !== "own") return null;
  return (
    <>
      <PageHead
        title={t("own.title")}
        description={t("own.lead")}
        actions={
          <Link className="btn btn-primary" to="/pitches/new">
            {t("own.new")}
          </Link>
        }
      />
      {!data.verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      {data.own.length === 0 ? (
        <EmptyState
          title={t("own.emptyTitle")}
          action={
            <Link className="btn btn-primary" to="/pitches/new">
              {t("own.new")}
            </Link>
          }
        >
          {t("own.emptyBody")}
        </EmptyState>
      ) : (
        <Card>
          <div className="table-wrap" role="region" aria-label={t("own.title")} tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("fields.title")}</th>
                  <th scope="col">{t("own.status")}</th>
                  <th scope="col">{t("fields.round")}</th>
                  <th scope="col">{t("fields.ask")}</th>
                  <th scope="col">{t("own.views")}</th>
                  <th scope="col">{t("own.updated")}</th>
                  <th scope="col">{t("own.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.own.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/pitches/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      <PitchStatusBadge status={p.status} /> {p.hidden ? <Badge tone="danger">{t("status.hidden")}</Badge> : null}
                    </td>
                    <td>
                      <RoundBadge round={p.round} />
                    </td>
                    <td>{formatKrw(p.ask_krw, i18n.language)}</td>
                    <td>{t("own.viewCount", { views: p.views, investors: p.investors })}</td>
                    <td>{formatDate(p.updated_at, i18n.language)}</td>
                    <td>
                      <Link to={`/pitches/${p.id}/edit`} aria-label={t("own.editLabel", { title: p.title })}>
                        {t("own.edit")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}

export default function PitchesList() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("pitches");
  if (data.mode === "own") return <OwnPitches />;
  const { query, rows, total, page, pageCount, canMatch, matchScores, filtered, readOnly } = data;
  const en = i18n.language === "en";
  const sortLabel: Record<string, string> = { newest: t("list.sortNewest"), "ask-low": t("list.sortAskLow"), "ask-high": t("list.sortAskHigh"), match: t("list.sortMatch") };
  const askOptions = ASK_STEPS.map((v) => ({ value: v, label: formatKrw(v, i18n.language) }));
  return (
    <>
      <PageHead title={t("list.title")} description={t("list.lead")} />
      {readOnly ? <Notice>{t("list.operatorNote")}</Notice> : null}
      <FilterPanel titleId="pitch-filters-title" title={t("list.filters")} applyLabel={t("list.apply")} resetLabel={t("list.reset")} resetTo="/pitches">
        <SearchFilter id="pitches-q" label={t("list.q")} hint={t("list.qHint")} value={query.q} />
        <TermSelect anyLabel={t("list.any")} id="pitches-field" name="field" label={t("fields.techFields")} terms={techFields} value={query.field} />
        <TermSelect anyLabel={t("list.any")} id="pitches-area" name="area" label={t("fields.clinicalAreas")} terms={clinicalAreas} value={query.area} />
        <OptionFilter id="pitches-round" name="round" label={t("fields.round")} anyLabel={t("list.any")} options={rounds.map((r) => ({ value: r.code, label: en ? r.label.en : r.label.ko }))} value={query.round} />
        <OptionFilter id="pitches-ask-min" name="askMin" label={t("list.askMin")} anyLabel={t("list.any")} options={askOptions} value={query.askMin !== undefined ? String(query.askMin) : undefined} />
        <OptionFilter id="pitches-ask-max" name="askMax" label={t("list.askMax")} anyLabel={t("list.any")} options={askOptions} value={query.askMax !== undefined ? String(query.askMax) : undefined} />
        <OptionFilter
          id="pitches-sort"
          name="sort"
          label={t("list.sort")}
          options={pitchSorts.filter((v) => v !== "match" || canMatch).map((v) => ({ value: v, label: sortLabel[v] }))}
          value={query.sort}
        />
        <OptionFilter id="pitches-signal" name="signal" label={t("list.signal")} anyLabel={t("list.any")} options={signalFilters.map((v) => ({ value: v, label: t(`list.signalOption.${v}`) }))} value={query.signal} />
        <TermSelect anyLabel={t("list.any")} id="pitches-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
      </FilterPanel>
      <ListResults
        countLabel={t("list.count", { count: total })}
        rows={rows}
        renderRow={(p) => <PitchCard key={p.id} pitch={p} matchScore={matchScores ? matchScores[p.id] : undefined} />}
        emptyTitle={t("list.emptyTitle")}
        emptyBody={filtered ? t("list.emptyFiltered") : t("list.emptyNone")}
        page={page}
        pageCount={pageCount}
      />
    </>
  );
}
