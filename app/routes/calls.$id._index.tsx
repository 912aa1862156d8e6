import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallForm } from "~/components/needs/call-form";
import { CallPeriod } from "~/components/needs/call-period";
import { NeedCard } from "~/components/needs/need-card";
import { SubmitButton } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { getCurrentUser, requireRole } from "~/modules/auth/session.server";
import { todayInSeoul } from "~/modules/needs/dates";
import { setCallStatus, updateCall } from "~/modules/needs/needs.server";
import { CallSchema, isUuid } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { formatKrw, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { getCall, listOpenNeeds } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (_t, lng) => args.data && localName(lng, args.data.call.name, args.data.call.name_en));

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  return withDb(async () => {
    const db = await getDb();
    const call = await getCall(db, id);
    if (!call) notFound();
    const current = await getCurrentUser(request);
    const needs = await listOpenNeeds(db, { callId: id, sort: "closing" }, 100);
    return { call, needs: needs.rows, isOperator: current?.user.org.kind === "operator", today: todayInSeoul() };
  });
}

/** Operators edit, close and reopen a call here. */
export async function action({ request, params }: ActionFunctionArgs) {
  await withDb(() => requireRole(request, "operator"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData();
  const intent = formData.get("intent");
  return withDb(async () => {
    const db = await getDb();
    if (intent === "close" || intent === "reopen") {
      if (!(await setCallStatus(db, id, intent === "close" ? "closed" : "open"))) notFound();
      return redirectWithToast(`/calls/${id}`, { key: intent === "close" ? "needs:toast.callClosed" : "needs:toast.callReopened", kind: "success" });
    }
    if (intent !== "save") return data(null, { status: 400 });
    if (!(await getCall(db, id))) notFound();
    const submission = parseWithZod(formData, { schema: CallSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    await updateCall(db, id, submission.value);
    return redirectWithToast(`/calls/${id}`, { key: "needs:toast.callUpdated", kind: "success" });
  });
}

export default function CallDetail() {
  const { call, needs, isOperator, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation("needs");
  const en = i18n.language === "en";
  const next = call.status === "open" ? "close" : "reopen";
  return (
    <>
      <PageHead
        title={localName(en, call.name, call.name_en)}
        description={<Badge tone={call.status === "open" ? "success" : "default"}>{t(`calls.status.${call.status}`)}</Badge>}
        actions={<Link to="/calls">{t("calls.all")}</Link>}
      />
      <div className="grid-2">
        <Card aria-labelledby="call-about">
          <h2 id="call-about">{t("calls.description")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{call.description || "—"}</p>
          <h3>{t("calls.eligibility")}</h3>
          <p style={{ whiteSpace: "pre-line" }}>{call.eligibility || "—"}</p>
        </Card>
        <Card aria-labelledby="call-facts">
          <h2 id="call-facts">{t("detail.overview")}</h2>
          <dl className="kv">
            <dt>{t("calls.period")}</dt>
            <dd>
              <CallPeriod startsOn={call.starts_on} endsOn={call.ends_on} />
            </dd>
            <dt>{t("calls.budget")}</dt>
            <dd>{formatKrw(call.budget_krw, i18n.language)}</dd>
          </dl>
          {isOperator ? (
            <Form method="post" style={{ marginTop: 12 }} onSubmit={(e) => (!confirm(t(next === "close" ? "calls.confirmClose" : "calls.confirmReopen")) ? e.preventDefault() : undefined)}>
              <SubmitButton name="intent" value={next} pendingText="…">
                {t(`calls.${next}`)}
              </SubmitButton>
            </Form>
          ) : null}
        </Card>
      </div>
      <section aria-labelledby="call-needs" style={{ marginTop: 24 }}>
        <h2 id="call-needs">{t("calls.needsTitle")}</h2>
        {needs.length ? (
          <div className="stack">
            {needs.map((n) => (
              <NeedCard key={n.id} need={n} today={today} headingLevel={3} />
            ))}
          </div>
        ) : (
          <EmptyState title={t("calls.noNeeds")} />
        )}
      </section>
      {isOperator ? (
        <Card aria-labelledby="call-edit" style={{ marginTop: 24 }}>
          <h2 id="call-edit">{t("calls.edit")}</h2>
          <CallForm
            lastResult={lastResult}
            submitLabel={t("form.save")}
            cancelTo={`/calls/${call.id}`}
            defaultValue={{
              name: call.name,
              nameEn: call.name_en ?? "",
              description: call.description,
              eligibility: call.eligibility,
              budgetKrw: call.budget_krw != null ? String(call.budget_krw) : "",
              startsOn: call.starts_on ?? "",
              endsOn: call.ends_on ?? "",
            }}
          />
        </Card>
      ) : null}
    </>
  );
}
