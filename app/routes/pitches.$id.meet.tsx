import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Card, PageHead } from "~/components/ui/misc";
import { UnverifiedCard } from "~/components/ui/unverified-card";
import { requireRole } from "~/modules/auth/session.server";
import { createMeetingRequest, findPendingRequestId, getMeetablePitch } from "~/modules/deals/meetings.server";
import { MeetingRequestSchema } from "~/modules/deals/schemas";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { localName } from "~/utils/format";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "deals:meet.title");

const DURATIONS = [30, 60, 90, 120];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "investor");
    const db = await getDb();
    // Unverified investors may not read pitches at all: nothing about the pitch is shown.
    if (user.org.status !== "verified") return data({ pitch: null, unverified: true, existingId: null }, { status: 403 });
    const pitch = await getMeetablePitch(db, params.id ?? "");
    if (!pitch) notFound();
    const view = { id: pitch.id, title: pitch.title, companyName: pitch.company_name, companyNameEn: pitch.company_name_en };
    return { pitch: view, unverified: false, existingId: await findPendingRequestId(db, pitch.id, user.org.id) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "investor"));
  if (user.org.status !== "verified") throw new Response("Organisation not verified", { status: 403 });
  const db = await withDb(() => getDb());
  const pitch = await withDb(() => getMeetablePitch(db, params.id ?? ""));
  if (!pitch) notFound();
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data(null, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: MeetingRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await withDb(() => createMeetingRequest(db, { userId: user.id, orgId: user.org.id, orgName: user.org.name }, pitch, submission.value));
  return redirectWithToast(`/meetings/${result.id}`, {
    key: result.created ? "deals:toast.requested" : "deals:toast.alreadyRequested",
    kind: result.created ? "success" : "info",
  });
}

export default function MeetRequest() {
  const { pitch, unverified, existingId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation("deals");
  const errText = useErrorText();
  const [form, fields] = useZodForm(MeetingRequestSchema, lastResult, { defaultValue: { durationMinutes: "60" } });
  if (unverified || !pitch) {
    return (
      <>
        <PageHead title={t("meet.title")} />
        <UnverifiedCard title={t("meet.unverifiedTitle")} body={t("meet.unverifiedBody")} linkTo="/dashboard" linkLabel={t("meet.toDashboard")} primary />
      </>
    );
  }
  const company = localName(i18n.language, pitch.companyName, pitch.companyNameEn);
  const head = (
    <PageHead
      title={t("meet.title")}
      description={t("meet.lead", { company, pitch: pitch.title })}
      actions={
        <Link className="btn" to={`/pitches/${pitch.id}`}>
          {t("meet.backToPitch")}
        </Link>
      }
    />
  );
  if (existingId) {
    return (
      <>
        {head}
        <Card aria-labelledby="already-title">
          <h2 id="already-title">{t("meet.already")}</h2>
          <p>{t("meet.alreadyBody")}</p>
          <Link className="btn btn-primary" to={`/meetings/${existingId}`}>
            {t("meet.alreadyLink")}
          </Link>
        </Card>
      </>
    );
  }
  const slotFields = [fields.slot1, fields.slot2, fields.slot3];
  return (
    <>
      {head}
      <Card aria-labelledby="meet-form-title">
        <h2 id="meet-form-title" className="visually-hidden">
          {t("meet.title")}
        </h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <fieldset className="field" aria-describedby="slots-hint">
            <legend>{t("meet.slotsLegend")}</legend>
            <p className="hint" id="slots-hint">
              {t("meet.slotsHint")}
            </p>
            <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", gap: 12 }}>
              {slotFields.map((f, i) => (
                <TextField
                  key={f.name}
                  label={i === 0 ? `${t("fields.slot", { n: 1 })} (${t("meet.slotRequired")})` : t("fields.slot", { n: i + 1 })}
                  {...conformField(f)}
                  type="datetime-local"
                  step={300}
                  required={i === 0}
                  errors={errText(f.errors)}
                />
              ))}
            </div>
          </fieldset>
          <SelectField
            label={t("fields.duration")}
            {...conformField(fields.durationMinutes)}
            options={DURATIONS.map((m) => ({ value: String(m), label: t("minutes", { count: m }) }))}
            errors={errText(fields.durationMinutes.errors)}
          />
          <TextField label={t("fields.location")} {...conformField(fields.location)} maxLength={300} hint={t("meet.locationHint")} errors={errText(fields.location.errors)} />
          <TextAreaField label={t("fields.message")} {...conformField(fields.message)} rows={5} required maxLength={2000} hint={t("meet.messageHint")} errors={errText(fields.message.errors)} />
          <div className="btn-row">
            <SubmitButton variant="primary" pendingText={t("meet.pending")}>
              {t("meet.submit")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
