import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextAreaField, TextField } from "~/components/ui/field";
import { CallSchema } from "~/modules/needs/schemas";
import { useErrorText, useZodForm } from "~/utils/forms";

export type CallFormValues = { name: string; nameEn: string; description: string; eligibility: string; budgetKrw: string; startsOn: string; endsOn: string };

export function CallForm({
  defaultValue,
  lastResult,
  submitLabel,
  cancelTo,
  submissionId,
}: {
  defaultValue: CallFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  submitLabel: string;
  cancelTo: string;
  /** Idempotency token of the create form (app/utils/submission.server.ts). */
  submissionId?: string | null;
}) {
  const { t } = useTranslation("needs");
  const errText = useErrorText();
  const [form, fields] = useZodForm(CallSchema, lastResult, { id: "call", defaultValue });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <FormError>{errText(form.errors)?.join(" ")}</FormError>
      <TextField label={t("calls.name")} {...conformField(fields.name)} required maxLength={150} errors={errText(fields.name.errors)} />
      <TextField label={t("calls.nameEn")} {...conformField(fields.nameEn)} lang="en" maxLength={150} errors={errText(fields.nameEn.errors)} />
      <TextAreaField label={t("calls.description")} {...conformField(fields.description)} errors={errText(fields.description.errors)} />
      <TextAreaField label={t("calls.eligibility")} {...conformField(fields.eligibility)} errors={errText(fields.eligibility.errors)} />
      <TextField label={t("calls.budget")} {...conformField(fields.budgetKrw)} inputMode="numeric" hint={t("form.budgetHint")} errors={errText(fields.budgetKrw.errors)} />
      <div className="grid-2">
        <TextField label={t("calls.startsOn")} {...conformField(fields.startsOn)} type="date" errors={errText(fields.startsOn.errors)} />
        <TextField label={t("calls.endsOn")} {...conformField(fields.endsOn)} type="date" errors={errText(fields.endsOn.errors)} />
      </div>
      <div className="btn-row">
        <SubmitButton variant="primary" pendingText={t("form.saving")}>
          {submitLabel}
        </SubmitButton>
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
