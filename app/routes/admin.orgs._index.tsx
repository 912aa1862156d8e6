import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminFilters, AdminTable } from "~/components/admin/admin-list";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { Badge, PageHead } from "~/components/ui/misc";
import { searchOrgs } from "~/modules/admin/people.server";
import { pageParam, searchText } from "~/modules/admin/search-params";
import { requireRole } from "~/modules/auth/session.server";
import { formatBusinessNumber } from "~/modules/validation/business-number";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { localName } from "~/utils/format";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:orgs.title");
export const links = adminLinks;

const KINDS = ["hospital", "company", "investor", "operator"] as const;
const STATUSES = ["pending", "verified", "rejected"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    const sp = new URL(request.url).searchParams;
    const kind = (KINDS as readonly string[]).includes(sp.get("kind") ?? "") ? String(sp.get("kind")) : "";
    const status = (STATUSES as readonly string[]).includes(sp.get("status") ?? "") ? String(sp.get("status")) : "";
    const query = { q: searchText(sp, "q"), kind, status, page: pageParam(sp) };
    const list = await searchOrgs(await getDb(), query);
    return { query, list: { ...list, rows: list.rows.map((r) => ({ ...r, business_no: r.business_no ? formatBusinessNumber(r.business_no) : null })) } };
  });
}

const statusTone = (s: string) => (s === "verified" ? "success" : s === "pending" ? "warn" : "danger") as "success" | "warn" | "danger";

export default function AdminOrgs() {
  const { query, list } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHead title={t("orgs.title")} description={t("orgs.lead")} />
      <AdminFilters submitLabel={t("orgs.searchButton")}>
        <div className="field">
          <label htmlFor="o-q">{t("orgs.search")}</label>
          <input id="o-q" type="search" name="q" defaultValue={query.q} placeholder={t("orgs.searchPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="o-kind">{t("orgs.kind")}</label>
          <select id="o-kind" name="kind" defaultValue={query.kind}>
            <option value="">{t("orgs.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`common:kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="o-status">{t("orgs.status")}</label>
          <select id="o-status" name="status" defaultValue={query.status}>
            <option value="">{t("orgs.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`orgs.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </AdminFilters>
      <AdminTable
        count={t("orgs.count", { n: list.total })}
        label={t("orgs.title")}
        emptyTitle={t("orgs.empty")}
        empty={list.rows.length === 0}
        page={list.page}
        pageCount={list.pageCount}
        head={
          <>
            <th scope="col">{t("orgs.name")}</th>
            <th scope="col">{t("orgs.kind")}</th>
            <th scope="col">{t("orgs.businessNo")}</th>
            <th scope="col">{t("orgs.status")}</th>
            <th scope="col" className="num">
              {t("orgs.members")}
            </th>
          </>
        }
      >
        {list.rows.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={`/admin/orgs/${o.id}`}>{localName(i18n.language, o.name, o.name_en)}</Link>
            </td>
            <td>{t(`common:kinds.${o.kind}`)}</td>
            <td>{o.business_no ?? "—"}</td>
            <td>
              <Badge tone={statusTone(o.status)}>{t(`orgs.statuses.${o.status}`)}</Badge>
            </td>
            <td className="num">{o.members}</td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
