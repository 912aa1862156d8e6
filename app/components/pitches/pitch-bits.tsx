import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/misc";
import { roundLabel } from "~/modules/pitches/rounds";

const TONE: Record<string, BadgeTone> = { draft: "warn", published: "success", archived: "default" };

export function PitchStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("pitches");
  return <Badge tone={TONE[status] ?? "default"}>{t(`status.${status}`)}</Badge>;
}

export function RoundBadge({ round }: { round: string | null }) {
  const { i18n } = useTranslation();
  if (!round) return null;
  return <Badge tone="info">{roundLabel(round, i18n.language)}</Badge>;
}

/** Facts the platform recorded (not claims typed into the pitch). */
export function SignalBadges({
  signals,
}: {
  signals: { hospitalCollaborations: number; testbeds: number; testbedHospitals?: { ko: string; en: string }[]; certifications: string[] };
}) {
  const { t, i18n } = useTranslation("pitches");
  const items: string[] = [];
  if (signals.hospitalCollaborations > 0) items.push(t("signals.hospital", { count: signals.hospitalCollaborations }));
  if (signals.testbedHospitals?.length) items.push(t("signals.testbedAt", { hospitals: signals.testbedHospitals.map((h) => (i18n.language === "en" ? h.en : h.ko)).join(", ") }));
  else if (signals.testbeds > 0) items.push(t("signals.testbeds", { count: signals.testbeds }));
  if (signals.certifications.length > 0) items.push(t("signals.certifications", { count: signals.certifications.length }));
  if (!items.length) return null;
  return (
    <span className="tags">
      {items.map((x) => (
        <Badge key={x} tone="success">
          {x}
        </Badge>
      ))}
    </span>
  );
}

/**
 * One label/value row of a fact list. Wraps the value under the label when the
 * row is too narrow (phones, long English labels, long badges) instead of
 * pushing the page wider than the screen.
 */
export function Fact({ label, children, testId }: { label: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", columnGap: 16, rowGap: 2, marginBottom: 6 }}>
      <dt style={{ flex: "0 0 9.5rem", color: "var(--c-muted)" }}>{label}</dt>
      <dd style={{ flex: "1 1 11rem", minWidth: 0, margin: 0, overflowWrap: "anywhere" }} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
