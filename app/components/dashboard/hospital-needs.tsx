import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedStatusBadge } from "~/components/needs/need-bits";
import { Badge } from "~/components/ui/misc";

export type HospitalNeedRow = { id: string; title: string; status: string; applications: number; hidden: boolean };

/** "내 수요" on a hospital's dashboard: every need of the organisation, drafts included. */
export function HospitalNeeds({ needs }: { needs: HospitalNeedRow[] }) {
  const { t } = useTranslation("needs");
  return (
    <section aria-labelledby="my-needs-title">
      <h3 id="my-needs-title">{t("dashboard.title")}</h3>
      {needs.length ? (
        <ul style={{ listStyle: "none", padding: 0, margin: "0 0 12px", display: "grid", gap: 10 }}>
          {needs.map((n) => (
            <li key={n.id} style={{ borderTop: "1px solid var(--c-border)", paddingTop: 8 }}>
              <Link to={`/needs/${n.id}`}>{n.title}</Link>
              <div className="tags" style={{ marginTop: 4, alignItems: "center" }}>
                <NeedStatusBadge status={n.status} />
                {n.hidden ? <Badge tone="danger">{t("status.hidden")}</Badge> : null}
                <span className="muted">{t("dashboard.applications", { count: n.applications })}</span>
                <Link to={`/needs/${n.id}/edit`} aria-label={`${t("dashboard.edit")}: ${n.title}`}>
                  {t("dashboard.edit")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("dashboard.empty")}</p>
      )}
      <Link className="btn btn-primary btn-sm" to="/needs/new">
        {t("dashboard.new")}
      </Link>
    </section>
  );
}
