import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { ChoiceField, conformField, FormError, TextAreaField } from "~/components/ui/field";
import { RateSchema, ratingParts } from "~/modules/events/schemas";
import { useErrorText, useZodForm } from "~/utils/forms";

const scores = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));

export type OwnRating = { team: number; technology: number; market: number; comment: string } | null;

/** A registered investor rates one cohort pitch (1–5 on team, technology, market, and a comment). */
export function RatingForm({ pitchId, own, lastResult, formError }: { pitchId: string; own: OwnRating; lastResult: SubmissionResult<string[]> | null | undefined; formError?: string | null }) {
  const { t } = useTranslation("events");
  const errText = useErrorText();
  const [form, fields] = useZodForm(RateSchema, lastResult, {
    id: `rate-${pitchId}`,
    defaultValue: { pitchId, team: own ? String(own.team) : "", technology: own ? String(own.technology) : "", market: own ? String(own.market) : "", comment: own?.comment ?? "" },
  });
  const initial = (v: unknown) => (typeof v === "string" ? v : null);
  return (
    <Form method="post" className="form" {...getFormProps(form)} style={{ maxWidth: "none" }}>
      <input type="hidden" name="pitchId" value={pitchId} />
      <FormError>{formError ?? errText(form.errors)?.join(" ")}</FormError>
      <p className="hint">{t("rate.scale")}</p>
      <div className="grid-2" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))" }}>
        {ratingParts.map((part) => (
          <ChoiceField
            key={part}
            type="radio"
            label={t(`rate.${part}`)}
            name={fields[part].name}
            options={scores}
            defaultValue={initial(fields[part].initialValue)}
            errors={errText(fields[part].errors)}
          />
        ))}
      </div>
      <TextAreaField label={t("rate.comment")} {...conformField(fields.comment)} rows={3} maxLength={2000} hint={t("rate.commentHint")} errors={errText(fields.comment.errors)} />
      <div className="btn-row">
        <SubmitButton variant="primary" name="intent" value="rate" pendingText={t("rate.saving")}>
          {own ? t("rate.update") : t("rate.save")}
        </SubmitButton>
      </div>
    </Form>
  );
}
