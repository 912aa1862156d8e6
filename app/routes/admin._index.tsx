import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { SubmitButton } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { decideVerification, listVerificationQueue } from "~/modules/orgs/orgs.server";
import { RejectSchema, VerifySchema } from "~/modules/orgs/schemas";
import { formatBusinessNumber, isValidBusinessNumber } from "~/modules/validation/business-number";
import { getDb } from "~/utils/db.server";
import { formatDate, localName } from "~/utils/format";
import { useErrorText } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:title");
export const links = adminLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    const queue = await listVerificationQueue(await getDb());
    return {
      queue: queue.map((o) => ({ ...o, business_no: o.business_no ? formatBusinessNumber(o.business_no) : null, businessNoValid: o.business_no ? isValidBusinessNumber(o.business_no) : false })),
    };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ip = clientIp(context);
  return withDb(async () => {
    const db = await getDb();
    if (intent === "verify") {
      const s = parseWithZod(formData, { schema: VerifySchema });
      if (s.status !== "success") return data({ orgId: null, result: s.reply() }, { status: 400 });
      const r = await decideVerification(db, { userId: user.id, orgId: user.org.id }, { orgId: s.value.orgId, decision: "verify" }, ip);
      if (!r.ok) notFound();
      return redirectWithToast("/admin", { key: "admin:toast.verified", params: { name: r.name ?? "" }, kind: "success" });
    }
    if (intent === "reject") {
      const s = parseWithZod(formData, { schema: RejectSchema });
      const orgId = typeof formData.get("orgId") === "string" ? String(formData.get("orgId")) : null;
      if (s.status !== "success") return data({ orgId, result: s.reply() }, { status: 400 });
      const r = await decideVerification(db, { userId: user.id, orgId: user.org.id }, { orgId: s.value.orgId, decision: "reject", reason: s.value.reason }, ip);
      if (!r.ok) notFound();
      return redirectWithToast("/admin", { key: "admin:toast.rejected", params: { name: r.name ?? "" }, kind: "info" });
    }
    return data({ orgId: null, result: null }, { status: 400 });
  });
}

function QueueItem({ org }: { org: ReturnType<typeof useLoaderData<typeof loader>>["queue"][number] }) {
  const { t, i18n } = useTranslation("admin");
  const actionData = useActionData<typeof action>();
  const errText = useErrorText();
  const mine = actionData?.orgId === org.id ? actionData.result : null;
  const reasonErrors = mine && "error" in mine && mine.error ? (mine.error as Record<string, string[] | null>).reason : null;
  return (
    <Card aria-labelledby={`org-${org.id}`}>
      <div className="page-head" style={{ marginBottom: 8 }}>
        <div>
          <h3 id={`org-${org.id}`}>{localName(i18n.language, org.name, org.name_en)}</h3>
          <span className="tags">
            <Badge>{t(`common:kinds.${org.kind}`)}</Badge>
            {org.institution_type ? <Badge>{t(`auth:institutionTypes.${org.institution_type}`)}</Badge> : null}
          </span>
        </div>
        <Link to={`/orgs/${org.slug}`}>{t("queue.viewProfile")}</Link>
      </div>
      <dl className="kv">
        <dt>{t("queue.businessNo")}</dt>
        <dd>
          {org.business_no ?? "—"} {org.businessNoValid ? <Badge tone="success">{t("queue.checkDigitOk")}</Badge> : <Badge tone="danger">{t("queue.checkDigitBad")}</Badge>}
        </dd>
        <dt>{t("queue.website")}</dt>
        <dd>{org.website ?? "—"}</dd>
        <dt>{t("queue.applied")}</dt>
        <dd>{formatDate(org.created_at, i18n.language)}</dd>
      </dl>
      <div className="queue-actions">
        <Form method="post">
          <input type="hidden" name="orgId" value={org.id} />
          <SubmitButton variant="primary" name="intent" value="verify" pendingText={t("queue.verifying")}>
            {t("queue.verify")}
          </SubmitButton>
        </Form>
        {/* <details> keeps rejection usable without JavaScript. */}
        <details className="reject-box" open={Boolean(reasonErrors)}>
          <summary className="btn">{t("queue.reject")}</summary>
          <Form method="post" className="form" style={{ marginTop: 12 }}>
            <input type="hidden" name="orgId" value={org.id} />
            <TextAreaField label={t("queue.reason")} name="reason" required hint={t("queue.reasonHint")} errors={errText(reasonErrors)} />
            <div className="btn-row">
              <SubmitButton variant="danger" name="intent" value="reject" pendingText={t("queue.rejecting")}>
                {t("queue.confirmReject")}
              </SubmitButton>
            </div>
          </Form>
        </details>
      </div>
    </Card>
  );
}

export default function Admin() {
  const { queue } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <PageHead title={t("title")} description={t("lead")} />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t("queue.title")} <Badge tone={queue.length ? "warn" : "success"}>{queue.length}</Badge>
        </h2>
        {queue.length === 0 ? (
          <EmptyState title={t("queue.emptyTitle")}>{t("queue.emptyBody")}</EmptyState>
        ) : (
          <div className="stack">
            {queue.map((o) => (
              <QueueItem key={o.id} org={o} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
