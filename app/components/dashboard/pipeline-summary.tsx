import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/misc";
import { dealStages, type DealStageCode } from "~/modules/deals/deal-options";

/** Investor dashboard: number of deals per pipeline stage. */
export function PipelineSummary({ counts }: { counts: Record<DealStageCode, number> }) {
  const { t } = useTranslation("deals");
  const total = dealStages.reduce((n, s) => n + counts[s], 0);
  return (
    <Card aria-labelledby="pipeline-summary-title">
      <h2 id="pipeline-summary-title">{t("dashboard.pipelineTitle")}</h2>
      {total === 0 ? (
        <p className="muted">{t("dashboard.pipelineEmpty")}</p>
      ) : (
        <dl className="kv">
          {dealStages.map((s) => (
            <div key={s} style={{ display: "contents" }}>
              <dt>{t(`stages.${s}`)}</dt>
              <dd data-stage={s}>{counts[s]}</dd>
            </div>
          ))}
        </dl>
      )}
      <Link className="btn btn-sm" to="/pipeline" style={{ marginTop: 12 }}>
        {t("dashboard.toPipeline")}
      </Link>
    </Card>
  );
}
