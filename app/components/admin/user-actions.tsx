import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { Badge } from "~/components/ui/misc";
import { formatDateTime } from "~/utils/format";

type ActionData = { userId: string | null; error: string | null } | undefined;

/**
 * Disable (behind a confirmation box) or re-enable one user. Works without
 * JavaScript: <details> opens the confirmation, the server checks the box.
 */
export function UserActions({ user, self }: { user: { id: string; email: string; disabled: boolean }; self: boolean }) {
  const { t } = useTranslation("admin");
  const actionData = useActionData() as ActionData;
  const error = actionData?.userId === user.id ? actionData.error : null;
  if (self) return <span className="muted">{t("users.you")}</span>;
  if (user.disabled) {
    return (
      <Form method="post">
        <input type="hidden" name="userId" value={user.id} />
        <SubmitButton size="sm" name="intent" value="enable" pendingText={t("users.enabling")}>
          {t("users.enable")}
        </SubmitButton>
      </Form>
    );
  }
  return (
    <details open={Boolean(error)}>
      <summary className="btn btn-sm">{t("users.disable")}</summary>
      <Form method="post" className="confirm-box">
        <input type="hidden" name="userId" value={user.id} />
        <p style={{ marginTop: 0 }}>{t("users.disableExplain", { email: user.email })}</p>
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> {t("users.confirmDisable")}
        </label>
        {error ? (
          <p className="field-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <div className="btn-row" style={{ marginTop: 8 }}>
          <SubmitButton variant="danger" size="sm" name="intent" value="disable" pendingText={t("users.disabling")}>
            {t("users.disableNow")}
          </SubmitButton>
        </div>
      </Form>
    </details>
  );
}

/** A user's state for operators: disabled since when, or how many sessions are live. */
export function UserStateBadge({ disabledAt, sessions }: { disabledAt: string | Date | null; sessions: number }) {
  const { t, i18n } = useTranslation("admin");
  return disabledAt ? (
    <Badge tone="danger">{t("users.disabledSince", { at: formatDateTime(disabledAt, i18n.language) })}</Badge>
  ) : (
    <Badge tone="success">{t("users.activeSessions", { n: sessions })}</Badge>
  );
}
