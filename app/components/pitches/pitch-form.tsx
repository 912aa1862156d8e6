import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { ChoiceField, conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { rounds } from "~/modules/pitches/rounds";
import { PitchSchema } from "~/modules/pitches/schemas";
import { clinicalAreas, techFields, type Term } from "~/modules/taxonomy/vocabulary";
import { formatKrw } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";

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

const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);

function AskField(props: { label: string; id: string; name: string; defaultValue?: string; errors?: string[] }) {
  const { t, i18n } = useTranslation("pitches");
  const [value, setValue] = useState(props.defaultValue ?? "");
  const digits = value.replace(/[,\s원₩]/g, "");
  const preview = /^\d{1,15}$/.test(digits) ? t("form.askPreview", { amount: formatKrw(Number(digits), i18n.language) }) : null;
  return (
    <TextField
      label={props.label}
      id={props.id}
      name={props.name}
      defaultValue={props.defaultValue}
      inputMode="numeric"
      onChange={(e) => setValue(e.currentTarget.value)}
      hint={
        <>
          {t("form.askHint")}
          {preview ? (
            <>
              {" "}
              <strong aria-live="polite">{preview}</strong>
            </>
          ) : null}
        </>
      }
      errors={props.errors}
    />
  );
}

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
  const opts = (terms: Term[]) => terms.map((x) => ({ value: x.code, label: en ? x.label.en : x.label.ko }));
  const hasErrors = Boolean(lastResult?.error && Object.values(lastResult.error).some((e) => e?.length));
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
        <AskField label={t("fields.ask")} {...conformField(fields.askKrw)} errors={errText(fields.askKrw.errors)} />
        <SelectField
          label={t("fields.round")}
          {...conformField(fields.round)}
          placeholder={t("form.choose")}
          options={rounds.map((r) => ({ value: r.code, label: en ? r.label.en : r.label.ko }))}
          errors={errText(fields.round.errors)}
        />
        <TextField label={t("fields.trl")} {...conformField(fields.trl)} type="number" min={1} max={9} inputMode="numeric" hint={t("form.trlHint")} errors={errText(fields.trl.errors)} />
      </div>
      <ChoiceField label={t("fields.techFields")} name="techFields" options={opts(techFields)} defaultValue={list(fields.techFields.initialValue)} errors={errText(fields.techFields.errors)} />
      <ChoiceField label={t("fields.clinicalAreas")} name="clinicalAreas" options={opts(clinicalAreas)} defaultValue={list(fields.clinicalAreas.initialValue)} errors={errText(fields.clinicalAreas.errors)} />

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

      <div className="btn-row">
        {mode === "new" ? (
          <>
            {canPublish ? (
              <SubmitButton variant="primary" name="intent" value="publish" pendingText={t("form.saving")}>
                {t("form.publish")}
              </SubmitButton>
            ) : null}
            <SubmitButton variant={canPublish ? "default" : "primary"} name="intent" value="draft" pendingText={t("form.saving")}>
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
