import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/misc";
import { formatDateTime, localName } from "~/utils/format";

type Item = { id: string; start_at: string | Date | null; duration_minutes: number; pitch_title: string; company_name: string; company_name_en?: string | null; investor_name: string; investor_name_en?: string | null };

/** Dashboard (company and investor): accepted meetings that have not ended yet. */
export function MeetingsUpcoming({ items, side }: { items: Item[]; side: "company" | "investor" }) {
  const { t, i18n } = useTranslation("deals");
  return (
    <Card aria-labelledby="upcoming-meetings-title">
      <h2 id="upcoming-meetings-title">{t("dashboard.upcomingTitle")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("dashboard.upcomingEmpty")}</p>
      ) : (
        <ul>
          {items.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{formatDateTime(m.start_at, i18n.language)}</Link> · {side === "company" ? localName(i18n.language, m.investor_name, m.investor_name_en) : localName(i18n.language, m.company_name, m.company_name_en)}
              <br />
              <span className="muted">
                {m.pitch_title} · {t("minutes", { count: m.duration_minutes })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link to="/meetings">{t("dashboard.toMeetings")}</Link>
    </Card>
  );
}
