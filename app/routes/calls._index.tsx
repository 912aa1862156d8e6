import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { getCurrentUser } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatKrw, localName } from "~/utils/format";
import { CallPeriod } from "~/components/needs/call-period";
import { withDb } from "~/utils/http.server";
import { listCalls } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "needs:meta.calls");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const current = await getCurrentUser(request);
    return { calls: await listCalls(await getDb()), isOperator: current?.user.org.kind === "operator" };
  });
}

export default function Calls() {
  const { calls, isOperator } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("needs");
  const en = i18n.language === "en";
  return (
    <>
      <PageHead
        title={t("calls.title")}
        description={t("calls.lead")}
        actions={
          isOperator ? (
            <Link className="btn btn-primary" to="/calls/new">
              {t("calls.new")}
            </Link>
          ) : null
        }
      />
      {calls.length ? (
        <div className="stack">
          {calls.map((c) => (
            <Card key={c.id} aria-labelledby={`call-${c.id}`}>
              <h2 id={`call-${c.id}`} style={{ fontSize: "1.12rem" }}>
                <Link to={`/calls/${c.id}`}>{localName(en, c.name, c.name_en)}</Link>
              </h2>
              <p className="tags">
                <Badge tone={c.status === "open" ? "success" : "default"}>{t(`calls.status.${c.status}`)}</Badge>
                <Badge tone="info">{t("calls.openNeeds", { count: c.open_needs })}</Badge>
              </p>
              <dl className="kv">
                <dt>{t("calls.period")}</dt>
                <dd>
                  <CallPeriod startsOn={c.starts_on} endsOn={c.ends_on} />
                </dd>
                <dt>{t("calls.budget")}</dt>
                <dd>{formatKrw(c.budget_krw, i18n.language)}</dd>
              </dl>
            </Card>
          ))}
        </div>
      ) : (
        <EmptyState title={t("calls.empty")} />
      )}
    </>
  );
}
