import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PdfFilesField } from "~/components/applications/pdf-files-field";
import { FileList } from "~/components/applications/file-list";
import { StatusBadge } from "~/components/applications/status-badge";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, SelectField, TextAreaField } from "~/components/ui/field";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { addMessage, decideApplication, getApplicationForViewer, getThread } from "~/modules/applications/applications.server";
import { readFormWithFiles } from "~/modules/applications/forms.server";
import { DecideSchema, declineReasons, MessageSchema } from "~/modules/applications/schemas";
import { requireRole } from "~/modules/auth/session.server";
import { discardFiles } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatKrw, localName } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (_t, lng) => args.data && [args.data.app.need_title, localName(lng, args.data.app.company_name, args.data.app.company_name_en)]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, ["company", "hospital"]);
    const db = await getDb();
    const app = await getApplicationForViewer(db, params.id ?? "", user.org.id);
    if (!app) notFound();
    const thread = await getThread(db, app.id);
    const { company_org_id: _c, hospital_org_id: _h, ...view } = app;
    return { app: view, thread, myOrgName: user.org.name, submissionId: newSubmissionId() };
  });
}

const toastKey = { shortlist: "shortlisted", accept: "accepted", decline: "declined", withdraw: "withdrawn" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, ["company", "hospital"]));
  const db = await withDb(() => getDb());
  const app = await withDb(() => getApplicationForViewer(db, params.id ?? "", user.org.id));
  if (!app) notFound();
  const actor = { userId: user.id, orgId: user.org.id, orgName: user.org.name };
  const { formData, files, fileError, malformed } = await readFormWithFiles(request);
  const intent = formData.get("intent");
  if (intent === "message") {
    const submission = parseWithZod(formData, { schema: MessageSchema });
    if (submission.status !== "success" || fileError) {
      await discardFiles(files);
      return data({ intent, result: submission.reply(fileError ? { fieldErrors: { attachments: [fileError] } } : undefined) }, { status: 400 });
    }
    await withDb(() => addMessage(db, actor, app.id, submission.value.body, files, readSubmissionId(formData)));
    return redirectWithToast(`/applications/${app.id}#thread`, { key: "applications:toast.messageSent", kind: "success" });
  }
  // Decisions carry no files; anything uploaded with them is dropped.
  await discardFiles(files);
  if (malformed || typeof intent !== "string") return data({ intent: "unknown", result: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: DecideSchema });
  if (submission.status !== "success") return data({ intent: intent === "withdraw" ? "withdraw" : "decide", result: submission.reply() }, { status: 400 });
  const r = await withDb(() => decideApplication(db, actor, app.id, submission.value));
  if (!r.ok && r.reason === "notFound") notFound();
  if (!r.ok) {
    return data(
      { intent: submission.value.intent === "withdraw" ? "withdraw" : "decide", result: submission.reply({ formErrors: [`applications:errors.transition`] }), from: r.from },
      { status: 400 },
    );
  }
  return redirectWithToast(`/applications/${app.id}`, { key: `applications:toast.${toastKey[submission.value.intent]}`, kind: "success" });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Timeline({ app }: { app: LoaderData["app"] }) {
  const { t, i18n } = useTranslation("applications");
  const lng = i18n.language;
  const steps: { key: string; at: string | Date | null }[] = [{ key: "tl_submitted", at: app.created_at }];
  if (app.first_response_at && app.status !== "submitted") steps.push({ key: "tl_firstResponse", at: app.first_response_at });
  if (app.status === "shortlisted") steps.push({ key: "tl_shortlisted", at: app.updated_at });
  if (app.status === "accepted" || app.status === "declined") steps.push({ key: `tl_${app.status}`, at: app.decided_at });
  if (app.status === "withdrawn") steps.push({ key: "tl_withdrawn", at: app.updated_at });
  return (
    <Card aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("detail.timeline")}</h2>
      <ol>
        {steps.map((s) => (
          <li key={s.key}>
            {t(`detail.${s.key}`)} · <time dateTime={s.at ? new Date(s.at).toISOString() : undefined}>{formatDateTime(s.at, lng)}</time>
          </li>
        ))}
      </ol>
      {app.status === "declined" && app.decline_reason ? (
        <>
          <h3>{t("detail.declineTitle")}</h3>
          <p>
            <strong>{t(`reasons.${app.decline_reason}`)}</strong>
          </p>
          {app.decline_note ? <p style={{ whiteSpace: "pre-line" }}>{app.decline_note}</p> : null}
        </>
      ) : null}
    </Card>
  );
}

