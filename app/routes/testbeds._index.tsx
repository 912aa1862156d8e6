import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermSelect } from "~/components/terms";
import { OfferStatusBadge } from "~/components/testbeds/bits";
import { OfferCard } from "~/components/testbeds/offer-card";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { getCurrentUser } from "~/modules/auth/session.server";
import { parseOfferListQuery } from "~/modules/testbeds/list-query.server";
import { irbStatuses } from "~/modules/testbeds/testbed-options";
import { listOpenOffers, listOrgOffers } from "~/modules/testbeds/testbeds.server";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "가늠터(테스트베드) · MediBridge" }];

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
      <section className="card" aria-labelledby="tb-filters-title" style={{ marginBottom: 20 }}>
        <h2 id="tb-filters-title" className="visually-hidden">
          {t("list.filters")}
        </h2>
        <Form method="get" role="search" aria-labelledby="tb-filters-title">
          <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))", alignItems: "end" }}>
            <div className="field" style={{ gridColumn: "1 / -1" }}>
              <label htmlFor="testbeds-q">{t("list.q")}</label>
              <input id="testbeds-q" type="search" name="q" defaultValue={query.q} maxLength={100} aria-describedby="testbeds-q-hint" />
              <p className="hint" id="testbeds-q-hint">
                {t("list.qHint")}
              </p>
            </div>
            <TermSelect anyLabel={t("list.any")} id="testbeds-area" name="area" label={t("list.area")} terms={clinicalAreas} value={query.area} />
            <TermSelect anyLabel={t("list.any")} id="testbeds-field" name="field" label={t("list.field")} terms={techFields} value={query.field} />
            <TermSelect anyLabel={t("list.any")} id="testbeds-stage" name="stage" label={t("list.stage")} terms={growthStages} value={query.stage} />
            <div className="field">
              <label htmlFor="testbeds-irb">{t("list.irb")}</label>
              <select id="testbeds-irb" name="irb" defaultValue={query.irb ?? ""}>
                <option value="">{t("list.any")}</option>
                {irbStatuses.map((v) => (
                  <option key={v} value={v}>
                    {t(`irb.${v}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="btn-row">
              <button type="submit" className="btn btn-primary">
                {t("list.apply")}
              </button>
              <Link to="/testbeds">{t("list.reset")}</Link>
            </div>
          </div>
        </Form>
      </section>
      <p className="muted" role="status">
        {t("list.count", { count: total })}
      </p>
      {rows.length ? (
        <div className="stack">
          {rows.map((o) => (
            <OfferCard key={o.id} offer={o} />
          ))}
        </div>
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{filtered ? t("list.emptyFiltered") : t("list.emptyNone")}</EmptyState>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
