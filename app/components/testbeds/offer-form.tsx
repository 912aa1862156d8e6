import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { ChoiceField, conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { irbStatuses, OfferSchema } from "~/modules/testbeds/schemas";
import { clinicalAreas, growthStages, techFields, type Term } from "~/modules/taxonomy/vocabulary";
import { useErrorText, useZodForm } from "~/utils/forms";

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

const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);

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
  const { t, i18n } = useTranslation("testbeds");
  const errText = useErrorText();
  const en = i18n.language === "en";
  const [form, fields] = useZodForm(OfferSchema, lastResult, { id: "offer", defaultValue });
  const opts = (terms: Term[]) => terms.map((x) => ({ value: x.code, label: en ? x.label.en : x.label.ko }));
  const hasErrors = Boolean(lastResult?.error && Object.values(lastResult.error).some((e) => e?.length));
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
      <ChoiceField label={t("form.clinicalAreas")} name="clinicalAreas" options={opts(clinicalAreas)} defaultValue={list(fields.clinicalAreas.initialValue)} errors={errText(fields.clinicalAreas.errors)} />
      <ChoiceField label={t("form.techFields")} name="techFields" options={opts(techFields)} defaultValue={list(fields.techFields.initialValue)} errors={errText(fields.techFields.errors)} />
      <ChoiceField
        label={t("form.growthStages")}
        name="growthStages"
        options={opts(growthStages)}
        defaultValue={list(fields.growthStages.initialValue)}
        hint={t("form.growthStagesHint")}
        errors={errText(fields.growthStages.errors)}
      />

      <div className="btn-row">
        {mode === "new" ? (
          <>
            <SubmitButton variant="primary" name="intent" value="publish" pendingText={t("form.saving")}>
              {t("form.publish")}
            </SubmitButton>
            <SubmitButton name="intent" value="draft" pendingText={t("form.saving")}>
              {t("form.saveDraft")}
            </SubmitButton>
          </>
        ) : (
          <SubmitButton variant="primary" name="intent" value="save" pendingText={t("form.saving")}>
            {t("form.save")}
          </SubmitButton>
        )}
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