function HospitalActions() {
  const { app } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("applications");
  const errText = useErrorText();
  const decide = actionData?.intent === "decide" ? actionData : null;
  const [form, fields] = useForm({
    id: "decline",
    lastResult: decide?.result ?? undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecideSchema }),
  });
  const from = decide && "from" in decide ? decide.from : null;
  const open = app.status === "submitted" || app.status === "shortlisted";
  return (
    <Card aria-labelledby="actions-title">
      <h2 id="actions-title">{t("detail.actions")}</h2>
      {from ? <Notice tone="warn">{t("errors.transition", { status: t(`status.${from}`) })}</Notice> : null}
      {!open ? (
        <p className="muted">{t("detail.closed")}</p>
      ) : (
        <>
          <div className="btn-row">
            {app.status === "submitted" ? (
              <Form method="post">
                <SubmitButton name="intent" value="shortlist" pendingText="…">
                  {t("detail.shortlist")}
                </SubmitButton>
              </Form>
            ) : null}
            <Form method="post" onSubmit={(e) => (!confirm(t("detail.confirmAccept")) ? e.preventDefault() : undefined)}>
              <SubmitButton variant="primary" name="intent" value="accept" pendingText="…">
                {t("detail.accept")}
              </SubmitButton>
            </Form>
          </div>
          <Form method="post" className="form" style={{ marginTop: 16 }} {...getFormProps(form)}>
            <input type="hidden" name="intent" value="decline" />
            <FormError>{from ? null : errText(form.errors)?.join(" ")}</FormError>
            <SelectField
              label={t("fields.reason")}
              {...conformField(fields.reason)}
              placeholder="—"
              options={declineReasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
              hint={t("detail.declineHint")}
              errors={errText(fields.reason.errors)}
            />
            <TextAreaField label={t("fields.note")} {...conformField(fields.note)} rows={3} errors={errText(fields.note.errors)} />
            <div>
              <SubmitButton variant="danger" pendingText="…">
                {t("detail.decline")}
              </SubmitButton>
            </div>
          </Form>
        </>
      )}
    </Card>
  );
}

function CompanyActions() {
  const { app } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("applications");
  const from = actionData?.intent === "withdraw" && "from" in actionData ? actionData.from : null;
  if (app.status !== "submitted" && app.status !== "shortlisted") return null;
  return (
    <Card aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t("detail.withdrawTitle")}</h2>
      {from ? <Notice tone="warn">{t("errors.transition", { status: t(`status.${from}`) })}</Notice> : null}
      <p className="muted">{t("detail.withdrawHint")}</p>
      <Form method="post" onSubmit={(e) => (!confirm(t("detail.confirmWithdraw")) ? e.preventDefault() : undefined)}>
        <SubmitButton variant="danger" name="intent" value="withdraw" pendingText="…">
          {t("detail.withdraw")}
        </SubmitButton>
      </Form>
    </Card>
  );
}

function Thread() {
  const { app, thread, submissionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("applications");
  const errText = useErrorText();
  const [form, fields] = useZodForm(MessageSchema, actionData?.intent === "message" ? actionData.result : undefined, { id: "message" });
  const mine = app.side === "company" ? localName(i18n.language, app.company_name, app.company_name_en) : localName(i18n.language, app.hospital_name, app.hospital_name_en);
  return (
    <Card aria-labelledby="thread-title" id="thread">
      <h2 id="thread-title">{t("detail.thread")}</h2>
      {thread.messages.length ? (
        <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
          {thread.messages.map((m) => (
            <li key={m.id} className="card" style={{ padding: 12 }}>
              <p className="muted">
                <strong>{m.org_name === mine ? t("detail.you") : m.org_name}</strong> · {m.author_name ?? "—"} ·{" "}
                <time dateTime={new Date(m.created_at).toISOString()}>{formatDateTime(m.created_at, i18n.language)}</time>
              </p>
              {m.hidden ? (
                <p className="muted">
                  <em>{t("admin:moderation.hiddenMessage")}</em>
                </p>
              ) : (
                <p style={{ whiteSpace: "pre-line" }}>{m.body}</p>
              )}
              {m.files.length ? <FileList files={m.files} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("detail.noMessages")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="message" />
        <input type="hidden" name="submissionId" value={submissionId} />
        <FormError>{errText(form.errors)?.join(" ")}</FormError>
        <TextAreaField label={t("fields.message")} {...conformField(fields.body)} rows={4} required hint={t("detail.messageHint")} errors={errText(fields.body.errors)} />
        <PdfFilesField id={fields.attachments.id} errors={errText(fields.attachments.errors)} />
        <div>
          <SubmitButton variant="primary" pendingText={t("detail.sending")}>
            {t("detail.send")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

export default function ApplicationDetail() {
  const { app, thread } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("applications");
  const lng = i18n.language;
  return (
    <>
      <PageHead
        title={app.need_title}
        description={
          <span className="tags">
            <StatusBadge status={app.status} />
            <span>
              {localName(lng, app.company_name, app.company_name_en)} → {localName(lng, app.hospital_name, app.hospital_name_en)}
            </span>
          </span>
        }
        actions={
          <>
            <Link className="btn" to="/applications">
              {t("detail.backToList")}
            </Link>
            <Link className="btn" to={`/needs/${app.need_id}`}>
              {t("detail.viewNeed")}
            </Link>
          </>
        }
      />
      <div className="grid-2">
        <Card aria-labelledby="proposal-title">
          <h2 id="proposal-title">{t("detail.proposal")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{app.approach}</p>
          <dl className="kv">
            <dt>{t("fields.team")}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{app.team || "—"}</dd>
            <dt>{t("fields.trl")}</dt>
            <dd>{app.trl ? `TRL ${app.trl}` : "—"}</dd>
            <dt>{t("fields.budget")}</dt>
            <dd>{formatKrw(app.budget_krw, lng)}</dd>
            <dt>{t("fields.timeline")}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{app.timeline || "—"}</dd>
            <dt>{t("fields.submittedAt")}</dt>
            <dd>{formatDateTime(app.created_at, lng)}</dd>
          </dl>
          <h3>{t("detail.attachments")}</h3>
          {thread.proposalFiles.length ? <FileList files={thread.proposalFiles} /> : <p className="muted">{t("detail.noAttachments")}</p>}
        </Card>
        <div className="stack">
          <Timeline app={app} />
          {app.side === "hospital" ? <HospitalActions /> : <CompanyActions />}
        </div>
      </div>
      <div style={{ marginTop: 20 }}>
        <Thread />
      </div>
    </>
  );
}
