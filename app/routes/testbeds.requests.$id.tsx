import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dayText, IrbBadge, RequestStatusBadge } from "~/components/testbeds/bits";
import { SubmitButton } from "~/components/ui/button";
import { FormError, SelectField, TextAreaField } from "~/components/ui/field";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole, requireVerified } from "~/modules/auth/session.server";
import { isUuid } from "~/modules/needs/schemas";
import { CompleteSchema, declineReasons, DeclineSchema, requestIntents, type RequestIntent } from "~/modules/testbeds/schemas";
import { availableIntents, getRequestForOrg, transitionRequest } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { useErrorText } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:meta.request");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, ["hospital", "company"]);
    if (!isUuid(params.id)) notFound();
    // Only the two organisations of the request see it; everyone else gets 404.
    const r = await getRequestForOrg(await getDb(), params.id, user.org.id);
    if (!r) notFound();
    const side = r.hospital_org_id === user.org.id ? ("hospital" as const) : ("company" as const);
    const { hospital_org_id: _h, company_org_id: _c, ...rest } = r;
    return { req: rest, side, intents: user.org.status === "verified" ? availableIntents(r.status, side) : [], verified: user.org.status === "verified" };
  });
}

type ActionReply = { intent: RequestIntent; errors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, ["hospital", "company"]));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  return withDb(async () => {
    const db = await getDb();
    // Another organisation's request answers 404 whatever the body.
    const r = await getRequestForOrg(db, id, user.org.id);
    if (!r) notFound();
    if (!requestIntents.includes(intent as RequestIntent)) return data({ intent: null, errors: { form: ["testbeds:validation.intent"] }, values: {} }, { status: 400 });
    const it = intent as RequestIntent;
    const actor = { userId: user.id, orgId: user.org.id };
    const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    let payload = {};
    if (it === "decline") {
      const s = parseWithZod(formData, { schema: DeclineSchema });
      if (s.status !== "success") return data<ActionReply>({ intent: it, errors: (s.error ?? {}) as Record<string, string[]>, values }, { status: 400 });
      payload = { decline: s.value };
    }
    if (it === "complete") {
      const s = parseWithZod(formData, { schema: CompleteSchema });
      if (s.status !== "success") return data<ActionReply>({ intent: it, errors: (s.error ?? {}) as Record<string, string[]>, values }, { status: 400 });
      payload = { outcome: s.value.outcome };
    }
    const done = await transitionRequest(db, actor, id, it, payload);
    if (done === null) notFound();
    if (!done) return redirectWithToast(`/testbeds/requests/${id}`, { key: "testbeds:toast.badTransition", kind: "error" });
    return redirectWithToast(`/testbeds/requests/${id}`, { key: `testbeds:toast.${it}`, kind: "success" });
  });
}

function HospitalActions() {
  const { intents } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const { t } = useTranslation("testbeds");
  const errText = useErrorText();
  const err = (intent: RequestIntent, field: string) => (reply?.intent === intent ? errText(reply.errors[field]) : undefined);
  const val = (intent: RequestIntent, field: string) => (reply?.intent === intent ? reply.values[field] : undefined);
  if (!intents.length) return null;
  return (
    <Card aria-labelledby="decide-title">
      <h2 id="decide-title">{t("decide.title")}</h2>
      <div className="stack">
        {intents.includes("approve") ? (
          <Form method="post">
            <p className="muted">{t("decide.approveLead")}</p>
            <SubmitButton variant="primary" name="intent" value="approve" pendingText={t("decide.pending")}>
              {t("decide.approve")}
            </SubmitButton>
          </Form>
        ) : null}
        {intents.includes("start") ? (
          <Form method="post">
            <p className="muted">{t("decide.startLead")}</p>
            <SubmitButton variant="primary" name="intent" value="start" pendingText={t("decide.pending")}>
              {t("decide.start")}
            </SubmitButton>
          </Form>
        ) : null}
        {intents.includes("complete") ? (
          <Form method="post" className="form" aria-labelledby="complete-title">
            <h3 id="complete-title">{t("decide.completeTitle")}</h3>
            <p className="muted">{t("decide.completeLead")}</p>
            <TextAreaField label={t("decide.outcome")} name="outcome" rows={4} maxLength={600} required defaultValue={val("complete", "outcome")} hint={t("decide.outcomeHint")} errors={err("complete", "outcome")} />
            <div className="field">
              <label className="choice">
                <input type="checkbox" name="confirm" value="on" required /> {t("decide.confirm")}
              </label>
              {err("complete", "confirm") ? (
                <p className="field-error" role="alert">
                  {err("complete", "confirm")?.join(" ")}
                </p>
              ) : null}
            </div>
            <SubmitButton variant="primary" name="intent" value="complete" pendingText={t("decide.pending")}>
              {t("decide.complete")}
            </SubmitButton>
          </Form>
        ) : null}
        {intents.includes("decline") ? (
          <details open={reply?.intent === "decline"}>
            <summary>{t("decide.declineTitle")}</summary>
            <Form method="post" className="form" onSubmit={(e) => (!confirm(t("decide.declineConfirm")) ? e.preventDefault() : undefined)}>
              <SelectField
                label={t("decide.reason")}
                name="reason"
                placeholder={t("decide.choose")}
                defaultValue={val("decline", "reason") ?? ""}
                options={declineReasons.map((v) => ({ value: v, label: t(`declineReason.${v}`) }))}
                errors={err("decline", "reason")}
              />
              <TextAreaField label={t("decide.note")} name="note" rows={3} maxLength={1000} defaultValue={val("decline", "note")} hint={t("decide.noteHint")} errors={err("decline", "note")} />
              <SubmitButton variant="danger" name="intent" value="decline" pendingText={t("decide.pending")}>
                {t("decide.decline")}
              </SubmitButton>
            </Form>
          </details>
        ) : null}
      </div>
    </Card>
  );
}

