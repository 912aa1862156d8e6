import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { ChoiceField, conformField, FormError, TextAreaField, TextField } from "~/components/ui/field";
import { fundingRounds } from "~/modules/events/rounds";
import { roundLabel } from "~/modules/pitches/rounds";
import { EventSchema } from "~/modules/events/schemas";
import { useErrorText, useZodForm } from "~/utils/forms";

export type EventFormValues = {
  name: string;
  nameEn: string;
  description: string;
  startsAt: string;
  online: boolean;
  place: string;
  stageFocus: string[];
  applyOpensOn: string;
  applyClosesOn: string;
  cohortSize: string;
};

// app.css styles date inputs but not datetime-local: the same look here.
const datetimeStyle = { font: "inherit", padding: "9px 12px", border: "1px solid #b9c3cf", borderRadius: 8, background: "#fff", color: "var(--c-text)", width: "100%" } as const;

/** Create and edit a pitch event (operators). Times are Korean time. */
export function EventForm({
  defaultValue,
  lastResult,
  submitLabel,
  cancelTo,
  submissionId,
}: {
  defaultValue: EventFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  submitLabel: string;
  cancelTo: string;
  /** Idempotency token of the create form (app/utils/submission.server.ts). */
  submissionId?: string | null;
}) {
  const { t, i18n } = useTranslation("events");
  const errText = useErrorText();
  const [form, fields] = useZodForm(EventSchema, lastResult, { id: "event", defaultValue });
  const initialStages = fields.stageFocus.initialValue;
  const stages = Array.isArray(initialStages) ? initialStages.filter((v): v is string => typeof v === "string") : typeof initialStages === "string" ? [initialStages] : [];
  const onlineInitial = fields.online.initialValue;
  const onlineChecked = onlineInitial === "on" || onlineInitial === "true" || (onlineInitial as unknown) === true;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <FormError>{errText(form.errors)?.join(" ")}</FormError>
      <TextField label={t("fields.name")} {...conformField(fields.name)} required maxLength={150} errors={errText(fields.name.errors)} />
      <TextField label={t("fields.nameEn")} {...conformField(fields.nameEn)} lang="en" maxLength={150} errors={errText(fields.nameEn.errors)} />
      <TextAreaField label={t("fields.description")} {...conformField(fields.description)} rows={5} maxLength={5000} errors={errText(fields.description.errors)} />
      <TextField label={t("fields.startsAt")} {...conformField(fields.startsAt)} type="datetime-local" required style={datetimeStyle} hint={t("fields.startsAtHint")} errors={errText(fields.startsAt.errors)} />
      <TextField label={t("fields.place")} {...conformField(fields.place)} maxLength={200} hint={t("fields.placeHint")} errors={errText(fields.place.errors)} />
      <div className="field">
        <label className="choice">
          <input type="checkbox" name={fields.online.name} id={fields.online.id} defaultChecked={onlineChecked} />
          {t("fields.online")}
        </label>
      </div>
      <ChoiceField
        label={t("fields.stageFocus")}
        name={fields.stageFocus.name}
        hint={t("fields.stageFocusHint")}
        options={fundingRounds.map((code) => ({ value: code, label: roundLabel(code, i18n.language) }))}
        defaultValue={stages}
        errors={errText(fields.stageFocus.errors)}
      />
      <div className="grid-2">
        <TextField label={t("fields.applyOpensOn")} {...conformField(fields.applyOpensOn)} type="date" required errors={errText(fields.applyOpensOn.errors)} />
        <TextField label={t("fields.applyClosesOn")} {...conformField(fields.applyClosesOn)} type="date" required errors={errText(fields.applyClosesOn.errors)} />
      </div>
      <TextField label={t("fields.cohortSize")} {...conformField(fields.cohortSize)} inputMode="numeric" hint={t("fields.cohortSizeHint")} errors={errText(fields.cohortSize.errors)} />
      <div className="btn-row">
        <SubmitButton variant="primary" pendingText={t("form.saving")}>
          {submitLabel}
        </SubmitButton>
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
