import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminFilters, AdminTable } from "~/components/admin/admin-list";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { PageHead } from "~/components/ui/misc";
import { listAudit, parseAuditFilters } from "~/modules/admin/audit-log.server";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:audit.title");
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
      <AdminFilters submitLabel={t("audit.filter")} reset={{ to: "/admin/audit", label: t("funnel.reset") }}>
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
      </AdminFilters>
      <AdminTable
        count={t("audit.count", { n: log.total })}
        label={t("audit.title")}
        emptyTitle={t("audit.empty")}
        empty={log.rows.length === 0}
        page={log.page}
        pageCount={log.pageCount}
        testId="audit-table"
        head={
          <>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.event")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.org")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.detail")}</th>
          </>
        }
      >
        {log.rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.at, i18n.language)}</td>
            <td>{eventLabel(r.event)}</td>
            <td>{r.actor_email ? `${r.actor_name ?? ""} (${r.actor_email})` : "—"}</td>
            <td>{r.org_name ? localName(i18n.language, r.org_name, r.org_name_en) : "—"}</td>
            <td>{r.target_type ? `${r.target_type}${r.target_id ? ` · ${r.target_id.slice(0, 8)}` : ""}` : "—"}</td>
            <td className="audit-detail">{[r.detail === "{}" ? null : r.detail, r.ip].filter(Boolean).join(" · ")}</td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
