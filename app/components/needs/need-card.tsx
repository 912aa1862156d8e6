import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermBadges } from "~/components/terms";
import { Badge } from "~/components/ui/misc";
import { formatKrwRange, localName } from "~/utils/format";
import { DeadlineText } from "./need-bits";

export type NeedCardData = {
  id: string;
  title: string;
  summary: string;
  budget_min_krw: number | null;
  budget_max_krw: number | null;
  trl_min: number | null;
  trl_max: number | null;
  deadline: string | null;
  org_name: string;
  org_name_en: string | null;
  org_slug: string;
  terms: Record<string, string[]>;
};

function truncate(s: string, n: number) {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n).join("").trimEnd()}…` : s;
}

export function NeedCard({ need, today, headingLevel = 2, matchScore }: { need: NeedCardData; today: string; headingLevel?: 2 | 3; matchScore?: number }) {
  const { t, i18n } = useTranslation("needs");
  const en = i18n.language === "en";
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card" aria-labelledby={`need-${need.id}`}>
      <H id={`need-${need.id}`} style={{ fontSize: "1.12rem", marginBottom: 4 }}>
        <Link to={`/needs/${need.id}`}>{need.title}</Link>
      </H>
      {matchScore !== undefined ? (
        <p style={{ margin: "0 0 6px" }}>
          <Badge tone={matchScore >= 50 ? "success" : matchScore >= 20 ? "info" : "default"}>{t("list.matchScore", { score: matchScore.toFixed(1) })}</Badge>
        </p>
      ) : null}
      <p className="muted" style={{ margin: "0 0 8px" }}>
        <Link to={`/orgs/${need.org_slug}`}>{localName(en, need.org_name, need.org_name_en)}</Link>
      </p>
      <p style={{ margin: "0 0 10px" }}>{truncate(need.summary, 140)}</p>
      <div className="tags" style={{ marginBottom: 10 }}>
        <TermBadges kind="clinical_area" codes={need.terms.clinical_area} />
        <TermBadges kind="tech_field" codes={need.terms.tech_field} tone="default" />
        <TermBadges kind="collaboration_type" codes={need.terms.collaboration_type} tone="success" />
      </div>
      <dl className="kv" style={{ fontSize: "0.93rem" }}>
        <dt>{t("list.budget")}</dt>
        <dd>{formatKrwRange(need.budget_min_krw, need.budget_max_krw, i18n.language)}</dd>
        {need.trl_min || need.trl_max ? (
          <>
            <dt>{t("list.trl")}</dt>
            <dd>{t("detail.trlRange", { min: need.trl_min ?? "?", max: need.trl_max ?? "?" })}</dd>
          </>
        ) : null}
        <dt>{t("list.deadline")}</dt>
        <dd>
          <DeadlineText deadline={need.deadline} today={today} />
        </dd>
      </dl>
    </article>
  );
}
