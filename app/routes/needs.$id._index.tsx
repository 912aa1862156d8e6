import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchBreakdown } from "~/components/matching/match-card";
import { DeadlineText, NeedStatusBadge } from "~/components/needs/need-bits";
import { TermBadges } from "~/components/terms";
import { SubmitButton } from "~/components/ui/button";
import { Badge, Card, Notice, PageHead } from "~/components/ui/misc";
import { getCurrentUser, requireVerified } from "~/modules/auth/session.server";
import { viewerOf } from "~/modules/auth/viewer";
import { getLocale } from "~/modules/i18n/i18n.server";
import { recommendCompanies } from "~/modules/matching/service.server";
import { todayInSeoul } from "~/modules/needs/dates";
import { acceptNda, canSeeNeed, confidentialAccess, readDetails, type Viewer } from "~/modules/needs/needs.server";
import { isUuid } from "~/modules/needs/list-options";
import { getDb } from "~/utils/db.server";
import { formatKrwRange, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { getNeedPublic } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.need.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const u = current?.user;
    const viewer: Viewer = u ? viewerOf(u) : null;
    const db = await getDb();
    const need = await getNeedPublic(db, id);
    if (!need || !canSeeNeed(need, viewer)) notFound();
    const access = await confidentialAccess(db, need, viewer);
    // The confidential text is read (and sent) only for a viewer allowed to see it.
    const details = viewer ? await readDetails(db, need, viewer, access, clientIp(context)) : null;
    const own = viewer?.orgId === need.org_id;
    const lng = await getLocale(request);
    // The owning hospital sees which companies could solve it, and why.
    const recommended = own && need.status === "open" && !need.hidden_at ? await recommendCompanies(db, need.id, lng, 5) : [];
    const { org_id: _orgId, hidden_at, hidden_reason, nda_text, ...pub } = need;
    return {
      // Only the owner and operators see a hidden need, and with it the operator's reason.
      need: { ...pub, hidden: hidden_at !== null, hiddenReason: hidden_at ? hidden_reason : null },
      details,
      access,
      own,
      // The NDA text matters only to a company that can accept it now.
      ndaText: access === "nda-needed" || access === "nda-accepted" || access === "unverified" ? nda_text : null,
      canApply: viewer?.orgKind === "company" && need.status === "open" && !need.hidden_at,
      today: todayInSeoul(),
      recommended,
    };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, "company"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData();
  if (formData.get("intent") !== "accept-nda") return data({ ok: false }, { status: 400 });
  return withDb(async () => {
    const db = await getDb();
    const need = await getNeedPublic(db, id);
    const viewer: Viewer = viewerOf(user);
    if (!need || !canSeeNeed(need, viewer) || need.status === "draft") notFound();
    await acceptNda(db, { userId: user.id, orgId: user.org.id }, need, clientIp(context));
    return redirectWithToast(`/needs/${id}#confidential`, { key: "needs:toast.ndaAccepted", kind: "success" });
  });
}

function Confidential() {
  const { need, details, access, ndaText } = useLoaderData<typeof loader>();
  const { t } = useTranslation("needs");
  return (
    <Card aria-labelledby="confidential-title" id="confidential">
      <h2 id="confidential-title">{t("detail.confidentialTitle")}</h2>
      {access === "own" || access === "nda-accepted" ? (
        <>
          <p className="muted">{access === "own" ? t("detail.ownNote") : t("detail.ndaAccepted", { version: need.nda_version })}</p>
          <div style={{ whiteSpace: "pre-line" }}>{details || t("detail.noDetails")}</div>
        </>
      ) : access === "nda-needed" ? (
        <>
          <p>{t("detail.ndaLead")}</p>
          <h3>
            {t("detail.ndaTitle")} <Badge>{t("detail.ndaVersion", { version: need.nda_version })}</Badge>
          </h3>
          <div style={{ whiteSpace: "pre-line", maxHeight: 260, overflow: "auto", border: "1px solid var(--c-border)", borderRadius: 8, padding: 12, marginBottom: 12 }} tabIndex={0} aria-label={t("detail.ndaTitle")}>
            {ndaText}
          </div>
          <Form method="post">
            <SubmitButton variant="primary" name="intent" value="accept-nda" pendingText={t("detail.ndaPending")}>
              {t("detail.ndaAccept")}
            </SubmitButton>
          </Form>
        </>
      ) : access === "unverified" ? (
        <Notice tone="warn">{t("detail.unverified")}</Notice>
      ) : access === "login" ? (
        <p>
          {t("detail.login")} <Link to={`/login?redirectTo=${encodeURIComponent(`/needs/${need.id}`)}`}>{t("detail.loginLink")}</Link>
        </p>
      ) : (
        <p className="muted">{t("detail.summaryOnly")}</p>
      )}
    </Card>
  );
}

function RecommendedCompanies() {
  const { recommended } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="recommended-title" id="recommended">
      <h2 id="recommended-title">{t("match.recommendedCompanies")}</h2>
      <p className="muted">{t("match.explain")}</p>
      {recommended.length === 0 ? (
        <p>{t("match.noRecommendations")}</p>
      ) : (
        recommended.map((r, i) => (
          <MatchBreakdown key={r.org.slug} collapsed={i > 0} match={r.match} title={<Link to={`/orgs/${r.org.slug}`}>{r.org.name}</Link>} />
        ))
      )}
    </Card>
  );
}

