import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermChoiceField } from "~/components/terms";
import { DraftFormActions } from "~/components/ui/form-actions";
import { KrwField } from "~/components/ui/krw-field";
import { conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { adoptionPayers, adoptionReimbursements, adoptionRoutes, NeedSchema } from "~/modules/needs/schemas";
import { certifications, clinicalAreas, collaborationTypes, growthStages, techFields } from "~/modules/taxonomy/vocabulary";
import { hasFieldErrors, useErrorText, useZodForm } from "~/utils/forms";
import { localName } from "~/utils/format";

export type NeedFormValues = {
  title: string;
  summary: string;
  details: string;
  clinicalAreas: string[];
  techFields: string[];
  collaborationTypes: string[];
  certifications: string[];
  growthStages: string[];
  trlMin: string;
  trlMax: string;
  budgetMinKrw: string;
  budgetMaxKrw: string;
  durationMonths: string;
  deadline: string;
  programCallId: string;
  adoptionPayer: string;
  adoptionRoute: string;
  adoptionReimbursement: string;
  ndaText: string;
};

/** The need form, shared by /needs/new and /needs/:id/edit. Every value typed is kept after a failed submit. */
export function NeedForm({
  mode,
  defaultValue,
  lastResult,
  calls,
  cancelTo,
  submissionId,
}: {
  mode: "new" | "edit";
  /** Idempotency token of a create form (app/utils/submission.server.ts). */
  submissionId?: string | null;
  defaultValue: NeedFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  calls: { id: string; name: string; name_en: string | null }[];
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation("needs");
  const errText = useErrorText();
  const en = i18n.language === "en";
  const [form, fields] = useZodForm(NeedSchema, lastResult, { id: "need", defaultValue });
  const enumOpts = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`adoption.${group}.${v}`) }));
  const hasErrors = hasFieldErrors(lastResult);
  return (
    <Form method="post" className="form" style={{ maxWidth: 760 }} {...getFormProps(form)}>
      <FormError>{hasErrors ? t("form.errorSummary") : null}</FormError>
      <FormError>{errText(form.errors)?.join(" ")}</FormError>
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <h2 className="form-section">{t("form.basics")}</h2>
      <TextField label={t("form.title")} {...conformField(fields.title)} required maxLength={120} hint={t("form.titleHint")} errors={errText(fields.title.errors)} />
      <TextAreaField label={t("form.summary")} {...conformField(fields.summary)} required maxLength={2000} hint={t("form.summaryHint")} errors={errText(fields.summary.errors)} />

      <h2 className="form-section">{t("form.tags")}</h2>
      <TermChoiceField label={t("form.clinicalAreas")} terms={clinicalAreas} field={fields.clinicalAreas} errors={errText(fields.clinicalAreas.errors)} />
      <TermChoiceField label={t("form.techFields")} terms={techFields} field={fields.techFields} errors={errText(fields.techFields.errors)} />
      <TermChoiceField label={t("form.collaborationTypes")} terms={collaborationTypes} field={fields.collaborationTypes} errors={errText(fields.collaborationTypes.errors)} />
      <TermChoiceField label={t("form.certifications")} terms={certifications} field={fields.certifications} errors={errText(fields.certifications.errors)} />
      <TermChoiceField label={t("form.growthStages")} terms={growthStages} field={fields.growthStages} hint={t("form.growthStagesHint")} errors={errText(fields.growthStages.errors)} />

      <h2 className="form-section">{t("form.scope")}</h2>
      <div className="grid-2">
        <TextField label={t("form.trlMin")} {...conformField(fields.trlMin)} type="number" min={1} max={9} hint={t("form.trlHint")} errors={errText(fields.trlMin.errors)} />
        <TextField label={t("form.trlMax")} {...conformField(fields.trlMax)} type="number" min={1} max={9} hint={t("form.trlHint")} errors={errText(fields.trlMax.errors)} />
        <KrwField label={t("form.budgetMin")} {...conformField(fields.budgetMinKrw)} hint={t("form.budgetHint")} preview={(amount) => t("form.budgetPreview", { amount })} errors={errText(fields.budgetMinKrw.errors)} />
        <KrwField label={t("form.budgetMax")} {...conformField(fields.budgetMaxKrw)} hint={t("form.budgetHint")} preview={(amount) => t("form.budgetPreview", { amount })} errors={errText(fields.budgetMaxKrw.errors)} />
        <TextField label={t("form.duration")} {...conformField(fields.durationMonths)} type="number" min={1} max={120} errors={errText(fields.durationMonths.errors)} />
        <TextField label={t("form.deadline")} {...conformField(fields.deadline)} type="date" hint={t("form.deadlineHint")} errors={errText(fields.deadline.errors)} />
      </div>
      <SelectField
        label={t("form.call")}
        {...conformField(fields.programCallId)}
        placeholder={t("form.callNone")}
        options={calls.map((c) => ({ value: c.id, label: localName(en, c.name, c.name_en) }))}
        errors={errText(fields.programCallId.errors)}
      />

      <h2 className="form-section">{t("form.adoption")}</h2>
      <div className="grid-2">
        <SelectField label={t("form.payer")} {...conformField(fields.adoptionPayer)} placeholder={t("form.choose")} options={enumOpts("payer", adoptionPayers)} errors={errText(fields.adoptionPayer.errors)} />
        <SelectField label={t("form.route")} {...conformField(fields.adoptionRoute)} placeholder={t("form.choose")} options={enumOpts("route", adoptionRoutes)} errors={errText(fields.adoptionRoute.errors)} />
        <SelectField
          label={t("form.reimbursement")}
          {...conformField(fields.adoptionReimbursement)}
          placeholder={t("form.choose")}
          options={enumOpts("reimbursement", adoptionReimbursements)}
          errors={errText(fields.adoptionReimbursement.errors)}
        />
      </div>

      <h2 className="form-section">{t("form.confidential")}</h2>
      <TextAreaField label={t("form.details")} {...conformField(fields.details)} rows={8} hint={t("form.detailsHint")} errors={errText(fields.details.errors)} />
      <TextAreaField label={t("form.ndaText")} {...conformField(fields.ndaText)} rows={5} hint={t("form.ndaHint")} errors={errText(fields.ndaText.errors)} />

      {/* A form-level message (e.g. the database was unreachable) also next to the buttons the user just pressed;
          the one at the top is the announced alert. */}
      {form.errors?.length ? (
        <p className="form-error" aria-hidden="true">
          {errText(form.errors)?.join(" ")}
        </p>
      ) : null}
      <DraftFormActions ns="needs" mode={mode} cancelTo={cancelTo} />
    </Form>
  );
}
