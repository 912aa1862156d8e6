import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/applications/status-badge";
import { Card } from "~/components/ui/misc";
import { formatDate, localName } from "~/utils/format";

type Item = { id: string; status: string; created_at: string | Date; need_title: string; company_name: string; company_name_en?: string | null };

/** What awaits the hospital's answer: the oldest unanswered applications first. */
export function AwaitingAnswer({ items }: { items: Item[] }) {
  const { t, i18n } = useTranslation("applications");
  return (
    <Card aria-labelledby="awaiting-title">
      <h2 id="awaiting-title">{t("dashboard.awaitingTitle")}</h2>
      {items.length ? (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/applications/${a.id}`}>{localName(i18n.language, a.company_name, a.company_name_en)}</Link> · {a.need_title} · <StatusBadge status={a.status} />{" "}
              <small className="muted">{formatDate(a.created_at, i18n.language)}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.awaitingEmpty")}</p>
      )}
      <Link className="btn" to="/applications">
        {t("dashboard.viewAllReceived")}
      </Link>
    </Card>
  );
}
