import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/applications/status-badge";
import { formatDate, localName } from "~/utils/format";

type Item = { id: string; status: string; created_at: string | Date; need_title: string; hospital_name: string; hospital_name_en?: string | null };

/** The company dashboard's "내 지원 현황": latest applications with their status. */
export function CompanyApplications({ items }: { items: Item[] }) {
  const { t, i18n } = useTranslation("applications");
  return (
    <>
      <h3>{t("dashboard.title")}</h3>
      {items.length ? (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/applications/${a.id}`}>{a.need_title}</Link> · {localName(i18n.language, a.hospital_name, a.hospital_name_en)} · <StatusBadge status={a.status} />{" "}
              <small className="muted">{formatDate(a.created_at, i18n.language)}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.empty")}</p>
      )}
      <div className="btn-row">
        <Link className="btn" to="/applications">
          {t("dashboard.viewAll")}
        </Link>
        <Link className="btn btn-ghost" to="/needs">
          {t("dashboard.browse")}
        </Link>
      </div>
    </>
  );
}
