import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { UserActions } from "~/components/admin/user-actions";
import { Badge, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { searchUsers } from "~/modules/admin/people.server";
import { handleUserAction } from "~/modules/admin/user-actions.server";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "사용자 · MediBridge" }];
export const links = adminLinks;

function readQuery(sp: URLSearchParams) {
  const page = Number(sp.get("page"));
  const state = sp.get("state");
  return {
    q: (sp.get("q") ?? "").replace(/\u0000/g, "").trim().slice(0, 100),
    state: state === "disabled" || state === "active" ? state : "",
    page: Number.isInteger(page) && page > 0 && page < 100000 ? page : 1,
  };
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
      <Form method="get" className="admin-filters" role="search" style={{ marginBottom: 16 }}>
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
        <div className="btn-row">
          <button type="submit" className="btn btn-primary">
            {t("users.searchButton")}
          </button>
        </div>
      </Form>
      <p className="muted">{t("users.count", { n: list.total })}</p>
      {list.rows.length === 0 ? (
        <EmptyState title={t("users.empty")} />
      ) : (
        <div className="table-wrap" role="region" aria-label={t("users.title")} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.org")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} data-testid={`user-${u.email}`}>
                  <td>
                    {u.name} {u.role === "owner" ? <Badge>{t("users.owner")}</Badge> : null}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <Link to={`/admin/orgs/${u.org_id}`}>{u.org_name}</Link> <span className="muted">· {t(`common:kinds.${u.org_kind}`)}</span>
                  </td>
                  <td>
                    {u.disabled_at ? (
                      <Badge tone="danger">{t("users.disabledSince", { at: formatDateTime(u.disabled_at, i18n.language) })}</Badge>
                    ) : (
                      <Badge tone="success">{t("users.activeSessions", { n: u.sessions })}</Badge>
                    )}
                  </td>
                  <td>
                    <UserActions user={{ id: u.id, email: u.email, disabled: Boolean(u.disabled_at) }} self={u.id === meId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </>
  );
}
