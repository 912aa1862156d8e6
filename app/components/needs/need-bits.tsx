import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/misc";
import { daysUntil } from "~/modules/needs/dates";
import { formatDate } from "~/utils/format";

const TONE: Record<string, BadgeTone> = { draft: "warn", open: "success", closed: "default", matched: "info" };

export function NeedStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("needs");
  return <Badge tone={TONE[status] ?? "default"}>{t(`status.${status}`)}</Badge>;
}

/** "상시 모집" or "2026. 12. 31. 마감 · D-12". */
export function DeadlineText({ deadline, today }: { deadline: string | null; today: string }) {
  const { t, i18n } = useTranslation("needs");
  if (!deadline) return <Badge tone="success">{t("list.alwaysOpen")}</Badge>;
  const days = daysUntil(deadline, today);
  return (
    <span>
      {t("list.deadlineOn", { date: formatDate(`${deadline}T00:00:00+09:00`, i18n.language) })}{" "}
      {days >= 0 ? <Badge tone={days <= 7 ? "warn" : "default"}>{days === 0 ? t("list.ddayToday") : t("list.dday", { days })}</Badge> : null}
    </span>
  );
}
