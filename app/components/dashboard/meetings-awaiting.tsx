import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/misc";
import { formatDate, localName } from "~/utils/format";

type Item = { id: string; created_at: string | Date; pitch_title: string; investor_name: string; investor_name_en?: string | null };

/** Company dashboard: meeting requests still waiting for an answer, oldest first. */
export function MeetingsAwaiting({ items }: { items: Item[] }) {
  const { t, i18n } = useTranslation("deals");
  return (
    <Card aria-labelledby="awaiting-meetings-title">
      <h2 id="awaiting-meetings-title">{t("dashboard.awaitingTitle")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("dashboard.awaitingEmpty")}</p>
      ) : (
        <ul>
          {items.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{localName(i18n.language, m.investor_name, m.investor_name_en)}</Link> · {m.pitch_title}
              <br />
              <span className="muted">{t("dashboard.requestedAt", { date: formatDate(m.created_at, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      )}
      <Link to="/meetings">{t("dashboard.toMeetings")}</Link>
    </Card>
  );
}
