import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchBreakdown, type MatchViewData } from "~/components/matching/match-card";
import { Card } from "~/components/ui/misc";

export type RecommendedNeed = { need: { id: string; title: string; hospital: string; hospitalSlug: string }; match: MatchViewData };

/** The company's home: open needs that fit it best, each with its score parts and reasons. */
export function RecommendedNeeds({ items }: { items: RecommendedNeed[] }) {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="recommended-needs-title" style={{ marginTop: 20 }}>
      <h2 id="recommended-needs-title">{t("match.recommendedNeeds")}</h2>
      <p className="muted">{t("match.explain")}</p>
      {items.length === 0 ? (
        <p>{t("match.noRecommendations")}</p>
      ) : (
        items.map((r, i) => (
          <MatchBreakdown
            collapsed={i > 0}
            key={r.need.id}
            match={r.match}
            title={
              <>
                <Link to={`/needs/${r.need.id}`}>{r.need.title}</Link> <span className="muted">· {r.need.hospital}</span>
              </>
            }
          />
        ))
      )}
    </Card>
  );
}
