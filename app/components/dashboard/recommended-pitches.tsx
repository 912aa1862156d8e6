import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchBreakdown, type MatchViewData } from "~/components/matching/match-card";
import { RoundBadge } from "~/components/pitches/pitch-bits";
import { Card } from "~/components/ui/misc";

export type RecommendedPitch = { pitch: { id: string; title: string; oneLiner: string; round: string | null; company: string }; match: MatchViewData };

/** The investor's home: published pitches that fit its thesis best, each with score parts and reasons. */
export function RecommendedPitches({ items }: { items: RecommendedPitch[] }) {
  const { t } = useTranslation("pitches");
  return (
    <Card aria-labelledby="recommended-pitches-title" style={{ marginTop: 20 }}>
      <h2 id="recommended-pitches-title">{t("dashboard.recommended")}</h2>
      <p className="muted">
        {t("dashboard.recommendedLead")} {t("common:match.explain")}
      </p>
      {items.length === 0 ? (
        <p>{t("dashboard.noRecommended")}</p>
      ) : (
        items.map((r, i) => (
          <MatchBreakdown
            collapsed={i > 0}
            key={r.pitch.id}
            match={r.match}
            title={
              <>
                <Link to={`/pitches/${r.pitch.id}`}>{r.pitch.title}</Link> <span className="muted">· {r.pitch.company}</span> <RoundBadge round={r.pitch.round} />
              </>
            }
          />
        ))
      )}
      <p>
        <Link to="/pitches?sort=match">{t("dashboard.browse")}</Link>
      </p>
    </Card>
  );
}
