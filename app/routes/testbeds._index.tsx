import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { OfferStatusBadge } from "~/components/testbeds/bits";
import { OfferCard } from "~/components/testbeds/offer-card";
import { FilterPanel, ListResults, OptionFilter, SearchFilter } from "~/components/ui/list-filters";
import { Badge, Card, PageHead } from "~/components/ui/misc";
import { getCurrentUser } from "~/modules/auth/session.server";
import { parseOfferListQuery } from "~/modules/testbeds/list-query.server";
import { irbStatuses } from "~/modules/testbeds/testbed-options";
import { listOpenOffers, listOrgOffers } from "~/modules/testbeds/testbeds.server";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // Any query string is accepted: unknown or malformed values fall back to defaults.
  const query = parseOfferListQuery(new URL(request.url).searchParams);
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const me = current?.user;
    const db = await getDb();
    const result = await listOpenOffers(db, query);
    // A hospital sees its own offers (drafts and closed ones too) above the public list.
    const mine = me?.org.kind === "hospital" ? await listOrgOffers(db, me.org.id) : null;
    return {
      query,
      ...result,
      mine,
      canPost: me?.org.kind === "hospital",
      canRequest: me?.org.kind === "company",
      filtered: Boolean(query.q || query.area || query.field || query.stage || query.irb),
    };
  });
}


function MyOffers() {
  const { mine } = useLoaderData<typeof loader>();
  const { t } = useTranslation("testbeds");
  if (!mine) return null;
  return (
    <Card aria-labelledby="mine-title" style={{ marginBottom: 20 }}>
      <h2 id="mine-title">{t("list.mine")}</h2>
      {mine.length === 0 ? (
        <p className="muted">{t("list.mineEmpty")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {mine.map((o) => (
            <li key={o.id}>
              <Link to={`/testbeds/${o.id}`}>{o.title}</Link> <OfferStatusBadge status={o.status} />
              {o.hidden ? <Badge tone="danger">{t("offerStatus.hidden")}</Badge> : null}
              {o.waiting ? <Badge tone="info">{t("list.waiting", { count: o.waiting })}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default function TestbedList() {
  const { query, rows, total, page, pageCount, canPost, canRequest, filtered } = useLoaderData<typeof loader>();
  const { t } = useTranslation("testbeds");
  return (
    <>
      <PageHead
        title={t("list.title")}
        description={t("list.lead")}
        actions={
          <>
            {canPost || canRequest ? <Link to="/testbeds/requests">{t("list.requests")}</Link> : null}
            {canPost ? (
              <Link className="btn btn-primary" to="/testbeds/new">
                {t("list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <MyOffers />
      <FilterPanel titleId="tb-filters-title" title={t("list.filters")} applyLabel={t("list.apply")} resetLabel={t("list.reset")} resetTo="/testbeds">
        <SearchFilter id="testbeds-q" label={t("list.q")} hint={t("list.qHint")} value={query.q} />
        <TermSelect anyLabel={t("list.any")} id="testbeds-area" name="area" label={t("list.area")} terms={clinicalAreas} value={query.area} />
        <TermSelect anyLabel={t("list.any")} id="testbeds-field" name="field" label={t("list.field")} terms={techFields} value={query.field} />
        <TermSelect anyLabel={t("list.any")} id="testbeds-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
        <OptionFilter id="testbeds-irb" name="irb" label={t("list.irb")} anyLabel={t("list.any")} options={irbStatuses.map((v) => ({ value: v, label: t(`irb.${v}`) }))} value={query.irb} />
      </FilterPanel>
      <ListResults
        countLabel={t("list.count", { count: total })}
        rows={rows}
        renderRow={(o) => <OfferCard key={o.id} offer={o} />}
        emptyTitle={t("list.emptyTitle")}
        emptyBody={filtered ? t("list.emptyFiltered") : t("list.emptyNone")}
        page={page}
        pageCount={pageCount}
      />
    </>
  );
}
