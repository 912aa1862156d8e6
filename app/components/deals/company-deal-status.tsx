import { useTranslation } from "react-i18next";
import { Badge, Card } from "~/components/ui/misc";
import type { CompanyDealStatus as Status, PassReason } from "~/modules/deals/deal-options";
import { formatDate, localName } from "~/utils/format";

export type CompanyDealStatusRow = {
  pitchId: string;
  pitchTitle: string;
  investorName: string;
  investorNameEn: string | null;
  status: Status;
  passReason: PassReason | null;
  updatedAt: string | Date;
};

const tone = { "in-review": "info", invested: "success", passed: "default" } as const;

/**
 * For the company: which investor organisations are looking at its pitches
 * and a high-level status — 검토 중 / 투자 완료 / 검토 종료 (+ the reason).
 * The rows come from companyDealStatuses, which never carries notes or amounts.
 */
export function CompanyDealStatusCard({ rows, showPitch = true }: { rows: CompanyDealStatusRow[]; showPitch?: boolean }) {
  const { t, i18n } = useTranslation("deals");
  const lng = i18n.language;
  return (
    <Card aria-labelledby="deal-status-title" id="deal-status">
      <h2 id="deal-status-title">{t("companyDeals.title")}</h2>
      <p className="muted">{t("companyDeals.lead")}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("companyDeals.empty")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <li key={`${r.pitchId}-${r.investorName}`} data-testid="company-deal-status">
              <strong>{localName(lng, r.investorName, r.investorNameEn)}</strong> <Badge tone={tone[r.status]}>{t(`companyStatus.${r.status}`)}</Badge>
              {r.status === "passed" && r.passReason ? <span> · {t("companyDeals.reason", { reason: t(`passReasons.${r.passReason}`) })}</span> : null}
              <br />
              <span className="muted">
                {showPitch ? `${r.pitchTitle} · ` : ""}
                {formatDate(r.updatedAt, lng)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
