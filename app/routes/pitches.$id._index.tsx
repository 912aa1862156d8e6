import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchBreakdown } from "~/components/matching/match-card";
import { Fact, PitchStatusBadge, RoundBadge, SignalBadges } from "~/components/pitches/pitch-bits";
import { PitchStatusActions } from "~/components/pitches/pitch-status-actions";
import { TermBadges } from "~/components/terms";
import { SubmitButton } from "~/components/ui/button";
import { Badge, Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole, requireUser } from "~/modules/auth/session.server";
import { viewerOf } from "~/modules/auth/viewer";
import { getLocale } from "~/modules/i18n/i18n.server";
import { pitchMatchForInvestor } from "~/modules/matching/service.server";
import { canSeePitch, getPitch, isBookmarked, recordView, setBookmark, viewStats, type PitchViewer } from "~/modules/pitches/pitches.server";
import { isUuid } from "~/modules/pitches/list-options";
import { getDb } from "~/utils/db.server";
import { formatDate, formatKrw, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.pitch.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireUser(request);
    if (!isUuid(params.id)) notFound();
    const db = await getDb();
    const viewer: PitchViewer = viewerOf(user);
    const pitch = await getPitch(db, params.id);
    if (!pitch || !canSeePitch(pitch, viewer)) notFound();
    const own = user.org.id === pitch.org_id;
    const investor = !own && user.org.kind === "investor";
    if (investor && pitch.status === "published") await recordView(db, pitch.id, user.org.id);
    const lng = await getLocale(request);
    const { org_id: _org, hidden_at, ...pub } = pitch;
    return {
      pitch: { ...pub, hidden: hidden_at !== null },
      own,
      investor,
      bookmarked: investor ? await isBookmarked(db, user.id, pitch.id) : false,
      match: investor ? await pitchMatchForInvestor(db, pitch.id, user.org.id, lng) : null,
      stats: own ? await viewStats(db, pitch.id) : null,
      verified: user.org.status === "verified",
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "investor"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  return withDb(async () => {
    const db = await getDb();
    const pitch = await getPitch(db, id);
    const viewer: PitchViewer = viewerOf(user);
    if (!pitch || !canSeePitch(pitch, viewer)) notFound();
    if (intent !== "bookmark" && intent !== "unbookmark") return data({ ok: false }, { status: 400 });
    await setBookmark(db, { userId: user.id, orgId: user.org.id }, id, intent === "bookmark");
    return redirectWithToast(`/pitches/${id}`, { key: intent === "bookmark" ? "pitches:toast.bookmarked" : "pitches:toast.unbookmarked", kind: "success" });
  });
}

function Section({ id, title, body }: { id: string; title: string; body: string }) {
  const { t } = useTranslation("pitches");
  return (
    <Card aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p style={{ whiteSpace: "pre-line", margin: 0 }}>{body || <span className="muted">{t("detail.notWritten")}</span>}</p>
    </Card>
  );
}

export default function PitchDetail() {
  const { pitch, own, investor, bookmarked, match, stats } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("pitches");
  const en = i18n.language === "en";
  const company = localName(en, pitch.org_name, pitch.org_name_en);
  const dash = "—";
  return (
    <>
      <PageHead
        title={pitch.title}
        description={
          <span className="tags">
            <PitchStatusBadge status={pitch.status} />
            {pitch.hidden ? <Badge tone="danger">{t("status.hidden")}</Badge> : null}
            <RoundBadge round={pitch.round} />
            <Link to={`/orgs/${pitch.org_slug}`}>{company}</Link>
          </span>
        }
        actions={
          own ? (
            <Link className="btn" to={`/pitches/${pitch.id}/edit`}>
              {t("detail.edit")}
            </Link>
          ) : investor ? (
            <>
              <Form method="post">
                <SubmitButton name="intent" value={bookmarked ? "unbookmark" : "bookmark"} pendingText="…" aria-pressed={bookmarked}>
                  {bookmarked ? t("detail.bookmarked") : t("detail.bookmark")}
                </SubmitButton>
              </Form>
              {pitch.status === "published" ? (
                <>
                  <Link className="btn btn-primary" to={`/pitches/${pitch.id}/meet`}>
                    {t("detail.requestMeeting")}
                  </Link>
                  <Form method="post" action="/pipeline">
                    <input type="hidden" name="intent" value="watch" />
                    <input type="hidden" name="pitchId" value={pitch.id} />
                    <SubmitButton pendingText="…">{t("detail.addToPipeline")}</SubmitButton>
                  </Form>
                </>
              ) : null}
            </>
          ) : null
        }
      />
      {own && pitch.status === "draft" ? <Notice tone="warn">{t("detail.draftNote")}</Notice> : null}
      {pitch.hidden ? <Notice tone="warn">{t("detail.hiddenNote")}</Notice> : null}
      {pitch.status === "archived" ? <Notice>{t("detail.archivedNote")}</Notice> : null}
      <p className="lead" style={{ fontSize: "1.1rem", marginTop: 0 }}>
        {pitch.one_liner}
      </p>
      <div className="grid-2">
        <Card aria-labelledby="overview-title" style={{ minWidth: 0 }}>
          <h2 id="overview-title">{t("detail.overview")}</h2>
          <dl style={{ margin: 0 }}>
            <Fact label={t("detail.company")}>
              <Link to={`/orgs/${pitch.org_slug}`}>{company}</Link>
            </Fact>
            <Fact label={t("fields.ask")} testId="pitch-ask">
              {formatKrw(pitch.ask_krw, i18n.language)}
            </Fact>
            <Fact label={t("fields.round")}>{pitch.round ? <RoundBadge round={pitch.round} /> : dash}</Fact>
            <Fact label={t("fields.trl")}>{pitch.trl ? `TRL ${pitch.trl}` : dash}</Fact>
            <Fact label={t("fields.techFields")}>{pitch.terms.tech_field?.length ? <TermBadges kind="tech_field" codes={pitch.terms.tech_field} tone="default" /> : dash}</Fact>
            <Fact label={t("fields.clinicalAreas")}>{pitch.terms.clinical_area?.length ? <TermBadges kind="clinical_area" codes={pitch.terms.clinical_area} /> : dash}</Fact>
            <Fact label={t("detail.signals")}>
              {pitch.signals.hospitalCollaborations || pitch.signals.testbeds || pitch.signals.certifications.length ? <SignalBadges signals={pitch.signals} /> : t("detail.noSignals")}
            </Fact>
            <Fact label={t("detail.publishedOn")}>{pitch.published_at ? formatDate(pitch.published_at, i18n.language) : dash}</Fact>
          </dl>
        </Card>
        <Card aria-labelledby="deck-title" style={{ minWidth: 0 }}>
          <h2 id="deck-title">{t("fields.deck")}</h2>
          {pitch.deck_id ? (
            <>
              <p>
                <a className="btn" href={`/pitches/${pitch.id}/deck`} download>
                  {t("detail.downloadDeck")}
                </a>
              </p>
              <p className="muted" style={{ overflowWrap: "anywhere" }}>
                {pitch.deck_filename} · {t("detail.deckSize", { size: Math.max(1, Math.round((pitch.deck_size ?? 0) / 1024)) })}
              </p>
              <p className="hint">{t("detail.deckLogged")}</p>
            </>
          ) : (
            <p className="muted">{t("detail.noDeck")}</p>
          )}
          {own && stats ? (
            <>
              <h3>{t("detail.viewsTitle")}</h3>
              <p data-testid="pitch-views">{t("own.viewCount", { views: stats.views, investors: stats.investors })}</p>
              <p className="hint">{t("detail.viewsHint")}</p>
            </>
          ) : null}
        </Card>
      </div>
      {own ? (
        <Card aria-labelledby="manage-title" style={{ marginTop: 20 }}>
          <h2 id="manage-title">{t("manage.title")}</h2>
          <PitchStatusActions id={pitch.id} status={pitch.status} />
        </Card>
      ) : null}
      {investor && match ? (
        <Card aria-labelledby="match-title" style={{ marginTop: 20 }}>
          <h2 id="match-title">{t("detail.matchTitle")}</h2>
          <p className="muted">{t("common:match.explain")}</p>
          <MatchBreakdown match={match} title={t("detail.matchFor")} />
        </Card>
      ) : null}
      <div className="stack" style={{ marginTop: 20 }}>
        <Section id="problem" title={t("fields.problem")} body={pitch.problem} />
        <Section id="solution" title={t("fields.solution")} body={pitch.solution} />
        <Section id="market" title={t("fields.market")} body={pitch.market} />
        <Section id="traction" title={t("fields.traction")} body={pitch.traction} />
        <Section id="team" title={t("fields.team")} body={pitch.team} />
      </div>
    </>
  );
}
