import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { requireUser } from "~/modules/auth/session.server";
import { notificationKey } from "~/modules/notifications/kinds";
import { listNotifications, markAllRead, openNotification } from "~/modules/notifications/notifications.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "applications:notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireUser(request);
    const p = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
    const page = Number.isFinite(p) && p >= 1 && p <= 10_000 ? p : 1;
    return { page, ...(await listNotifications(await getDb(), user.id, page)) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requireUser(request));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data({ ok: false }, { status: 400 });
  }
  const intent = form.get("intent");
  return withDb(async () => {
    const db = await getDb();
    if (intent === "read-all") {
      await markAllRead(db, user.id);
      return redirectWithToast("/notifications", { key: "applications:toast.allRead", kind: "success" });
    }
    if (intent === "open") {
      const id = form.get("id");
      if (typeof id !== "string" || !/^\d{1,18}$/.test(id)) return data({ ok: false }, { status: 400 });
      // Someone else's notification id: nothing happens, and it looks like a missing one.
      const link = await openNotification(db, user.id, id);
      if (!link) notFound();
      throw redirect(link);
    }
    return data({ ok: false }, { status: 400 });
  });
}

export default function Notifications() {
  const { items, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("applications");
  const unread = items.some((n) => !n.read_at);
  return (
    <>
      <PageHead
        title={t("notifications.title")}
        description={t("notifications.lead")}
        actions={
          unread ? (
            <Form method="post">
              <SubmitButton name="intent" value="read-all" pendingText="…">
                {t("notifications.markAllRead")}
              </SubmitButton>
            </Form>
          ) : null
        }
      />
      <Card aria-labelledby="notif-title">
        <h2 id="notif-title" className="visually-hidden">
          {t("notifications.title")}
        </h2>
        {items.length === 0 ? (
          <EmptyState title={t("notifications.empty")}>{t("notifications.emptyBody")}</EmptyState>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {items.map((n) => (
              <li key={n.id} style={{ display: "flex", gap: 12, alignItems: "center", justifyContent: "space-between" }}>
                <div>
                  {!n.read_at ? <Badge tone="info">{t("notifications.unread")}</Badge> : null}{" "}
                  <span id={`notif-${n.id}`} style={{ fontWeight: n.read_at ? undefined : 600 }}>
                    {t(notificationKey(n.kind, n.params), n.params)}
                  </span>
                  <br />
                  <small className="muted">{formatDateTime(n.created_at, i18n.language)}</small>
                </div>
                <Form method="post">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="btn btn-sm" name="intent" value="open" aria-describedby={`notif-${n.id}`}>
                    {t("notifications.open")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </Card>
    </>
  );
}
