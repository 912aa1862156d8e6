import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { listAudit, parseAuditFilters } from "~/modules/admin/audit-log.server";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { withDb } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "감사 로그 · MediBridge" }];
export const links = adminLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    const log = await listAudit(await getDb(), filters);
    return { filters, log };
  });
}

export default function AdminAudit() {
  const { filters, log } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const eventLabel = (e: string) => t(`audit.events.${e.replace(/\./g, "_")}`, { defaultValue: e });
  return (
    <>
      <AdminNav />
      <PageHead title={t("audit.title")} description={t("audit.lead")} />
      <Form method="get" className="admin-filters" role="search" style={{ marginBottom: 16 }}>
        <div className="field">
          <label htmlFor="a-who">{t("audit.who")}</label>
          <input id="a-who" type="search" name="who" defaultValue={filters.who ?? ""} placeholder={t("audit.whoPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="a-org">{t("audit.org")}</label>
          <input id="a-org" type="search" name="org" defaultValue={filters.org ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-event">{t("audit.event")}</label>
          <select id="a-event" name="event" defaultValue={filters.event ?? ""}>
            <option value="">{t("audit.allEvents")}</option>
            {log.events.map((e) => (
              <option key={e} value={e}>
                {eventLabel(e)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("audit.from")}</label>
          <input id="a-from" type="date" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("audit.to")}</label>
          <input id="a-to" type="date" name="to" defaultValue={filters.to ?? ""} />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn btn-primary">
            {t("audit.filter")}
          </button>
          <Link to="/admin/audit" className="btn btn-ghost">
            {t("funnel.reset")}
          </Link>
        </div>
      </Form>
      <p className="muted">{t("audit.count", { n: log.total })}</p>
      {log.rows.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <div className="table-wrap" role="region" aria-label={t("audit.title")} tabIndex={0}>
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.event")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.org")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at, i18n.language)}</td>
                  <td>{eventLabel(r.event)}</td>
                  <td>{r.actor_email ? `${r.actor_name ?? ""} (${r.actor_email})` : "—"}</td>
                  <td>{r.org_name ?? "—"}</td>
                  <td>{r.target_type ? `${r.target_type}${r.target_id ? ` · ${r.target_id.slice(0, 8)}` : ""}` : "—"}</td>
                  <td className="audit-detail">{[r.detail === "{}" ? null : r.detail, r.ip].filter(Boolean).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={log.page} pageCount={log.pageCount} />
    </>
  );
}
