import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { StageBadge } from "~/components/deals/badges";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Card, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { addDealNote, dealHistory, dealNotes, getDealForInvestor, moveDeal } from "~/modules/deals/pipeline.server";
import { dealStages, NoteSchema, passReasons, StageSchema, type DealStageCode } from "~/modules/deals/schemas";
import { getLocale } from "~/modules/i18n/i18n.server";
import { resources } from "~/modules/i18n/resources";
import { todayInSeoul } from "~/modules/needs/dates";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, formatKrw, localName } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (t) => args.data && [args.data.deal.pitch_title, t("deals:pipeline.title")]);

async function requirePipelineUser(request: Request) {
  const user = await requireRole(request, "investor");
  if (user.org.status !== "verified") notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requirePipelineUser(request);
    const db = await getDb();
    const deal = await getDealForInvestor(db, params.id ?? "", user.org.id);
    if (!deal) notFound();
    const [history, notes] = await Promise.all([dealHistory(db, deal.id), dealNotes(db, deal.id)]);
    const { company_org_id: _c, ...view } = deal;
    return { deal: view, history, notes, today: todayInSeoul(), submissionId: newSubmissionId() };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requirePipelineUser(request));
  const db = await withDb(() => getDb());
  const deal = await withDb(() => getDealForInvestor(db, params.id ?? "", user.org.id));
  if (!deal) notFound();
  const actor = { userId: user.id, orgId: user.org.id, orgName: user.org.name };
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data({ intent: "unknown" as const, result: null }, { status: 400 });
  }
  const intent = formData.get("intent");
  if (intent === "note") {
    const submission = parseWithZod(formData, { schema: NoteSchema });
    if (submission.status !== "success") return data({ intent: "note" as const, result: submission.reply() }, { status: 400 });
    await withDb(() => addDealNote(db, actor, deal.id, submission.value.body, readSubmissionId(formData)));
    return redirectWithToast(`/pipeline/${deal.id}#notes`, { key: "deals:toast.noted", kind: "success" });
  }
  if (intent === "stage") {
    const submission = parseWithZod(formData, { schema: StageSchema });
    if (submission.status !== "success") return data({ intent: "stage" as const, result: submission.reply() }, { status: 400 });
    const r = await withDb(() => moveDeal(db, actor, deal.id, submission.value));
    if (!r.ok) notFound();
    return redirectWithToast(`/pipeline/${deal.id}`, {
      key: r.changed ? "deals:toast.moved" : "deals:toast.unchanged",
      params: { stage: resources[(await getLocale(request)) === "en" ? "en" : "ko"].deals.stages[submission.value.stage] },
      kind: "success",
    });
  }
  return data({ intent: "unknown" as const, result: null }, { status: 400 });
}

