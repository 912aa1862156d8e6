import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { SubmitButton } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { hiddenCounts, hideItem, listItems, restoreItem } from "~/modules/admin/moderation.server";
import { HideSchema, MODERATION_TYPES, RestoreSchema, type ModerationType } from "~/modules/admin/schemas";
import { pageParam, searchText } from "~/modules/admin/search-params";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { useErrorText } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:moderation.title");
export const links = adminLinks;

function readQuery(sp: URLSearchParams) {
  const type = (MODERATION_TYPES as readonly string[]).includes(sp.get("type") ?? "") ? (sp.get("type") as ModerationType) : "need";
  const state = sp.get("state") === "hidden" ? "hidden" : "visible";
  return { type, state, q: searchText(sp, "q"), page: pageParam(sp) } as const;
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    const query = readQuery(new URL(request.url).searchParams);
    const db = await getDb();
    const [list, counts] = await Promise.all([listItems(db, query), hiddenCounts(db)]);
    return { query, list, counts };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData();
  const url = new URL(request.url);
  const back = safeRedirect(`${url.pathname}${url.search}`, "/admin/moderation");
  const intent = formData.get("intent");
  const actor = { userId: user.id, orgId: user.org.id };
  return withDb(async () => {
    const db = await getDb();
    if (intent === "hide") {
      const s = parseWithZod(formData, { schema: HideSchema });
      const id = typeof formData.get("id") === "string" ? String(formData.get("id")) : null;
      if (s.status !== "success") return data({ id, result: s.reply() }, { status: 400 });
      const r = await hideItem(db, actor, s.value, clientIp(context));
      if (!r.ok) notFound();
      return redirectWithToast(back, { key: "admin:toast.hidden", params: { title: r.title.slice(0, 60) }, kind: "success" });
    }
    if (intent === "restore") {
      const s = parseWithZod(formData, { schema: RestoreSchema });
      if (s.status !== "success") return data({ id: null, result: s.reply() }, { status: 400 });
      const r = await restoreItem(db, actor, s.value, clientIp(context));
      if (!r.ok) notFound();
      return redirectWithToast(back, { key: "admin:toast.restored", params: { title: r.title.slice(0, 60) }, kind: "success" });
    }
    return data({ id: null, result: null }, { status: 400 });
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["list"]["rows"][number];

function Item({ row, type, hidden }: { row: Row; type: ModerationType; hidden: boolean }) {
  const { t, i18n } = useTranslation("admin");
  const actionData = useActionData<typeof action>();
  const errText = useErrorText();
  const mine = actionData?.id === row.id ? actionData.result : null;
  const reasonErrors = mine && "error" in mine && mine.error ? (mine.error as Record<string, string[] | null>).reason : null;
  const orgName = localName(i18n.language, row.orgName, row.orgNameEn);
  return (
    <Card aria-labelledby={`mod-${row.id}`} className="mod-item">
      <h3 id={`mod-${row.id}`} style={{ margin: 0, fontSize: "1.05rem" }}>
        {row.link ? <Link to={row.link}>{row.title || t("moderation.untitled")}</Link> : t("moderation.messageTitle", { no: row.title })} {hidden ? <Badge tone="danger">{t("moderation.hiddenBadge")}</Badge> : null}
      </h3>
      <p className="mod-meta">
        {type === "message" ? t("moderation.author", { org: orgName }) : orgName} · {formatDateTime(row.createdAt, i18n.language)}
      </p>
      {hidden ? (
        <>
          <dl className="kv">
            <dt>{t("moderation.reason")}</dt>
            <dd>{row.hiddenReason}</dd>
            <dt>{t("moderation.hiddenAt")}</dt>
            <dd>
              {formatDateTime(row.hiddenAt, i18n.language)}
              {row.hiddenByName ? ` · ${row.hiddenByName}` : ""}
            </dd>
          </dl>
          <Form method="post">
            <input type="hidden" name="type" value={type} />
            <input type="hidden" name="id" value={row.id} />
            <SubmitButton name="intent" value="restore" pendingText={t("moderation.restoring")}>
              {t("moderation.restore")}
            </SubmitButton>
          </Form>
        </>
      ) : (
        <details className="mod-actions" open={Boolean(reasonErrors)}>
          <summary className="btn btn-sm">{t("moderation.hide")}</summary>
          <Form method="post" className="form confirm-box">
            <input type="hidden" name="type" value={type} />
            <input type="hidden" name="id" value={row.id} />
            <TextAreaField label={t("moderation.reason")} name="reason" required minLength={2} maxLength={500} hint={t("moderation.reasonHint")} errors={errText(reasonErrors)} />
            <div className="btn-row">
              <SubmitButton variant="danger" name="intent" value="hide" pendingText={t("moderation.hiding")}>
                {t("moderation.confirmHide")}
              </SubmitButton>
            </div>
          </Form>
        </details>
      )}
    </Card>
  );
}

export default function AdminModeration() {
  const { query, list, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const location = useLocation();
  const href = (p: Record<string, string>) => {
    const sp = new URLSearchParams({ type: query.type, state: query.state, ...(query.q ? { q: query.q } : {}), ...p });
    sp.delete("page");
    return `${location.pathname}?${sp.toString()}`;
  };
  const hidden = query.state === "hidden";
  return (
    <>
      <AdminNav />
      <PageHead title={t("moderation.title")} description={t("moderation.lead")} />
      <nav aria-label={t("moderation.typesLabel")}>
        <ul className="admin-subtabs">
          {MODERATION_TYPES.map((ty) => (
            <li key={ty}>
              <Link to={href({ type: ty })} aria-current={query.type === ty ? "page" : undefined}>
                {t(`moderation.types.${ty}`)} {counts[ty] ? <Badge tone="danger">{t("moderation.hiddenCount", { n: counts[ty] })}</Badge> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("moderation.stateLabel")}>
        <ul className="admin-subtabs">
          <li>
            <Link to={href({ state: "visible" })} aria-current={!hidden ? "page" : undefined}>
              {t("moderation.visible")}
            </Link>
          </li>
          <li>
            <Link to={href({ state: "hidden" })} aria-current={hidden ? "page" : undefined}>
              {t("moderation.hidden")}
            </Link>
          </li>
        </ul>
      </nav>
      <Form method="get" className="btn-row" role="search" style={{ marginBottom: 16 }}>
        <input type="hidden" name="type" value={query.type} />
        <input type="hidden" name="state" value={query.state} />
        <label htmlFor="mod-q" className="visually-hidden">
          {t("moderation.search")}
        </label>
        <input id="mod-q" type="search" name="q" defaultValue={query.q} placeholder={t("moderation.searchPlaceholder")} className="input" style={{ flex: "1 1 220px", minHeight: 40, padding: "8px 12px", border: "1px solid #b9c3cf", borderRadius: 8 }} />
        <button type="submit" className="btn">
          {t("moderation.searchButton")}
        </button>
      </Form>
      {query.type === "message" ? <p className="admin-note">{t("moderation.messageNote")}</p> : null}
      <p className="muted" aria-live="polite">
        {t("moderation.count", { n: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <EmptyState title={hidden ? t("moderation.emptyHidden") : t("moderation.empty")}>{t("moderation.emptyBody")}</EmptyState>
      ) : (
        <div className="stack">
          {list.rows.map((r) => (
            <Item key={r.id} row={r} type={query.type} hidden={hidden} />
          ))}
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </>
  );
}
