import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermChoiceField } from "~/components/terms";
import { DraftFormActions } from "~/components/ui/form-actions";
import { conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { irbStatuses, OfferSchema } from "~/modules/testbeds/schemas";
import { clinicalAreas, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { hasFieldErrors, useErrorText, useZodForm } from "~/utils/forms";

export type OfferFormValues = {
  title: string;
  department: string;
  description: string;
  equipment: string;
  capacity: string;
  periodStart: string;
  periodEnd: string;
  irbStatus: string;
  costSupport: string;
  clinicalAreas: string[];
  techFields: string[];
  growthStages: string[];
};

export const emptyOffer: OfferFormValues = {
  title: "",
  department: "",
  description: "",
  equipment: "",
  capacity: "",
  periodStart: "",
  periodEnd: "",
  irbStatus: "not-required",
  costSupport: "",
  clinicalAreas: [],
  techFields: [],
  growthStages: [],
};

/** The testbed offer form, shared by /testbeds/new and /testbeds/:id/edit. Values are kept after a failed submit. */
export function OfferForm({
  mode,
  defaultValue,
  lastResult,
  cancelTo,
  submissionId,
}: {
  mode: "new" | "edit";
  defaultValue: OfferFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  cancelTo: string;
  /** Idempotency token of the create form (app/utils/submission.server.ts). */
  submissionId?: string | null;
}) {
  const { t } = useTranslation("testbeds");
  const errText = useErrorText();
  const [form, fields] = useZodForm(OfferSchema, lastResult, { id: "offer", defaultValue });
  const hasErrors = hasFieldErrors(lastResult);
  return (
    <Form method="post" className="form" style={{ maxWidth: 760 }} {...getFormProps(form)}>
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <FormError>{hasErrors ? t("form.errorSummary") : null}</FormError>
      <h2 className="form-section">{t("form.basics")}</h2>
      <TextField label={t("form.title")} {...conformField(fields.title)} required maxLength={120} hint={t("form.titleHint")} errors={errText(fields.title.errors)} />
      <TextField label={t("form.department")} {...conformField(fields.department)} maxLength={100} hint={t("form.departmentHint")} errors={errText(fields.department.errors)} />
      <TextAreaField label={t("form.description")} {...conformField(fields.description)} required rows={6} maxLength={4000} hint={t("form.descriptionHint")} errors={errText(fields.description.errors)} />
      <TextAreaField label={t("form.equipment")} {...conformField(fields.equipment)} rows={3} maxLength={2000} hint={t("form.equipmentHint")} errors={errText(fields.equipment.errors)} />

      <h2 className="form-section">{t("form.conditions")}</h2>
      <div className="grid-2">
        <TextField label={t("form.capacity")} {...conformField(fields.capacity)} type="number" min={1} max={1000} hint={t("form.capacityHint")} errors={errText(fields.capacity.errors)} />
        <SelectField
          label={t("form.irbStatus")}
          {...conformField(fields.irbStatus)}
          options={irbStatuses.map((v) => ({ value: v, label: t(`irb.${v}`) }))}
          errors={errText(fields.irbStatus.errors)}
        />
        <TextField label={t("form.periodStart")} {...conformField(fields.periodStart)} type="date" errors={errText(fields.periodStart.errors)} />
        <TextField label={t("form.periodEnd")} {...conformField(fields.periodEnd)} type="date" hint={t("form.periodHint")} errors={errText(fields.periodEnd.errors)} />
      </div>
      <TextAreaField label={t("form.costSupport")} {...conformField(fields.costSupport)} rows={3} maxLength={1000} hint={t("form.costSupportHint")} errors={errText(fields.costSupport.errors)} />

      <h2 className="form-section">{t("form.tags")}</h2>
      <TermChoiceField label={t("form.clinicalAreas")} terms={clinicalAreas} field={fields.clinicalAreas} errors={errText(fields.clinicalAreas.errors)} />
      <TermChoiceField label={t("form.techFields")} terms={techFields} field={fields.techFields} errors={errText(fields.techFields.errors)} />
      <TermChoiceField label={t("form.growthStages")} terms={growthStages} field={fields.growthStages} hint={t("form.growthStagesHint")} errors={errText(fields.growthStages.errors)} />

      <DraftFormActions ns="testbeds" mode={mode} cancelTo={cancelTo} />
    </Form>
  );
}
