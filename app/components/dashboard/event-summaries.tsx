import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationStatusBadge, eventName, EventStatusBadge, fmtScore } from "~/components/events/event-bits";
import { Badge, Card } from "~/components/ui/misc";
import { formatDateTime } from "~/utils/format";

type Averages = { overall: number; count: number };
type CompanyItem = { eventId: string; name: string; nameEn: string | null; startsAt: string | Date; status: string; pitchTitle: string; results: Averages | null };
type OperatorItem = { id: string; name: string; name_en: string | null; starts_at: string | Date; applications: number; selected: number };
type InvestorItem = { id: string; name: string; name_en: string | null; starts_at: string | Date; status: string; rated: number; cohort: number };

function Browse() {
  const { t } = useTranslation("events");
  return (
    <Link className="btn btn-ghost" to="/events">
      {t("dashboard.browse")}
    </Link>
  );
}

/** Company dashboard: its pitch-event applications, and its averages once rating has opened. */
export function CompanyEvents({ items }: { items: CompanyItem[] }) {
  const { t, i18n } = useTranslation("events");
  return (
    <Card aria-labelledby="dash-events-title">
      <h2 id="dash-events-title">{t("dashboard.companyTitle")}</h2>
      {items.length ? (
        <ul>
          {items.map((e) => (
            <li key={e.eventId}>
              <Link to={`/events/${e.eventId}`}>{eventName(e, i18n.language)}</Link> · {e.pitchTitle} · <ApplicationStatusBadge status={e.status} />{" "}
              {e.results ? (
                <Link to={`/events/${e.eventId}/results`}>
                  {e.results.count ? t("dashboard.overall", { value: fmtScore(e.results.overall), count: e.results.count }) : t("results.noRatings")}
                </Link>
              ) : (
                <small className="muted">{formatDateTime(e.startsAt, i18n.language)}</small>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.companyEmpty")}</p>
      )}
      <Browse />
    </Card>
  );
}

/** Operator dashboard: upcoming rounds with their application counts. */
export function OperatorEvents({ items }: { items: OperatorItem[] }) {
  const { t, i18n } = useTranslation("events");
  return (
    <Card aria-labelledby="dash-events-title">
      <h2 id="dash-events-title">{t("dashboard.operatorTitle")}</h2>
      {items.length ? (
        <ul>
          {items.map((e) => (
            <li key={e.id}>
              <Link to={`/events/${e.id}`}>{eventName(e, i18n.language)}</Link> · <small className="muted">{formatDateTime(e.starts_at, i18n.language)}</small>{" "}
              <Badge tone="info">{t("dashboard.applications", { count: e.applications })}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.operatorEmpty")}</p>
      )}
      <div className="btn-row">
        <Link className="btn" to="/events/new">
          {t("list.new")}
        </Link>
        <Browse />
      </div>
    </Card>
  );
}

/** Investor dashboard: rounds the user registered for, with how many cohort pitches they rated. */
export function InvestorEvents({ items }: { items: InvestorItem[] }) {
  const { t, i18n } = useTranslation("events");
  return (
    <Card aria-labelledby="dash-events-title">
      <h2 id="dash-events-title">{t("dashboard.investorTitle")}</h2>
      {items.length ? (
        <ul>
          {items.map((e) => (
            <li key={e.id}>
              <Link to={`/events/${e.id}`}>{eventName(e, i18n.language)}</Link> · <EventStatusBadge status={e.status} />{" "}
              <small className="muted">
                {formatDateTime(e.starts_at, i18n.language)} · {t("dashboard.rated", { rated: e.rated, cohort: e.cohort })}
              </small>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.investorEmpty")}</p>
      )}
      <Browse />
    </Card>
  );
}