export default function TestbedRequestDetail() {
  const { req, side, intents, verified } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const { t, i18n } = useTranslation("testbeds");
  const errText = useErrorText();
  const en = i18n.language === "en";
  const lng = i18n.language;
  const hospital = localName(en, req.hospital_name, req.hospital_name_en);
  const company = localName(en, req.company_name, req.company_name_en);
  return (
    <>
      <PageHead
        title={req.offer_title}
        description={
          <span className="tags">
            <RequestStatusBadge status={req.status} />
            <span>{t("request.between", { company, hospital })}</span>
          </span>
        }
        actions={
          <>
            <Link to="/testbeds/requests">{t("requests.back")}</Link>
            <Link className="btn" to={`/testbeds/${req.offer_id}`}>
              {t("request.viewOffer")}
            </Link>
          </>
        }
      />
      {!verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      <FormError>{reply?.errors?.form ? errText(reply.errors.form)?.join(" ") : null}</FormError>
      {req.status === "completed" ? <Notice>{t("request.completedNote", { hospital })}</Notice> : null}
      {req.status === "declined" ? (
        <Notice tone="warn">
          {t("request.declinedNote", { reason: t(`declineReason.${req.decline_reason ?? "other"}`) })}
          {req.decline_note ? ` — ${req.decline_note}` : ""}
        </Notice>
      ) : null}
      <div className="grid-2">
        <Card aria-labelledby="plan-title">
          <h2 id="plan-title">{t("request.plan")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{req.plan}</p>
        </Card>
        <Card aria-labelledby="facts-title">
          <h2 id="facts-title">{t("request.facts")}</h2>
          <dl className="kv">
            <dt>{t("requests.hospital")}</dt>
            <dd>
              <Link to={`/orgs/${req.hospital_slug}`}>{hospital}</Link>
              {req.offer_department ? ` · ${req.offer_department}` : ""}
            </dd>
            <dt>{t("requests.company")}</dt>
            <dd>
              <Link to={`/orgs/${req.company_slug}`}>{company}</Link>
            </dd>
            <dt>{t("form.irbStatus")}</dt>
            <dd>
              <IrbBadge status={req.offer_irb_status} />
            </dd>
            <dt>{t("request.preferredStart")}</dt>
            <dd>{req.preferred_start ? dayText(req.preferred_start, lng) : "—"}</dd>
            <dt>{t("request.requestedAt")}</dt>
            <dd>
              {formatDateTime(req.created_at, lng)}
              {req.requested_by_name ? ` · ${req.requested_by_name}` : ""}
            </dd>
            {req.decided_at ? (
              <>
                <dt>{t("request.decidedAt")}</dt>
                <dd>{formatDateTime(req.decided_at, lng)}</dd>
              </>
            ) : null}
            {req.started_at ? (
              <>
                <dt>{t("request.startedAt")}</dt>
                <dd>{formatDateTime(req.started_at, lng)}</dd>
              </>
            ) : null}
            {req.completed_at ? (
              <>
                <dt>{t("request.completedAt")}</dt>
                <dd>
                  {formatDateTime(req.completed_at, lng)}
                  {req.confirmed_by_name ? ` · ${t("request.confirmedBy", { name: req.confirmed_by_name })}` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
      </div>
      {req.outcome ? (
        <Card aria-labelledby="outcome-title" style={{ marginTop: 20 }}>
          <h2 id="outcome-title">{t("request.outcome")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{req.outcome}</p>
        </Card>
      ) : null}
      <div style={{ marginTop: 20 }}>
        {side === "hospital" ? <HospitalActions /> : null}
        {side === "company" && intents.includes("withdraw") ? (
          <Card aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{t("request.withdrawTitle")}</h2>
            <Form method="post" onSubmit={(e) => (!confirm(t("request.withdrawConfirm")) ? e.preventDefault() : undefined)}>
              <SubmitButton name="intent" value="withdraw" pendingText={t("decide.pending")}>
                {t("request.withdraw")}
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
