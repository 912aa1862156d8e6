import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompanyApplications } from "~/components/dashboard/company-applications";
import { HospitalNeeds } from "~/components/dashboard/hospital-needs";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { RecommendedNeeds } from "~/components/dashboard/recommended-needs";
import { RecommendedPitches } from "~/components/dashboard/recommended-pitches";
import { PitchBookmarks } from "~/components/dashboard/pitch-bookmarks";
import { PitchViews } from "~/components/dashboard/pitch-views";
import { listBookmarks, listOwnPitches } from "~/modules/pitches/pitches.server";
import { AwaitingAnswer } from "~/components/dashboard/awaiting-answer";
import { MeetingsAwaiting } from "~/components/dashboard/meetings-awaiting";
import { MeetingsUpcoming } from "~/components/dashboard/meetings-upcoming";
import { PipelineSummary } from "~/components/dashboard/pipeline-summary";
import { CompanyDealStatusCard } from "~/components/deals/company-deal-status";
import { awaitingCompanyAnswer, upcomingMeetings } from "~/modules/deals/meetings.server";
import { companyDealStatuses, stageCounts } from "~/modules/deals/pipeline.server";
import { CompanyEvents, InvestorEvents, OperatorEvents } from "~/components/dashboard/event-summaries";
import { companyEventSummary, investorRegisteredEvents, operatorUpcomingEvents } from "~/modules/events/events.server";
import { awaitingHospitalAnswer, companyApplicationsSummary } from "~/modules/applications/applications.server";
import { requireUser } from "~/modules/auth/session.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { recommendNeeds, recommendPitches } from "~/modules/matching/service.server";
import { countPending } from "~/modules/orgs/orgs.server";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { listOrgNeeds } from "../../db/queries/needs";
import { localName } from "~/utils/format";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "meta.dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireUser(request);
    const db = await getDb();
    const kind = user.org.kind;
    const verified = user.org.status === "verified";
    const lng = kind === "company" || kind === "investor" ? await getLocale(request) : null;
    // Independent reads, so they run side by side (one pool connection each) rather than one after another.
    const when = <T, F>(cond: boolean, run: () => Promise<T>, otherwise: F): Promise<T | F> => (cond ? run() : Promise.resolve(otherwise));
    const [
      org,
      pending,
      hospitalNeeds,
      awaiting,
      upcoming,
      awaitingMeetings,
      companyStatus,
      stageCountsOf,
      companyApplications,
      pitchBookmarks,
      ownPitches,
      companyEvents,
      operatorEvents,
      investorEvents,
    ] = await Promise.all([
      // The reason is shown only to a rejected organisation.
      when(user.org.status === "rejected", () => db.selectFrom("organizations").select(["rejection_reason"]).where("id", "=", user.org.id).executeTakeFirstOrThrow(), { rejection_reason: null }),
      when(kind === "operator", () => countPending(db), 0),
      when(kind === "hospital", () => listOrgNeeds(db, user.org.id), []),
      when(kind === "hospital", () => awaitingHospitalAnswer(db, user.org.id), null),
      // Meetings and deal pipeline: both sides' upcoming meetings, the company's open requests and investors' review status, the investor's stage counts.
      when(kind === "company" || kind === "investor", () => upcomingMeetings(db, { orgId: user.org.id, side: kind as "company" | "investor" }), null),
      when(kind === "company", () => awaitingCompanyAnswer(db, user.org.id), null),
      when(kind === "company", () => companyDealStatuses(db, user.org.id), null),
      when(kind === "investor" && verified, () => stageCounts(db, user.org.id), null),
      when(kind === "company", () => companyApplicationsSummary(db, user.org.id), []),
      // Pitches: bookmarks for verified investors, view counts for companies.
      when(kind === "investor" && verified, () => listBookmarks(db, user.id, 10), null),
      when(kind === "company", () => listOwnPitches(db, user.org.id), null),
      // Pitch events: a company's applications and results, the operator's upcoming rounds, an investor's registrations.
      when(kind === "company", () => companyEventSummary(db, user.org.id), null),
      when(kind === "operator", () => operatorUpcomingEvents(db), null),
      when(kind === "investor", () => investorRegisteredEvents(db, user.id), null),
    ]);
    // Recommendations come after the rest: the first one in a process builds the match index, minutes of
    // synchronous work at scale, and reads waiting beside it would time out for a pool connection (503).
    const recommendedNeeds = kind === "company" && verified ? await recommendNeeds(db, user.org.id, lng!, 5) : null;
    const recommendedPitches = kind === "investor" && verified ? await recommendPitches(db, user.org.id, lng!, 5) : null;
    return {
      me: { name: user.name, role: user.role },
      org: { ...user.org, rejectionReason: org.rejection_reason },
      pending,
      hospitalNeeds,
      awaiting,
      deals: { upcoming, awaitingMeetings, companyStatus, stageCounts: stageCountsOf },
      companyApplications,
      recommendedNeeds,
      recommendedPitches,
      pitchBookmarks,
      ownPitches,
      companyEvents,
      operatorEvents,
      investorEvents,
    };
  });
}

