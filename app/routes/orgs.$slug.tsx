import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermBadges } from "~/components/terms";
import { Badge, Card, PageHead } from "~/components/ui/misc";
import { getCurrentUser } from "~/modules/auth/session.server";
import { getProfile, responseStats } from "~/modules/orgs/orgs.server";
import { raisingRounds } from "~/modules/pitches/pitches.server";
import { roundLabel } from "~/modules/pitches/rounds";
import { CertificationCard } from "~/components/certifications/certification-list";
import { TrackRecordCard } from "~/components/testbeds/track-records";
import { listPublicCertifications } from "~/modules/certifications/certifications.server";
import { listTrackRecords } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { formatKrwRange, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (_t, lng) => args.data && localName(lng, args.data.org.name, args.data.org.name_en));

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const viewer = current ? { orgId: current.user.org.id, orgKind: current.user.org.kind } : null;
    const db = await getDb();
    const org = await getProfile(db, params.slug ?? "", viewer);
    if (!org) notFound();
    const stats = org.kind === "hospital" ? await responseStats(db, org.id) : null;
    // Only THAT a company is raising (and the round), never the pitch itself.
    const raising = org.kind === "company" && org.status === "verified" ? await raisingRounds(db, org.id) : [];
    // Verified track record (hospital-confirmed testbeds) and certification readiness.
    const company = org.kind === "company";
    const trackRecords = company ? await listTrackRecords(db, org.id) : null;
    const certs = company ? await listPublicCertifications(db, org.id) : null;
    return { org, canEdit: Boolean(current && current.user.org.id === org.id), stats, raising, trackRecords, certs };
  });
}

export default function OrgProfile() {
  const { org, canEdit, stats, raising, trackRecords, certs } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("org");
  const en = i18n.language === "en";
  const name = localName(en, org.name, org.name_en);
  const description = localName(en, org.description, org.description_en);
  const tone = org.status === "verified" ? "success" : org.status === "rejected" ? "danger" : "warn";
  return (
    <>
      <PageHead
        title={name}
        description={
          <span className="tags">
            <Badge>{t(`common:kinds.${org.kind}`)}</Badge>
            <Badge tone={tone}>{t(`common:orgStatus.${org.status}`)}</Badge>
            {org.region ? <Badge>{org.region}</Badge> : null}
            {raising.length ? (
              <span data-testid="raising-badge">
                <Badge tone="info">{[t("pitches:profile.raising"), ...raising.filter(Boolean).map((r) => roundLabel(r, i18n.language))].join(" · ")}</Badge>
              </span>
            ) : null}
          </span>
        }
        actions={
          canEdit ? (
            <Link className="btn" to="/settings">
              {t("profile.edit")}
            </Link>
          ) : null
        }
      />
      <div className="grid-2">
        <Card aria-labelledby="about-title">
          <h2 id="about-title">{t("profile.about")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{description || t("profile.noDescription")}</p>
          {org.website ? (
            <p>
              <a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
                {org.website}
              </a>
            </p>
          ) : null}
        </Card>
        <Card aria-labelledby="facts-title">
          <h2 id="facts-title">{t("profile.facts")}</h2>
          <dl className="kv">
            {org.kind === "hospital" && org.institution_type ? (
              <>
                <dt>{t("fields.institutionType")}</dt>
                <dd>{t(`auth:institutionTypes.${org.institution_type}`)}</dd>
              </>
            ) : null}
            {org.kind === "company" ? (
              <>
                <dt>{t("fields.growthStage")}</dt>
                <dd>{org.growth_stage ? <TermBadges kind="growth_stage" codes={[org.growth_stage]} tone="default" /> : "—"}</dd>
                <dt>{t("fields.trl")}</dt>
                <dd>{org.trl ? `TRL ${org.trl}` : "—"}</dd>
                <dt>{t("fields.products")}</dt>
                <dd>{org.products || "—"}</dd>
                <dt>{t("fields.certifications")}</dt>
                <dd>{org.terms.certification?.length ? <TermBadges kind="certification" codes={org.terms.certification} tone="success" /> : "—"}</dd>
                <dt>{t("fields.collaborationTypes")}</dt>
                <dd>{org.terms.collaboration_type?.length ? <TermBadges kind="collaboration_type" codes={org.terms.collaboration_type} tone="default" /> : "—"}</dd>
              </>
            ) : null}
            {org.kind === "investor" ? (
              <>
                <dt>{t("fields.investorType")}</dt>
                <dd>{org.investor_type ? t(`investorTypes.${org.investor_type}`) : "—"}</dd>
                <dt>{t("fields.ticket")}</dt>
                <dd>{formatKrwRange(org.ticket_min_krw, org.ticket_max_krw, i18n.language)}</dd>
                <dt>{t("fields.rounds")}</dt>
                <dd>{org.terms.round?.length ? <span className="tags">{org.terms.round.map((r) => <Badge key={r} tone="default">{roundLabel(r, i18n.language)}</Badge>)}</span> : "—"}</dd>
                <dt>{t("fields.stages")}</dt>
                <dd>{org.terms.growth_stage?.length ? <TermBadges kind="growth_stage" codes={org.terms.growth_stage} tone="default" /> : "—"}</dd>
                {org.council_member ? (
                  <>
                    <dt>{t("fields.council")}</dt>
                    <dd>{t("profile.councilMember")}</dd>
                  </>
                ) : null}
              </>
            ) : null}
            <dt>{t("fields.techFields")}</dt>
            <dd>{org.terms.tech_field?.length ? <TermBadges kind="tech_field" codes={org.terms.tech_field} /> : "—"}</dd>
            {org.kind !== "investor" ? (
              <>
                <dt>{t("fields.clinicalAreas")}</dt>
                <dd>{org.terms.clinical_area?.length ? <TermBadges kind="clinical_area" codes={org.terms.clinical_area} /> : "—"}</dd>
              </>
            ) : null}
            <dt>{t("profile.members")}</dt>
            <dd>{t("profile.memberCount", { count: org.memberCount })}</dd>
          </dl>
        </Card>
      </div>
      {stats ? <ResponseStats stats={stats} /> : null}
      {trackRecords ? <TrackRecordCard records={trackRecords} /> : null}
      {certs ? <CertificationCard certs={certs} canEdit={canEdit} /> : null}
      {org.kind === "investor" && org.thesis ? (
        <Card aria-labelledby="thesis-title" style={{ marginTop: 20 }}>
          <h2 id="thesis-title">{t("fields.thesis")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{org.thesis}</p>
        </Card>
      ) : null}
    </>
  );
}

function ResponseStats({ stats }: { stats: { total: number; answered: number; rate: number | null; medianHours: number | null } }) {
  const { t } = useTranslation("applications");
  const h = stats.medianHours;
  return (
    <Card aria-labelledby="response-title" style={{ marginTop: 20 }}>
      <h2 id="response-title">{t("stats.title")}</h2>
      {stats.total === 0 ? (
        <p className="muted">{t("stats.none")}</p>
      ) : (
        <dl className="kv">
          <dt>{t("stats.rate")}</dt>
          <dd>{t("stats.rateValue", { rate: stats.rate ?? 0, answered: stats.answered, total: stats.total })}</dd>
          <dt>{t("stats.median")}</dt>
          <dd>{h == null ? "—" : h < 48 ? t("stats.hours", { count: Math.round(h) }) : t("stats.days", { count: Math.round(h / 24) })}</dd>
        </dl>
      )}
      <p className="hint">{t("stats.hint")}</p>
    </Card>
  );
}
