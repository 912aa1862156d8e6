import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermBadges } from "~/components/terms";
import { Badge } from "~/components/ui/misc";
import { formatDate, formatKrw, localName } from "~/utils/format";
import { Fact, RoundBadge, SignalBadges } from "./pitch-bits";

export type PitchCardData = {
  id: string;
  title: string;
  one_liner: string;
  ask_krw: number | null;
  round: string | null;
  trl: number | null;
  published_at: string | Date | null;
  org_name: string;
  org_name_en: string | null;
  terms: Record<string, string[]>;
  signals: { hospitalCollaborations: number; testbeds: number; testbedHospitals?: { ko: string; en: string }[]; certifications: string[] };
  hidden?: boolean;
};

/** One published pitch in the investor's list. */
export function PitchCard({ pitch, matchScore }: { pitch: PitchCardData; matchScore?: number }) {
  const { t, i18n } = useTranslation("pitches");
  const en = i18n.language === "en";
  return (
    <article className="card" aria-labelledby={`pitch-${pitch.id}`} data-testid="pitch-card">
      <h2 id={`pitch-${pitch.id}`} style={{ fontSize: "1.12rem", marginBottom: 4 }}>
        <Link to={`/pitches/${pitch.id}`}>{pitch.title}</Link>
      </h2>
      <p className="muted" style={{ margin: "0 0 6px" }}>
        {localName(en, pitch.org_name, pitch.org_name_en)} {pitch.hidden ? <Badge tone="danger">{t("status.hidden")}</Badge> : null}
      </p>
      {matchScore !== undefined ? (
        <p style={{ margin: "0 0 6px" }}>
          <Badge tone={matchScore >= 50 ? "success" : matchScore >= 20 ? "info" : "default"}>{t("list.matchScore", { score: matchScore.toFixed(1) })}</Badge>
        </p>
      ) : null}
      <p style={{ margin: "0 0 10px" }}>{pitch.one_liner}</p>
      <div className="tags" style={{ marginBottom: 10 }}>
        <RoundBadge round={pitch.round} />
        <TermBadges kind="tech_field" codes={pitch.terms.tech_field} tone="default" />
        <TermBadges kind="clinical_area" codes={pitch.terms.clinical_area} />
        <SignalBadges signals={pitch.signals} />
      </div>
      <dl style={{ fontSize: "0.93rem", margin: 0 }}>
        <Fact label={t("fields.ask")}>{formatKrw(pitch.ask_krw, i18n.language)}</Fact>
        {pitch.trl ? <Fact label={t("fields.trl")}>TRL {pitch.trl}</Fact> : null}
        <Fact label={t("list.publishedOn")}>{formatDate(pitch.published_at, i18n.language)}</Fact>
      </dl>
    </article>
  );
}
