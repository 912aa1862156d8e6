import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireUser } from "~/modules/auth/session.server";
import { countPending } from "~/modules/orgs/orgs.server";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "대시보드 · MediBridge" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireUser(request);
    const db = await getDb();
    const org = await db.selectFrom("organizations").select(["rejection_reason"]).where("id", "=", user.org.id).executeTakeFirstOrThrow();
    return {
      me: { name: user.name, role: user.role },
      org: { ...user.org, rejectionReason: org.rejection_reason },
      pending: user.org.kind === "operator" ? await countPending(db) : 0,
    };
  });
}

export default function Dashboard() {
  const { me, org, pending } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t("dashboard.title", { name: me.name })} description={t("dashboard.orgLine", { org: org.name, kind: t(`kinds.${org.kind}`) })} />
      {org.status === "pending" ? <Notice tone="warn">{t("dashboard.unverified")}</Notice> : null}
      {org.status === "rejected" ? <Notice tone="warn">{t("dashboard.rejected", { reason: org.rejectionReason ?? "—" })}</Notice> : null}
      <div className="grid">
        <Card aria-labelledby="role-title">
          <h2 id="role-title">{t(`kinds.${org.kind}`)}</h2>
          <p>{t(`dashboard.${org.kind}.lead`)}</p>
          {org.kind === "operator" ? (
            <>
              <p>
                <strong>{t("dashboard.operator.queue", { count: pending })}</strong>
              </p>
              <Link className="btn btn-primary" to="/admin">
                {t("dashboard.operator.goAdmin")}
              </Link>
            </>
          ) : (
            <p className="muted">{t(`dashboard.${org.kind}.next`)}</p>
          )}
        </Card>
        <Card aria-labelledby="links-title">
          <h2 id="links-title">{t("nav.account")}</h2>
          <ul>
            <li>
              <Link to={`/orgs/${org.slug}`}>{t("dashboard.profile")}</Link>
            </li>
            <li>
              <Link to="/settings">{t("dashboard.settings")}</Link>
            </li>
            <li>
              <Link to="/account">{t("dashboard.account")}</Link>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