function StageForm() {
  const { deal, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("deals");
  const errText = useErrorText();
  const [form, fields] = useZodForm(StageSchema, actionData?.intent === "stage" ? actionData.result : undefined, {
    id: "stage",
    defaultValue: {
      stage: deal.stage,
      amountKrw: deal.stage === "invested" ? String(deal.invested_krw ?? "") : deal.committed_krw != null ? String(deal.committed_krw) : "",
      investedOn: deal.invested_on ?? "",
      passReason: deal.pass_reason ?? "",
    },
  });
  const initialStage = (typeof fields.stage.initialValue === "string" ? fields.stage.initialValue : deal.stage) as DealStageCode;
  const [stage, setStage] = useState<DealStageCode>(initialStage);
  const formProps = getFormProps(form);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Card aria-labelledby="move-title">
      <h2 id="move-title">{t("deal.move")}</h2>
      <p className="hint">{t("deal.moveHint")}</p>
      <Form
        method="post"
        className="form"
        {...formProps}
        onSubmit={(e) => {
          if (stage === "passed" && deal.stage !== "passed" && new FormData(e.currentTarget).get("passReason") && !confirm(t("deal.confirmPass"))) return e.preventDefault();
          formProps.onSubmit(e);
        }}
      >
        <input type="hidden" name="intent" value="stage" />
        <FormError>{errText(form.errors)?.join(" ")}</FormError>
        <SelectField
          label={t("fields.stage")}
          {...conformField(fields.stage)}
          onChange={(e) => setStage(e.currentTarget.value as DealStageCode)}
          options={dealStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          errors={errText(fields.stage.errors)}
        />
        {/* Without JavaScript every field shows; once hydrated only those the chosen stage needs. */}
        <div hidden={hydrated && stage !== "committed" && stage !== "invested"}>
          <TextField label={t("fields.amount")} {...conformField(fields.amountKrw)} inputMode="numeric" hint={t("deal.amountHint")} errors={errText(fields.amountKrw.errors)} />
        </div>
        <div hidden={hydrated && stage !== "invested"}>
          <TextField label={t("fields.investedOn")} {...conformField(fields.investedOn)} type="date" max={today} errors={errText(fields.investedOn.errors)} />
        </div>
        <div hidden={hydrated && stage !== "passed"}>
          <SelectField
            label={t("fields.passReason")}
            {...conformField(fields.passReason)}
            placeholder="—"
            options={passReasons.map((r) => ({ value: r, label: t(`passReasons.${r}`) }))}
            errors={errText(fields.passReason.errors)}
          />
        </div>
        <div>
          <SubmitButton variant={stage === "passed" ? "danger" : "primary"} pendingText={t("deal.saving")}>
            {t("deal.save")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

function Notes() {
  const { notes, submissionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("deals");
  const errText = useErrorText();
  const [form, fields] = useZodForm(NoteSchema, actionData?.intent === "note" ? actionData.result : undefined, { id: "note" });
  return (
    <Card aria-labelledby="notes-title" id="notes">
      <h2 id="notes-title">{t("deal.notes")}</h2>
      <p className="hint">{t("deal.notesPrivate")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="submissionId" value={submissionId} />
        <TextAreaField label={t("deal.noteLabel")} {...conformField(fields.body)} rows={3} required maxLength={5000} errors={errText(fields.body.errors)} />
        <div>
          <SubmitButton pendingText={t("deal.adding")}>{t("deal.addNote")}</SubmitButton>
        </div>
      </Form>
      {notes.length === 0 ? (
        <p className="muted">{t("deal.noNotes")}</p>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0, marginTop: 16 }}>
          {notes.map((n) => (
            <li key={n.id} className="card" style={{ padding: 12 }} data-testid="deal-note">
              <p className="muted" style={{ margin: 0 }}>
                {n.author_name ?? "—"} · <time dateTime={new Date(n.created_at).toISOString()}>{formatDateTime(n.created_at, i18n.language)}</time>
              </p>
              <p style={{ whiteSpace: "pre-line", margin: "6px 0 0" }}>{n.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export default function DealDetail() {
  const { deal, history } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("deals");
  const lng = i18n.language;
  return (
    <>
      <PageHead
        title={deal.pitch_title}
        description={
          <span className="tags">
            <StageBadge stage={deal.stage} />
            <span>{localName(i18n.language, deal.company_name, deal.company_name_en)}</span>
          </span>
        }
        actions={
          <>
            <Link className="btn" to="/pipeline">
              {t("deal.backToPipeline")}
            </Link>
            <Link className="btn" to={`/pitches/${deal.pitch_id}`}>
              {t("deal.viewPitch")}
            </Link>
          </>
        }
      />
      <div className="grid-2">
        <div className="stack">
          <Card aria-labelledby="summary-title">
            <h2 id="summary-title">{t("deal.summary")}</h2>
            <dl className="kv">
              <dt>{t("deal.current")}</dt>
              <dd>
                <StageBadge stage={deal.stage} />
                {deal.stage === "passed" && deal.pass_reason ? ` ${t(`passReasons.${deal.pass_reason}`)}` : ""}
              </dd>
              <dt>{t("fields.company")}</dt>
              <dd>{localName(i18n.language, deal.company_name, deal.company_name_en)}</dd>
              <dt>{t("deal.ask")}</dt>
              <dd>{formatKrw(deal.ask_krw, lng)}</dd>
              {deal.committed_krw != null ? (
                <>
                  <dt>{t("deal.committedAmount")}</dt>
                  <dd>{formatKrw(deal.committed_krw, lng)}</dd>
                </>
              ) : null}
              {deal.invested_krw != null ? (
                <>
                  <dt>{t("deal.investedAmount")}</dt>
                  <dd>
                    {formatKrw(deal.invested_krw, lng)} · {formatDate(deal.invested_on, lng)}
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          <StageForm />
          <Card aria-labelledby="history-title">
            <h2 id="history-title">{t("deal.history")}</h2>
            <ol>
              {history.map((h) => (
                <li key={h.id}>
                  {h.from_stage ? t("deal.historyItem", { from: t(`stages.${h.from_stage}`), to: t(`stages.${h.to_stage}`) }) : `${t("deal.created")} (${t(`stages.${h.to_stage}`)})`} ·{" "}
                  <span className="muted">
                    {h.user_name ?? "—"} · <time dateTime={new Date(h.at).toISOString()}>{formatDateTime(h.at, lng)}</time>
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <Notes />
      </div>
    </>
  );
}
