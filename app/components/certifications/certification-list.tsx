import { useTranslation } from "react-i18next";
import { Badge, Card, type BadgeTone } from "~/components/ui/misc";
import { termLabel } from "~/modules/taxonomy/vocabulary";
import { formatDate } from "~/utils/format";

const TONE: Record<string, BadgeTone> = { planned: "default", "in-progress": "info", obtained: "success" };

export function CertStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("testbeds");
  return <Badge tone={TONE[status] ?? "default"}>{t(`cert.status.${status}`)}</Badge>;
}

export function VerifiedMark() {
  const { t } = useTranslation("testbeds");
  return <Badge tone="success">{t("cert.verified")}</Badge>;
}

export type PublicCert = { id: string; code: string; status: string; status_on: string | null; verified: boolean };

/** Certification readiness on a company profile: status, date and the operator's verified mark. */
export function CertificationCard({ certs, canEdit }: { certs: PublicCert[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation("testbeds");
  return (
    <Card aria-labelledby="certs-title" style={{ marginTop: 20 }}>
      <h2 id="certs-title">{t("cert.profileTitle")}</h2>
      {certs.length === 0 ? (
        <p>{t("cert.none")}</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }} className="stack">
          {certs.map((c) => (
            <li key={c.id} data-testid="certification">
              <strong>{termLabel("certification", c.code, i18n.language)}</strong> <CertStatusBadge status={c.status} /> {c.verified ? <VerifiedMark /> : null}
              {c.status_on ? <span className="muted"> · {formatDate(`${c.status_on}T00:00:00+09:00`, i18n.language)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <p>
          <a href="/certifications">{t("cert.manage")}</a>
        </p>
      ) : null}
    </Card>
  );
}
