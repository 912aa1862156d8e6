import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "~/components/ui/misc";
import { localName } from "~/utils/format";

export type TrackRecordView = {
  id: string;
  title: string;
  outcome: string;
  completed_on: string | null;
  hospital_name: string | null;
  hospital_name_en: string | null;
  hospital_slug: string | null;
};

/** "한빛대학교병원 가늠터 완료 · 2026-10": verified entries on a company profile. */
export function TrackRecordCard({ records }: { records: TrackRecordView[] }) {
  const { t, i18n } = useTranslation("testbeds");
  const en = i18n.language === "en";
  return (
    <Card aria-labelledby="track-title" style={{ marginTop: 20 }}>
      <h2 id="track-title">{t("track.title")}</h2>
      <p className="muted">{t("track.lead")}</p>
      {records.length === 0 ? (
        <p>{t("track.none")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {records.map((r) => {
            const hospital = localName(en, r.hospital_name ?? "", r.hospital_name_en);
            const month = r.completed_on ? r.completed_on.slice(0, 7) : "";
            return (
              <li key={r.id} data-testid="track-record">
                <strong>
                  {r.hospital_slug ? <Link to={`/orgs/${r.hospital_slug}`}>{hospital}</Link> : hospital} {t("track.completed")} · {month}
                </strong>{" "}
                <Badge tone="success">{t("track.verified")}</Badge>
                <div>{r.title}</div>
                {r.outcome ? <div className="muted" style={{ whiteSpace: "pre-line" }}>{r.outcome}</div> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
