import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dayText, RequestStatusBadge } from "~/components/testbeds/bits";
import { EmptyState, PageHead } from "~/components/ui/misc";
import { TabLinks } from "~/components/ui/tab-links";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/auth/session.server";
import { requestListTabs } from "~/modules/testbeds/testbed-options";
import { listRequestsForOrg } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:meta.requests");

type Tab = (typeof requestListTabs)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  const tab: Tab = (requestListTabs as readonly string[]).includes(sp.get("tab") ?? "") ? (sp.get("tab") as Tab) : "active";
  const p = Number.parseInt(sp.get("page") ?? "1", 10);
  const page = Number.isFinite(p) && p >= 1 && p <= 10_000 ? p : 1;
  return withDb(async () => {
    // Hospitals see requests they received; companies the requests they sent. Nobody else.
    const user = await requireRole(request, ["hospital", "company"]);
    const result = await listRequestsForOrg(await getDb(), { id: user.org.id, kind: user.org.kind }, { tab, page });
    return { tab, side: user.org.kind as "hospital" | "company", ...result };
  });
}

export default function TestbedRequests() {
  const { tab, side, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("testbeds");
  const en = i18n.language === "en";
  return (
    <>
      <PageHead
        title={t("requests.title")}
        description={side === "hospital" ? t("requests.leadHospital") : t("requests.leadCompany")}
        actions={<Link to="/testbeds">{t("requests.toOffers")}</Link>}
      />
      <TabLinks className="tabs btn-row" label={t("requests.tabs")} tabs={requestListTabs.map((k) => ({ key: k, to: `/testbeds/requests?tab=${k}`, label: t(`requests.tab.${k}`) }))} current={tab} />
      <p className="muted" role="status">
        {t("requests.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t("requests.emptyTitle")} action={side === "company" ? <Link to="/testbeds">{t("requests.browse")}</Link> : undefined}>
          {side === "hospital" ? t("requests.emptyHospital") : t("requests.emptyCompany")}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("requests.offer")}</th>
                <th scope="col">{side === "hospital" ? t("requests.company") : t("requests.hospital")}</th>
                <th scope="col">{t("requests.status")}</th>
                <th scope="col">{t("requests.preferredStart")}</th>
                <th scope="col">{t("requests.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/testbeds/requests/${r.id}`}>{r.offer_title}</Link>
                  </td>
                  <td>{side === "hospital" ? localName(en, r.company_name, r.company_name_en) : localName(en, r.hospital_name, r.hospital_name_en)}</td>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td>{r.preferred_start ? dayText(r.preferred_start, i18n.language) : "—"}</td>
                  <td>{formatDateTime(r.updated_at, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
