import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermChoiceField } from "~/components/terms";
import { DraftFormActions } from "~/components/ui/form-actions";
import { KrwField } from "~/components/ui/krw-field";
import { conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { rounds } from "~/modules/pitches/rounds";
import { PitchSchema } from "~/modules/pitches/schemas";
import { clinicalAreas, techFields } from "~/modules/taxonomy/vocabulary";
import { hasFieldErrors, useErrorText, useZodForm } from "~/utils/forms";

export type PitchFormValues = {
  title: string;
  oneLiner: string;
  problem: string;
  solution: string;
  market: string;
  traction: string;
  team: string;
  askKrw: string;
  round: string;
  techFields: string[];
  clinicalAreas: string[];
  trl: string;
};

/** The pitch form, shared by /pitches/new and /pitches/:id/edit (multipart: the deck PDF travels with it). */
export function PitchForm({
  mode,
  defaultValue,
  lastResult,
  cancelTo,
  currentDeck,
  canPublish,
  submissionId,
}: {
  mode: "new" | "edit";
  defaultValue: PitchFormValues;
  lastResult: SubmissionResult<string[]> | null | undefined;
  cancelTo: string;
  currentDeck?: string | null;
  canPublish: boolean;
  /** Idempotency token of the create form (app/utils/submission.server.ts). */
  submissionId?: string | null;
}) {
  const { t, i18n } = useTranslation("pitches");
  const errText = useErrorText();
  const en = i18n.language === "en";
  const [form, fields] = useZodForm(PitchSchema, lastResult, { id: "pitch", defaultValue });
  const hasErrors = hasFieldErrors(lastResult);
  const deckErrors = errText((lastResult?.error as Record<string, string[] | null> | undefined)?.deck ?? undefined);
  return (
    <Form method="post" encType="multipart/form-data" className="form" style={{ maxWidth: 760 }} {...getFormProps(form)}>
      {submissionId ? <input type="hidden" name="submissionId" value={submissionId} /> : null}
      <FormError>{hasErrors ? t("form.errorSummary") : null}</FormError>
      <FormError>{errText(form.errors)?.join(" ")}</FormError>
      <h2 className="form-section">{t("form.basics")}</h2>
      <TextField label={t("fields.title")} {...conformField(fields.title)} required maxLength={120} hint={t("form.titleHint")} errors={errText(fields.title.errors)} />
      <TextField label={t("fields.oneLiner")} {...conformField(fields.oneLiner)} required maxLength={200} hint={t("form.oneLinerHint")} errors={errText(fields.oneLiner.errors)} />
      <div className="grid-2">
        <KrwField label={t("fields.ask")} {...conformField(fields.askKrw)} hint={t("form.askHint")} preview={(amount) => t("form.askPreview", { amount })} errors={errText(fields.askKrw.errors)} />
        <SelectField
          label={t("fields.round")}
          {...conformField(fields.round)}
          placeholder={t("form.choose")}
          options={rounds.map((r) => ({ value: r.code, label: en ? r.label.en : r.label.ko }))}
          errors={errText(fields.round.errors)}
        />
        <TextField label={t("fields.trl")} {...conformField(fields.trl)} type="number" min={1} max={9} inputMode="numeric" hint={t("form.trlHint")} errors={errText(fields.trl.errors)} />
      </div>
      <TermChoiceField label={t("fields.techFields")} terms={techFields} field={fields.techFields} errors={errText(fields.techFields.errors)} />
      <TermChoiceField label={t("fields.clinicalAreas")} terms={clinicalAreas} field={fields.clinicalAreas} errors={errText(fields.clinicalAreas.errors)} />

      <h2 className="form-section">{t("form.story")}</h2>
      <p className="hint">{t("form.storyHint")}</p>
      <TextAreaField label={t("fields.problem")} {...conformField(fields.problem)} rows={4} maxLength={5000} errors={errText(fields.problem.errors)} />
      <TextAreaField label={t("fields.solution")} {...conformField(fields.solution)} rows={4} maxLength={5000} errors={errText(fields.solution.errors)} />
      <TextAreaField label={t("fields.market")} {...conformField(fields.market)} rows={3} maxLength={5000} errors={errText(fields.market.errors)} />
      <TextAreaField label={t("fields.traction")} {...conformField(fields.traction)} rows={3} maxLength={5000} errors={errText(fields.traction.errors)} />
      <TextAreaField label={t("fields.team")} {...conformField(fields.team)} rows={3} maxLength={5000} errors={errText(fields.team.errors)} />

      <h2 className="form-section">{t("fields.deck")}</h2>
      {currentDeck ? <p className="muted">{t("form.currentDeck", { name: currentDeck })}</p> : null}
      <TextField
        label={currentDeck ? t("form.replaceDeck") : t("form.deck")}
        id="pitch-deck"
        name="deck"
        type="file"
        accept="application/pdf,.pdf"
        hint={t("form.deckHint")}
        errors={deckErrors}
      />

      <DraftFormActions ns="pitches" mode={mode} cancelTo={cancelTo} canPublish={canPublish} />
    </Form>
  );
}