export default function NeedDetail() {
  const { need, own, canApply, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("needs");
  const en = i18n.language === "en";
  const dash = t("detail.none");
  const adoption = (group: string, v: string) => (v ? t(`adoption.${group}.${v}`) : dash);
  return (
    <>
      <PageHead
        title={need.title}
        description={
          <span className="tags">
            <NeedStatusBadge status={need.status} />
            {need.hidden ? <Badge tone="danger">{t("status.hidden")}</Badge> : null}
            <Link to={`/orgs/${need.org_slug}`}>{localName(en, need.org_name, need.org_name_en)}</Link>
          </span>
        }
        actions={
          <>
            {own ? (
              <Link className="btn" to={`/needs/${need.id}/edit`}>
                {t("detail.edit")}
              </Link>
            ) : null}
            {canApply ? (
              <Link className="btn btn-primary" to={`/needs/${need.id}/apply`}>
                {t("detail.apply")}
              </Link>
            ) : null}
          </>
        }
      />
      {own && need.status === "draft" ? <Notice tone="warn">{t("detail.draftNote")}</Notice> : null}
      {need.hidden ? (
        <Notice tone="warn">
          {t("detail.hiddenNote")}
          {need.hiddenReason ? ` ${t("admin:moderation.reason")}: ${need.hiddenReason}` : null}
        </Notice>
      ) : null}
      {!own && need.status !== "open" ? <Notice>{t("detail.notOpen")}</Notice> : null}
      <div className="grid-2">
        <Card aria-labelledby="summary-title">
          <h2 id="summary-title">{t("detail.summary")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{need.summary}</p>
        </Card>
        <Card aria-labelledby="overview-title">
          <h2 id="overview-title">{t("detail.overview")}</h2>
          <dl className="kv">
            <dt>{t("detail.hospital")}</dt>
            <dd>
              <Link to={`/orgs/${need.org_slug}`}>{localName(en, need.org_name, need.org_name_en)}</Link>
            </dd>
            <dt>{t("detail.clinicalAreas")}</dt>
            <dd>{need.terms.clinical_area?.length ? <TermBadges kind="clinical_area" codes={need.terms.clinical_area} /> : dash}</dd>
            <dt>{t("detail.techFields")}</dt>
            <dd>{need.terms.tech_field?.length ? <TermBadges kind="tech_field" codes={need.terms.tech_field} tone="default" /> : dash}</dd>
            <dt>{t("detail.collaborationTypes")}</dt>
            <dd>{need.terms.collaboration_type?.length ? <TermBadges kind="collaboration_type" codes={need.terms.collaboration_type} tone="success" /> : dash}</dd>
            <dt>{t("detail.certifications")}</dt>
            <dd>{need.terms.certification?.length ? <TermBadges kind="certification" codes={need.terms.certification} tone="default" /> : dash}</dd>
            {need.terms.growth_stage?.length ? (
              <>
                <dt>{t("detail.growthStages")}</dt>
                <dd>
                  <TermBadges kind="growth_stage" codes={need.terms.growth_stage} tone="default" />
                </dd>
              </>
            ) : null}
            <dt>{t("detail.budget")}</dt>
            <dd>{formatKrwRange(need.budget_min_krw, need.budget_max_krw, i18n.language)}</dd>
            <dt>{t("detail.trl")}</dt>
            <dd>{need.trl_min || need.trl_max ? t("detail.trlRange", { min: need.trl_min ?? "?", max: need.trl_max ?? "?" }) : dash}</dd>
            <dt>{t("detail.duration")}</dt>
            <dd>{need.duration_months ? t("detail.months", { count: need.duration_months }) : dash}</dd>
            <dt>{t("detail.deadline")}</dt>
            <dd>
              <DeadlineText deadline={need.deadline} today={today} />
            </dd>
            <dt>{t("detail.call")}</dt>
            <dd>{need.program_call_id && need.call_name ? <Link to={`/calls/${need.program_call_id}`}>{localName(en, need.call_name, need.call_name_en)}</Link> : dash}</dd>
          </dl>
        </Card>
      </div>
      <Card aria-labelledby="adoption-title" style={{ marginTop: 20 }}>
        <h2 id="adoption-title">{t("detail.adoptionTitle")}</h2>
        <dl className="kv">
          <dt>{t("detail.payer")}</dt>
          <dd>{adoption("payer", need.adoption_payer)}</dd>
          <dt>{t("detail.route")}</dt>
          <dd>{adoption("route", need.adoption_route)}</dd>
          <dt>{t("detail.reimbursement")}</dt>
          <dd>{adoption("reimbursement", need.adoption_reimbursement)}</dd>
        </dl>
      </Card>
      <div style={{ marginTop: 20 }}>
        <Confidential />
        {own && need.status === "open" ? <RecommendedCompanies /> : null}
      </div>
    </>
  );
}