export default function Dashboard() {
  const { me, org, pending, companyApplications, hospitalNeeds, recommendedNeeds, awaiting, recommendedPitches, pitchBookmarks, ownPitches, companyEvents, operatorEvents, investorEvents } = useLoaderData<typeof loader>();
  const { deals } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHead title={t("dashboard.title", { name: me.name })} description={t("dashboard.orgLine", { org: localName(i18n.language, org.name, org.nameEn), kind: t(`kinds.${org.kind}`) })} />
      {org.status === "pending" ? <Notice tone="warn">{t("dashboard.unverified")}</Notice> : null}
      {org.status === "rejected" ? <Notice tone="warn">{t("dashboard.rejected", { reason: org.rejectionReason ?? "—" })}</Notice> : null}
      <div className="grid">
        <Card aria-labelledby="role-title">
          <h2 id="role-title">{t(`kinds.${org.kind}`)}</h2>
          <p>{t(`dashboard.${org.kind}.lead`)}</p>
          {org.kind === "operator" ? (
            <>
              <p>
                <strong>{t("dashboard.operator.queue", { count: pending })}</strong>
              </p>
              <Link className="btn btn-primary" to="/admin">
                {t("dashboard.operator.goAdmin")}
              </Link>
            </>
          ) : org.kind === "hospital" ? (
            <HospitalNeeds needs={hospitalNeeds} />
          ) : org.kind === "company" ? (
            <CompanyApplications items={companyApplications} />
          ) : (
            <p className="muted">{t(`dashboard.${org.kind}.next`)}</p>
          )}
        </Card>
        {awaiting ? <AwaitingAnswer items={awaiting} /> : null}
        {deals.awaitingMeetings ? <MeetingsAwaiting items={deals.awaitingMeetings} /> : null}
        {deals.upcoming ? <MeetingsUpcoming items={deals.upcoming} side={org.kind === "company" ? "company" : "investor"} /> : null}
        {deals.stageCounts ? <PipelineSummary counts={deals.stageCounts} /> : null}
        {deals.companyStatus ? <CompanyDealStatusCard rows={deals.companyStatus} /> : null}
        {ownPitches ? <PitchViews items={ownPitches} /> : null}
        {pitchBookmarks ? <PitchBookmarks items={pitchBookmarks} /> : null}
        {companyEvents ? <CompanyEvents items={companyEvents} /> : null}
        {operatorEvents ? <OperatorEvents items={operatorEvents} /> : null}
        {investorEvents ? <InvestorEvents items={investorEvents} /> : null}
        <Card aria-labelledby="links-title">
          <h2 id="links-title">{t("nav.account")}</h2>
          <ul>
            <li>
              <Link to={`/orgs/${org.slug}`}>{t("dashboard.profile")}</Link>
            </li>
            <li>
              <Link to="/settings">{t("dashboard.settings")}</Link>
            </li>
            <li>
              <Link to="/account">{t("dashboard.account")}</Link>
            </li>
          </ul>
        </Card>
      </div>
      {recommendedNeeds ? <RecommendedNeeds items={recommendedNeeds} /> : null}
      {recommendedPitches ? <RecommendedPitches items={recommendedPitches} /> : null}
    </>
  );
}
