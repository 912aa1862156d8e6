import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/applications/status-badge";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { listApplications } from "~/modules/applications/applications.server";
import { applicationStatuses, type ApplicationStatusCode } from "~/modules/applications/status-options";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDate, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "nav.applications");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, ["company", "hospital"]);
    const url = new URL(request.url);
    const s = url.searchParams.get("status");
    // Unknown filter values and page numbers fall back instead of failing.
    const status = (applicationStatuses as readonly string[]).includes(s ?? "") ? (s as ApplicationStatusCode) : undefined;
    const p = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
    const page = Number.isFinite(p) && p >= 1 && p <= 10_000 ? p : 1;
    const kind = user.org.kind as "company" | "hospital";
    const list = await listApplications(await getDb(), { orgId: user.org.id, kind }, { status, page });
    return { kind, status: status ?? "", page, ...list };
  });
}

export default function Applications() {
  const { kind, status, page, items, total, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("applications");
  const lng = i18n.language;
  return (
    <>
      <PageHead title={t(`title.${kind}`)} description={t(`lead.${kind}`)} />
      <Card aria-labelledby="list-title">
        <h2 id="list-title" className="visually-hidden">
          {t(`title.${kind}`)}
        </h2>
        <Form method="get" className="btn-row" style={{ alignItems: "end", marginBottom: 16 }}>
          <div className="field">
            <label htmlFor="status-filter">{t("list.filterLabel")}</label>
            <select id="status-filter" name="status" defaultValue={status}>
              <option value="">{t("list.allStatuses")}</option>
              {applicationStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            {t("list.filter")}
          </button>
          <span className="muted">{t("list.count", { count: total })}</span>
        </Form>
        {items.length === 0 ? (
          status ? (
            <EmptyState title={t("list.emptyFiltered")} />
          ) : kind === "company" ? (
            <EmptyState
              title={t("list.emptyCompanyTitle")}
              action={
                <Link className="btn btn-primary" to="/needs">
                  {t("list.browseNeeds")}
                </Link>
              }
            >
              {t("list.emptyCompanyBody")}
            </EmptyState>
          ) : (
            <EmptyState title={t("list.emptyHospitalTitle")}>{t("list.emptyHospitalBody")}</EmptyState>
          )
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("fields.need")}</th>
                  <th scope="col">{kind === "company" ? t("fields.hospital") : t("fields.company")}</th>
                  <th scope="col">{t("list.filterLabel")}</th>
                  <th scope="col">{t("fields.submittedAt")}</th>
                  <th scope="col">{t("fields.lastActivity")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/applications/${a.id}`}>{a.need_title}</Link>
                    </td>
                    <td>{kind === "company" ? localName(i18n.language, a.hospital_name, a.hospital_name_en) : localName(i18n.language, a.company_name, a.company_name_en)}</td>
                    <td>
                      <StatusBadge status={a.status} />{" "}
                      {kind === "hospital" && a.status === "submitted" && !a.first_response_at ? <Badge tone="warn">{t("list.waiting")}</Badge> : null}
                    </td>
                    <td>{formatDate(a.created_at, lng)}</td>
                    <td>{formatDate(a.last_activity, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </Card>
    </>
  );
}
