import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/misc";
import type { Averages } from "~/modules/events/events.server";
import { roundLabel } from "~/modules/pitches/rounds";
import { formatDate, localName } from "~/utils/format";

/** Client-safe pieces shared by the event pages and the dashboard. */

export function EventStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("events");
  return <Badge tone={status === "open" ? "success" : "default"}>{t(`status.${status}`)}</Badge>;
}

export function ApplyStateBadge({ state }: { state: "not-yet" | "open" | "closed" }) {
  const { t } = useTranslation("events");
  const tone: BadgeTone = state === "open" ? "info" : state === "not-yet" ? "warn" : "default";
  return <Badge tone={tone}>{t(`apply.${state}`)}</Badge>;
}

const appTones: Record<string, BadgeTone> = { applied: "info", selected: "success", "not-selected": "default", withdrawn: "default" };
export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("events");
  return <Badge tone={appTones[status] ?? "default"}>{t(`appStatus.${status}`)}</Badge>;
}

export function eventName(e: { name: string; name_en?: string | null; nameEn?: string | null }, lng: string): string {
  return localName(lng, e.name, e.name_en ?? e.nameEn);
}

export function PlaceText({ place, online }: { place: string; online: boolean }) {
  const { t } = useTranslation("events");
  if (online && place) return <>{t("fields.onlineAnd", { place })}</>;
  if (online) return <>{t("fields.onlineOnly")}</>;
  return <>{place || t("fields.none")}</>;
}

export function StageFocus({ codes }: { codes: readonly string[] }) {
  const { t, i18n } = useTranslation("events");
  if (!codes.length) return <>{t("fields.allStages")}</>;
  return (
    <span className="tags">
      {codes.map((c) => (
        <Badge key={c} tone="info">
          {roundLabel(c, i18n.language)}
        </Badge>
      ))}
    </span>
  );
}

export function WindowText({ opens, closes }: { opens: string; closes: string }) {
  const { i18n } = useTranslation("events");
  // Calendar dates: noon in Seoul so no time zone moves them to another day.
  return (
    <>
      {formatDate(`${opens}T12:00:00+09:00`, i18n.language)} ~ {formatDate(`${closes}T12:00:00+09:00`, i18n.language)}
    </>
  );
}

export const fmtScore = (v: number) => v.toFixed(1);

/** Averages of one pitch as a small definition list. */
export function AveragesList({ averages }: { averages: Averages }) {
  const { t } = useTranslation("events");
  return (
    <dl className="kv">
      {(["team", "technology", "market", "overall"] as const).map((k) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{t(`results.${k}`)}</dt>
          <dd>{averages.count ? <strong>{t("results.outOf5", { value: fmtScore(averages[k]) })}</strong> : t("fields.none")}</dd>
        </div>
      ))}
      <dt>{t("results.count")}</dt>
      <dd>{t("results.countValue", { count: averages.count })}</dd>
    </dl>
  );
}
