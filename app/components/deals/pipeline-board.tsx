import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dealStages, type DealStageCode } from "~/modules/deals/deal-options";
import { formatKrw, localName } from "~/utils/format";

type Deal = {
  id: string;
  stage: DealStageCode;
  pitch_title: string;
  company_name: string;
  company_name_en?: string | null;
  committed_krw: number | null;
  invested_krw: number | null;
  pass_reason: string | null;
  note_count: number;
};

/**
 * The board: one column per stage (watching → meeting → due diligence →
 * committed → invested, then passed). Columns scroll sideways on a phone.
 */
export function PipelineBoard({ deals }: { deals: Deal[] }) {
  const { t, i18n } = useTranslation("deals");
  const lng = i18n.language;
  return (
    <div style={{ overflowX: "auto", paddingBottom: 8 }}>
      <div style={{ display: "grid", gridTemplateColumns: `repeat(${dealStages.length}, minmax(160px, 1fr))`, gap: 12, minWidth: dealStages.length * 172 }}>
        {dealStages.map((stage) => {
          const items = deals.filter((d) => d.stage === stage);
          return (
            <section key={stage} aria-labelledby={`col-${stage}`} className="card" style={{ padding: 12, margin: 0, background: stage === "passed" ? "var(--c-bg)" : undefined }} data-stage={stage}>
              <h2 id={`col-${stage}`} style={{ fontSize: "1rem", margin: "0 0 8px" }}>
                {t(`stages.${stage}`)} <span className="muted">{t("pipeline.count", { count: items.length })}</span>
              </h2>
              {items.length === 0 ? (
                <p className="muted" style={{ margin: 0 }}>
                  {t("pipeline.emptyColumn")}
                </p>
              ) : (
                <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 8 }}>
                  {items.map((d) => (
                    <li key={d.id} style={{ border: "1px solid var(--c-border)", borderRadius: 8, padding: 10, background: "var(--c-surface)" }}>
                      <Link to={`/pipeline/${d.id}`} style={{ fontWeight: 600 }}>
                        {d.pitch_title}
                      </Link>
                      <div className="muted" style={{ fontSize: "0.875rem" }}>
                        {localName(i18n.language, d.company_name, d.company_name_en)}
                      </div>
                      <div style={{ fontSize: "0.875rem" }}>
                        {stage === "committed" ? formatKrw(d.committed_krw, lng) : stage === "invested" ? formatKrw(d.invested_krw, lng) : null}
                        {stage === "passed" && d.pass_reason ? t(`passReasons.${d.pass_reason}`) : null}
                        {d.note_count > 0 ? <span className="muted"> {t("pipeline.noteCount", { count: d.note_count })}</span> : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
