import { useTranslation } from "react-i18next";

export type MatchPartView = { key: string; points: number; max: number; reason: string; gate?: "pass" | "fail" };
export type MatchViewData = { score: number; parts: MatchPartView[]; raise: string[] };

/**
 * A match score with its parts: one small bar per part, the reason in the
 * reader's language, and what would raise the fit. The parts add up to the
 * score shown (the module rounds parts first and sums them).
 */
export function MatchBreakdown({ match, title, collapsed }: { match: MatchViewData; title: React.ReactNode; collapsed?: boolean }) {
  const { t } = useTranslation();
  const scored = match.parts.filter((p) => p.max > 0 || p.gate);
  const head = (
    <div className="match-head">
      <div className="match-title">{title}</div>
      <div className="match-score" aria-label={t("match.scoreLabel", { score: match.score.toFixed(1) })}>
        <b data-testid="match-score">{match.score.toFixed(1)}</b>
        <span>/ 100</span>
      </div>
    </div>
  );
  const detail = (
    <>
      <ul className="match-parts">
        {scored.map((p) => (
          <li key={p.key} className={p.gate === "fail" ? "gate-fail" : undefined}>
            <div className="match-part-line">
              <span className="match-part-name">{t(`match.parts.${p.key}`, { defaultValue: p.key })}</span>
              <span className="match-part-points" data-testid="match-part-points">
                {p.points.toFixed(1)}
                {p.max > 0 ? <small> / {p.max.toFixed(1)}</small> : null}
              </span>
            </div>
            {p.max > 0 ? (
              <div className="match-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0, Math.min(100, (p.points / p.max) * 100))}%` }} />
              </div>
            ) : null}
            <p className="match-reason">{p.reason}</p>
          </li>
        ))}
      </ul>
      {match.raise.length ? (
        <div className="match-raise">
          <strong>{t("match.raise")}</strong>
          <ul>
            {match.raise.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
  if (collapsed !== undefined) {
    // Lists of several recommendations: the parts fold away so the page stays scannable; the first stays open.
    return (
      <div className="match">
        {head}
        <details className="match-details" open={!collapsed}>
          <summary>{t("match.showParts", { n: scored.length })}</summary>
          {detail}
        </details>
      </div>
    );
  }
  return (
    <div className="match">
      {head}
      {detail}
    </div>
  );
}
