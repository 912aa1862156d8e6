import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { PitchStatusBadge, RoundBadge } from "~/components/pitches/pitch-bits";
import { PitchCard } from "~/components/pitches/pitch-card";
import { Badge, Card, EmptyState, Notice, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { requireUser } from "~/modules/auth/session.server";
import { scoresForInvestor } from "~/modules/matching/service.server";
import { canBrowse, listOwnPitches, listPitches } from "~/modules/pitches/pitches.server";
import { rounds } from "~/modules/pitches/rounds";
import { ASK_STEPS, pitchSorts, signalFilters } from "~/modules/pitches/list-options";
import { parsePitchListQuery } from "~/modules/pitches/list-query.server";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { formatDate, formatKrw } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "피치 · MediBridge" }];

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
    const scores = user.org.kind === "investor" ? await scoresForInvestor(db, user.org.id) : null;
    const effective = query.sort === "match" && !scores ? { ...query, sort: "newest" as const } : query;
    // Operators also see hidden pitches (marked), to moderate them.
    const result = await listPitches(db, effective, { rank: scores ?? undefined, includeHidden: user.org.kind === "operator" });
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
  return (
    <>
      <PageHead title={t("list.title")} description={t("list.lead")} />
      {readOnly ? <Notice>{t("list.operatorNote")}</Notice> : null}
      <section className="card" aria-labelledby="pitch-filters-title" style={{ marginBottom: 20 }}>
        <h2 id="pitch-filters-title" className="visually-hidden">
          {t("list.filters")}
        </h2>
        <Form method="get" role="search" aria-labelledby="pitch-filters-title">
          <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))", alignItems: "end" }}>
            <div className="field" style={{ gridColumn: "1 / -1" }}>
              <label htmlFor="pitches-q">{t("list.q")}</label>
              <input id="pitches-q" type="search" name="q" defaultValue={query.q} maxLength={100} aria-describedby="pitches-q-hint" />
              <p className="hint" id="pitches-q-hint">
                {t("list.qHint")}
              </p>
            </div>
            <TermSelect anyLabel={t("list.any")} id="pitches-field" name="field" label={t("fields.techFields")} terms={techFields} value={query.field} />
            <TermSelect anyLabel={t("list.any")} id="pitches-area" name="area" label={t("fields.clinicalAreas")} terms={clinicalAreas} value={query.area} />
            <div className="field">
              <label htmlFor="pitches-round">{t("fields.round")}</label>
              <select id="pitches-round" name="round" defaultValue={query.round ?? ""}>
                <option value="">{t("list.any")}</option>
                {rounds.map((r) => (
                  <option key={r.code} value={r.code}>
                    {en ? r.label.en : r.label.ko}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pitches-ask-min">{t("list.askMin")}</label>
              <select id="pitches-ask-min" name="askMin" defaultValue={query.askMin !== undefined ? String(query.askMin) : ""}>
                <option value="">{t("list.any")}</option>
                {ASK_STEPS.map((v) => (
                  <option key={v} value={v}>
                    {formatKrw(v, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pitches-ask-max">{t("list.askMax")}</label>
              <select id="pitches-ask-max" name="askMax" defaultValue={query.askMax !== undefined ? String(query.askMax) : ""}>
                <option value="">{t("list.any")}</option>
                {ASK_STEPS.map((v) => (
                  <option key={v} value={v}>
                    {formatKrw(v, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pitches-sort">{t("list.sort")}</label>
              <select id="pitches-sort" name="sort" defaultValue={query.sort}>
                {pitchSorts
                  .filter((v) => v !== "match" || canMatch)
                  .map((v) => (
                    <option key={v} value={v}>
                      {sortLabel[v]}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pitches-signal">{t("list.signal")}</label>
              <select id="pitches-signal" name="signal" defaultValue={query.signal ?? ""}>
                <option value="">{t("list.any")}</option>
                {signalFilters.map((v) => (
                  <option key={v} value={v}>
                    {t(`list.signalOption.${v}`)}
                  </option>
                ))}
              </select>
            </div>
            <TermSelect anyLabel={t("list.any")} id="pitches-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
            <div className="btn-row">
              <button type="submit" className="btn btn-primary">
                {t("list.apply")}
              </button>
              <Link to="/pitches">{t("list.reset")}</Link>
            </div>
          </div>
        </Form>
      </section>
      <p className="muted" role="status">
        {t("list.count", { count: total })}
      </p>
      {rows.length ? (
        <div className="stack">
          {rows.map((p) => (
            <PitchCard key={p.id} pitch={p} matchScore={matchScores ? matchScores[p.id] : undefined} />
          ))}
        </div>
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{filtered ? t("list.emptyFiltered") : t("list.emptyNone")}</EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
