import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingStatusBadge } from "~/components/deals/badges";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, SelectField, TextAreaField } from "~/components/ui/field";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { getMeetingForViewer, respondToMeeting, slotsOf } from "~/modules/deals/meetings.server";
import { meetingDeclineReasons, MeetingRespondSchema, type MeetingStatusCode } from "~/modules/deals/schemas";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { useErrorText } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (_t, lng) => args.data && [args.data.m.pitch_title, localName(lng, args.data.m.investor_name, args.data.m.investor_name_en)]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, ["company", "investor"]);
    const m = await getMeetingForViewer(await getDb(), params.id ?? "", user.org.id);
    if (!m) notFound();
    const now = Date.now();
    const { company_org_id: _c, investor_org_id: _i, ...view } = m;
    return { m: view, slots: slotsOf(m).map((s) => ({ n: s.n, at: s.at, passed: new Date(s.at).getTime() <= now })) };
  });
}

const toastKey = { accept: "accepted", decline: "declined", cancel: "cancelled" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, ["company", "investor"]));
  const db = await withDb(() => getDb());
  const m = await withDb(() => getMeetingForViewer(db, params.id ?? "", user.org.id));
  if (!m) notFound();
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data({ result: null, from: null as MeetingStatusCode | null }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: MeetingRespondSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), from: null }, { status: 400 });
  const r = await withDb(() => respondToMeeting(db, { userId: user.id, orgId: user.org.id, orgName: user.org.name }, m.id, submission.value));
  if (!r.ok && r.reason === "notFound") notFound();
  if (!r.ok && r.reason === "slot") return data({ result: submission.reply({ fieldErrors: { slot: ["deals:errors.slotGone"] } }), from: null }, { status: 400 });
  if (!r.ok) return data({ result: submission.reply({ formErrors: ["deals:errors.transition"] }), from: r.from }, { status: 400 });
  return redirectWithToast(`/meetings/${m.id}`, { key: `deals:toast.${toastKey[submission.value.intent]}`, kind: "success" });
}

