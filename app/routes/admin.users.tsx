import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminFilters, AdminTable } from "~/components/admin/admin-list";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { UserActions, UserStateBadge } from "~/components/admin/user-actions";
import { Badge, PageHead } from "~/components/ui/misc";
import { searchUsers } from "~/modules/admin/people.server";
import { pageParam, searchText } from "~/modules/admin/search-params";
import { handleUserAction } from "~/modules/admin/user-actions.server";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:users.title");
export const links = adminLinks;

function readQuery(sp: URLSearchParams) {
  const state = sp.get("state");
  return { q: searchText(sp, "q"), state: state === "disabled" || state === "active" ? state : "", page: pageParam(sp) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const me = await requireRole(request, "operator");
    const query = readQuery(new URL(request.url).searchParams);
    const list = await searchUsers(await getDb(), query);
    return { query, list, meId: me.id };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData();
  const url = new URL(request.url);
  const intent = formData.get("intent");
  if (intent !== "disable" && intent !== "enable") return data({ userId: null, result: null, error: null }, { status: 400 });
  return withDb(async () => handleUserAction(await getDb(), user, formData, safeRedirect(`${url.pathname}${url.search}`, "/admin/users"), clientIp(context)));
}

export default function AdminUsers() {
  const { query, list, meId } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHead title={t("users.title")} description={t("users.lead")} />
      <AdminFilters submitLabel={t("users.searchButton")}>
        <div className="field">
          <label htmlFor="u-q">{t("users.search")}</label>
          <input id="u-q" type="search" name="q" defaultValue={query.q} placeholder={t("users.searchPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="u-state">{t("users.state")}</label>
          <select id="u-state" name="state" defaultValue={query.state}>
            <option value="">{t("users.allStates")}</option>
            <option value="active">{t("users.active")}</option>
            <option value="disabled">{t("users.disabled")}</option>
          </select>
        </div>
      </AdminFilters>
      <AdminTable
        count={t("users.count", { n: list.total })}
        label={t("users.title")}
        emptyTitle={t("users.empty")}
        empty={list.rows.length === 0}
        page={list.page}
        pageCount={list.pageCount}
        head={
          <>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.org")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.actions")}</th>
          </>
        }
      >
        {list.rows.map((u) => (
          <tr key={u.id} data-testid={`user-${u.email}`}>
            <td>
              {u.name} {u.role === "owner" ? <Badge>{t("users.owner")}</Badge> : null}
            </td>
            <td>{u.email}</td>
            <td>
              <Link to={`/admin/orgs/${u.org_id}`}>{localName(i18n.language, u.org_name, u.org_name_en)}</Link> <span className="muted">· {t(`common:kinds.${u.org_kind}`)}</span>
            </td>
            <td>
              <UserStateBadge disabledAt={u.disabled_at} sessions={u.sessions} />
            </td>
            <td>
              <UserActions user={{ id: u.id, email: u.email, disabled: Boolean(u.disabled_at) }} self={u.id === meId} />
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
