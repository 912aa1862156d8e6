import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PitchStatusBadge } from "~/components/pitches/pitch-bits";
import { Card } from "~/components/ui/misc";

export type OwnPitchItem = { id: string; title: string; status: string; views: number; investors: number };

/** The company's home: its pitches with how many investor organisations looked at them. */
export function PitchViews({ items }: { items: OwnPitchItem[] }) {
  const { t } = useTranslation("pitches");
  return (
    <Card aria-labelledby="pitch-views-title">
      <h2 id="pitch-views-title">{t("dashboard.myPitches")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("dashboard.noPitches")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {items.slice(0, 5).map((p) => (
            <li key={p.id}>
              <Link to={`/pitches/${p.id}`}>{p.title}</Link>{" "}
              <span className="tags">
                <PitchStatusBadge status={p.status} />
                <span className="muted" data-testid="pitch-view-count">
                  {t("own.viewCount", { views: p.views, investors: p.investors })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="btn-row">
        <Link className="btn btn-sm btn-primary" to="/pitches/new">
          {t("dashboard.newPitch")}
        </Link>
        <Link to="/pitches">{t("dashboard.allPitches")}</Link>
      </div>
    </Card>
  );
}