function CompanyAnswer() {
  const { slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("deals");
  const errText = useErrorText();
  const lastResult = actionData?.result ?? undefined;
  const intent = lastResult?.initialValue?.intent;
  const [acceptForm, acceptFields] = useForm({
    id: "accept",
    lastResult: intent === "accept" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingRespondSchema }),
  });
  const [declineForm, declineFields] = useForm({
    id: "decline",
    lastResult: intent === "decline" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingRespondSchema }),
  });
  const open = slots.filter((s) => !s.passed);
  const acceptProps = getFormProps(acceptForm);
  const declineProps = getFormProps(declineForm);
  const { m } = useLoaderData<typeof loader>();
  return (
    <Card aria-labelledby="answer-title">
      <h2 id="answer-title">{t("detail.actions")}</h2>
      {open.length === 0 ? (
        <Notice tone="warn">{t("detail.noFutureSlot")}</Notice>
      ) : (
        <Form
          method="post"
          className="form"
          {...acceptProps}
          onSubmit={(e) => {
            if (!confirm(t("detail.confirmAccept"))) return e.preventDefault();
            acceptProps.onSubmit(e);
          }}
        >
          <input type="hidden" name="intent" value="accept" />
          <FormError>{errText(acceptForm.errors)?.join(" ")}</FormError>
          <fieldset className="field" aria-invalid={acceptFields.slot.errors?.length ? true : undefined} aria-describedby={acceptFields.slot.errors?.length ? "slot-error" : undefined}>
            <legend>{t("detail.acceptLegend")}</legend>
            <div className="choices" style={{ flexDirection: "column", alignItems: "flex-start" }}>
              {open.map((s, i) => (
                <label key={s.n} className="choice">
                  <input type="radio" name="slot" value={s.n} defaultChecked={i === 0} />
                  {t("detail.slotOption", { when: formatDateTime(s.at, i18n.language), minutes: m.duration_minutes })}
                </label>
              ))}
            </div>
            {acceptFields.slot.errors?.length ? (
              <p className="field-error" id="slot-error" role="alert">
                {errText(acceptFields.slot.errors)?.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div>
            <SubmitButton variant="primary" pendingText={t("detail.pending")}>
              {t("detail.accept")}
            </SubmitButton>
          </div>
        </Form>
      )}
      <Form
        method="post"
        className="form"
        style={{ marginTop: 20 }}
        {...declineProps}
        onSubmit={(e) => {
          // Ask only when a reason is chosen; otherwise Conform shows what is missing.
          if (new FormData(e.currentTarget).get("reason") && !confirm(t("detail.confirmDecline"))) return e.preventDefault();
          declineProps.onSubmit(e);
        }}
      >
        <h3>{t("detail.declineTitle")}</h3>
        <input type="hidden" name="intent" value="decline" />
        <FormError>{intent === "decline" ? errText(declineForm.errors)?.join(" ") : null}</FormError>
        <SelectField
          label={t("fields.reason")}
          {...conformField(declineFields.reason)}
          placeholder="—"
          options={meetingDeclineReasons.map((r) => ({ value: r, label: t(`meetingReasons.${r}`) }))}
          hint={t("detail.declineHint")}
          errors={errText(declineFields.reason.errors)}
        />
        <TextAreaField label={t("fields.note")} {...conformField(declineFields.note)} rows={3} maxLength={1000} errors={errText(declineFields.note.errors)} />
        <div>
          <SubmitButton variant="danger" pendingText={t("detail.pending")}>
            {t("detail.decline")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

function InvestorCancel() {
  const { t } = useTranslation("deals");
  return (
    <Card aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t("detail.cancelTitle")}</h2>
      <p className="muted">{t("detail.cancelHint")}</p>
      <Form method="post" onSubmit={(e) => (!confirm(t("detail.confirmCancel")) ? e.preventDefault() : undefined)}>
        <SubmitButton variant="danger" name="intent" value="cancel" pendingText={t("detail.pending")}>
          {t("detail.cancel")}
        </SubmitButton>
      </Form>
    </Card>
  );
}

export default function MeetingDetail() {
  const { m, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("deals");
  const lng = i18n.language;
  const investor = localName(i18n.language, m.investor_name, m.investor_name_en);
  const company = localName(i18n.language, m.company_name, m.company_name_en);
  const other = m.side === "company" ? investor : company;
  return (
    <>
      <PageHead
        title={m.pitch_title}
        description={
          <span className="tags">
            <MeetingStatusBadge status={m.status} />
            <span>
              {investor} → {company}
            </span>
          </span>
        }
        actions={
          <>
            <Link className="btn" to="/meetings">
              {t("detail.backToList")}
            </Link>
            <Link className="btn" to={`/pitches/${m.pitch_id}`}>
              {t("detail.viewPitch")}
            </Link>
          </>
        }
      />
      {actionData?.from ? <Notice tone="warn">{t("errors.transition", { status: t(`meetingStatus.${actionData.from}`) })}</Notice> : null}
      <div className="grid-2">
        <Card aria-labelledby="request-title">
          <h2 id="request-title">{t("detail.request")}</h2>
          <dl className="kv">
            <dt>{m.side === "company" ? t("fields.investor") : t("fields.company")}</dt>
            <dd>{other}</dd>
            <dt>{t("fields.requestedBy")}</dt>
            <dd>{m.requested_by_name ?? "—"}</dd>
            <dt>{t("fields.requestedAt")}</dt>
            <dd>{formatDateTime(m.created_at, lng)}</dd>
            <dt>{t("fields.duration")}</dt>
            <dd>{t("minutes", { count: m.duration_minutes })}</dd>
            <dt>{t("fields.location")}</dt>
            <dd style={{ overflowWrap: "anywhere" }}>{m.location || t("detail.noLocation")}</dd>
          </dl>
          <h3>{t("fields.message")}</h3>
          <p style={{ whiteSpace: "pre-line" }}>{m.message || "—"}</p>
          <h3>{t("detail.proposedSlots")}</h3>
          <ol>
            {slots.map((s) => (
              <li key={s.n}>
                <time dateTime={new Date(s.at).toISOString()}>{formatDateTime(s.at, lng)}</time>
                {m.accepted_slot === s.n ? (
                  <>
                    {" "}
                    <strong>✓ {t("meetingStatus.accepted")}</strong>
                  </>
                ) : s.passed && m.status === "pending" ? (
                  <span className="muted"> ({t("detail.slotPassed")})</span>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
        <div className="stack">
          {m.status === "accepted" ? (
            <Card aria-labelledby="confirmed-title">
              <h2 id="confirmed-title">{t("detail.confirmed")}</h2>
              <p>
                <strong>
                  <time dateTime={m.start_at ? new Date(m.start_at).toISOString() : undefined}>{formatDateTime(m.start_at, lng)}</time>
                </strong>{" "}
                · {t("minutes", { count: m.duration_minutes })}
              </p>
              <p style={{ overflowWrap: "anywhere" }}>{m.location || t("detail.noLocation")}</p>
              <a className="btn btn-primary" href={`/meetings/${m.id}.ics`} download>
                {t("detail.ics")}
              </a>
              <p className="hint" style={{ marginTop: 8 }}>
                {t("detail.icsHint")}
              </p>
            </Card>
          ) : null}
          {m.status === "declined" && m.decline_reason ? (
            <Card aria-labelledby="declined-title">
              <h2 id="declined-title">{t("detail.declinedBecause")}</h2>
              <p>
                <strong>{t(`meetingReasons.${m.decline_reason}`)}</strong>
              </p>
              {m.decline_note ? <p style={{ whiteSpace: "pre-line" }}>{m.decline_note}</p> : null}
            </Card>
          ) : null}
          {m.status === "pending" ? (
            m.side === "company" ? (
              <CompanyAnswer />
            ) : (
              <>
                <Notice>{t("detail.waiting")}</Notice>
                <InvestorCancel />
              </>
            )
          ) : m.status !== "accepted" ? (
            <p className="muted">{t("detail.closed")}</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
