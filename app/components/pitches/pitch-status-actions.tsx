import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { PitchStatusBadge } from "./pitch-bits";

const AVAILABLE: Record<string, ("publish" | "archive")[]> = { draft: ["publish"], published: ["archive"], archived: ["publish"] };

/** Publish / archive buttons for the owner, each behind a confirmation. Posts to the edit route. */
export function PitchStatusActions({ id, status }: { id: string; status: string }) {
  const { t } = useTranslation("pitches");
  return (
    <>
      <p>
        {t("manage.current")} <PitchStatusBadge status={status} />
      </p>
      <p className="hint">{t(`manage.hint.${status}`)}</p>
      <div className="btn-row">
        {(AVAILABLE[status] ?? []).map((intent) => {
          const key = status === "archived" && intent === "publish" ? "republish" : intent;
          return (
            <Form key={intent} method="post" action={`/pitches/${id}/edit`} onSubmit={(e) => (!confirm(t(`manage.confirm.${key}`)) ? e.preventDefault() : undefined)}>
              <SubmitButton variant={intent === "publish" ? "primary" : "default"} name="intent" value={intent} pendingText="…">
                {t(`manage.${key}`)}
              </SubmitButton>
            </Form>
          );
        })}
      </div>
    </>
  );
}
