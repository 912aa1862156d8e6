import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermBadges } from "~/components/terms";
import { Badge } from "~/components/ui/misc";
import { IrbBadge, PeriodText } from "./bits";
import { localName } from "~/utils/format";

export type OfferCardData = {
  id: string;
  title: string;
  department: string;
  description: string;
  capacity: number | null;
  period_start: string | null;
  period_end: string | null;
  irb_status: string;
  org_name: string;
  org_name_en: string | null;
  org_slug: string;
  completed: number;
  terms: Record<string, string[]>;
};

function truncate(s: string, n: number) {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n).join("").trimEnd()}…` : s;
}

export function OfferCard({ offer }: { offer: OfferCardData }) {
  const { t, i18n } = useTranslation("testbeds");
  const en = i18n.language === "en";
  return (
    <article className="card" aria-labelledby={`offer-${offer.id}`}>
      <h2 id={`offer-${offer.id}`} style={{ fontSize: "1.12rem", marginBottom: 4 }}>
        <Link to={`/testbeds/${offer.id}`}>{offer.title}</Link>
      </h2>
      <p className="muted" style={{ margin: "0 0 8px" }}>
        <Link to={`/orgs/${offer.org_slug}`}>{localName(en, offer.org_name, offer.org_name_en)}</Link>
        {offer.department ? ` · ${offer.department}` : null}
      </p>
      <p style={{ margin: "0 0 10px" }}>{truncate(offer.description, 140)}</p>
      <div className="tags" style={{ marginBottom: 10 }}>
        <IrbBadge status={offer.irb_status} />
        {offer.completed > 0 ? <Badge tone="success">{t("offer.completedCount", { count: offer.completed })}</Badge> : null}
        <TermBadges kind="clinical_area" codes={offer.terms.clinical_area} />
        <TermBadges kind="tech_field" codes={offer.terms.tech_field} tone="default" />
        <TermBadges kind="growth_stage" codes={offer.terms.growth_stage} tone="success" />
      </div>
      <dl className="kv" style={{ fontSize: "0.93rem" }}>
        <dt>{t("offer.period")}</dt>
        <dd>
          <PeriodText start={offer.period_start} end={offer.period_end} />
        </dd>
        <dt>{t("offer.capacity")}</dt>
        <dd>{offer.capacity ? t("offer.capacityValue", { count: offer.capacity }) : t("offer.none")}</dd>
      </dl>
    </article>
  );
}
