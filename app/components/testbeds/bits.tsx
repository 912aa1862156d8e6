import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/misc";
import { formatDate } from "~/utils/format";

const OFFER_TONE: Record<string, BadgeTone> = { draft: "warn", open: "success", closed: "default" };
const IRB_TONE: Record<string, BadgeTone> = { "not-required": "default", required: "warn", "in-review": "info", approved: "success" };
const REQUEST_TONE: Record<string, BadgeTone> = {
  requested: "info",
  approved: "success",
  "in-progress": "warn",
  completed: "success",
  declined: "danger",
  withdrawn: "default",
};

export function OfferStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("testbeds");
  return <Badge tone={OFFER_TONE[status] ?? "default"}>{t(`offerStatus.${status}`)}</Badge>;
}

export function IrbBadge({ status }: { status: string }) {
  const { t } = useTranslation("testbeds");
  return <Badge tone={IRB_TONE[status] ?? "default"}>{t(`irb.${status}`)}</Badge>;
}

export function RequestStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("testbeds");
  return <Badge tone={REQUEST_TONE[status] ?? "default"}>{t(`requestStatus.${status}`)}</Badge>;
}

/** A calendar date (YYYY-MM-DD, Korea) in the reader's language. */
export function dayText(d: string | null | undefined, lng: string): string {
  return d ? formatDate(`${d}T00:00:00+09:00`, lng) : "";
}

/** "2026. 12. 1. – 2027. 2. 28." or "상시" when no period is given. */
export function PeriodText({ start, end }: { start: string | null; end: string | null }) {
  const { t, i18n } = useTranslation("testbeds");
  if (!start && !end) return <>{t("offer.periodAny")}</>;
  return <>{`${dayText(start, i18n.language) || "…"} – ${dayText(end, i18n.language) || "…"}`}</>;
}
