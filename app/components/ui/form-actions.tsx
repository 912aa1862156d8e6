import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "./button";

/**
 * The buttons under a create/edit form of something that can be a draft
 * (needs, pitches, testbed offers): publish and save-as-draft when new, save
 * when editing, then cancel. Labels are `form.*` keys of the given namespace.
 */
export function DraftFormActions({ ns, mode, cancelTo, canPublish = true }: { ns: string; mode: "new" | "edit"; cancelTo: string; canPublish?: boolean }) {
  const { t } = useTranslation(ns);
  return (
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
  );
}
