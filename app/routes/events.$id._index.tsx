import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationStatusBadge, ApplyStateBadge, eventName, EventStatusBadge, PlaceText, StageFocus, WindowText } from "~/components/events/event-bits";
import { RatingForm } from "~/components/events/rating-form";
import { SubmitButton } from "~/components/ui/button";
import { FormError, SelectField } from "~/components/ui/field";
import { Badge, Card, EmptyState, Notice, PageHead } from "~/components/ui/misc";
import { getCurrentUser, requireUser, requireVerified, type CurrentUser } from "~/modules/auth/session.server";
import {
  announceCohort,
  applyToEvent,
  decideApplication,
  eventPhase,
  getEvent,
  isRegistered,
  lastAnnouncedAt,
  listApplications,
  listCohort,
  listCohortCompanies,
  ownApplication,
  ownPublishedPitches,
  ownRatings,
  ratePitch,
  registerInvestor,
  setEventStatus,
  unregisterInvestor,
  withdrawApplication,
  type Actor,
} from "~/modules/events/events.server";
import { ApplySchema, DecideSchema, RateSchema } from "~/modules/events/schemas";
import { isUuid } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, localName } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, (_t, lng) => args.data && eventName(args.data.event, lng));

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  return withDb(async () => {
    const db = await getDb();
    const event = await getEvent(db, id);
    if (!event) notFound();
    const u = (await getCurrentUser(request))?.user ?? null;
    const kind = u?.org.kind ?? null;
    const verified = u?.org.status === "verified";
    const phase = eventPhase(event);

    const application = kind === "company" ? await ownApplication(db, id, u!.org.id) : null;
    const pitches = kind === "company" && verified && (!application || application.status === "withdrawn") ? await ownPublishedPitches(db, u!.org.id) : [];
    const registered = kind === "investor" ? await isRegistered(db, id, u!.id) : false;
    const ratings = registered ? await ownRatings(db, id, u!.id) : [];
    // Pitch titles and one-liners only for the operator and registered investors; never the pitch contents.
    const seesCohortPitches = kind === "operator" || registered;
    const cohort = seesCohortPitches
      ? (await listCohort(db, id)).map((c) => ({ pitchId: c.pitch_id, title: c.pitch_title, oneLiner: c.pitch_one_liner, company: c.company_name, companyEn: c.company_name_en, slug: c.company_slug }))
      : null;
    // Everyone else learns which companies were selected once the event has started.
    const cohortCompanies = !seesCohortPitches && phase.started ? await listCohortCompanies(db, id) : null;
    const applications = kind === "operator" ? await listApplications(db, id) : null;
    const announcedAt = kind === "operator" ? await lastAnnouncedAt(db, id) : null;
    const { description, ...rest } = event;
    return {
      event: { ...rest, description },
      phase,
      viewer: kind ? { kind, verified } : null,
      application,
      pitches,
      registered,
      ratings: ratings.map((r) => ({ pitchId: r.pitch_id, team: r.team, technology: r.technology, market: r.market, comment: r.comment })),
      cohort,
      cohortCompanies,
      applications,
      announcedAt,
    };
  });
}

type ActionError = { intent: string; pitchId?: string; error?: string; size?: number | null; result?: SubmissionResult<string[]> };
const fail = (body: ActionError, status = 400) => data(body, { status });

const intentsByKind = {
  company: ["apply", "withdraw"],
  investor: ["register", "unregister", "rate"],
  operator: ["decide", "announce", "close", "reopen"],
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  await withDb(() => requireUser(request));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const kind = (Object.keys(intentsByKind) as (keyof typeof intentsByKind)[]).find((k) => (intentsByKind[k] as readonly string[]).includes(intent));
  if (!kind) return fail({ intent }, 400);
  // Another role's action does not exist for this user (404); an unverified organisation gets 403.
  const user: CurrentUser = await withDb(() => requireVerified(request, kind));
  const actor: Actor = { userId: user.id, orgId: user.org.id, orgName: user.org.name, ip: clientIp(context) };
  const back = `/events/${id}`;
  return withDb(async () => {
    const db = await getDb();
    const event = await getEvent(db, id);
    if (!event) notFound();
    switch (intent) {
      case "apply": {
        const submission = parseWithZod(formData, { schema: ApplySchema });
        if (submission.status !== "success") return fail({ intent, result: submission.reply() });
        const r = await applyToEvent(db, actor, event, submission.value.pitchId);
        if (!r.ok) return fail({ intent, result: submission.reply(r.reason === "pitch" ? { fieldErrors: { pitchId: ["events:errors.pitch"] } } : { formErrors: ["events:errors.window"] }) });
        return redirectWithToast(back, { key: r.created ? "events:toast.applied" : "events:toast.alreadyApplied", kind: r.created ? "success" : "info" });
      }
      case "withdraw": {
        const ok = await withdrawApplication(db, actor, event);
        return redirectWithToast(back, { key: ok ? "events:toast.withdrawn" : "events:toast.nothing", kind: ok ? "success" : "info" });
      }
      case "register": {
        if (!(await registerInvestor(db, actor, event))) return fail({ intent, error: "investor.closed" });
        return redirectWithToast(back, { key: "events:toast.registered", kind: "success" });
      }
      case "unregister": {
        const ok = await unregisterInvestor(db, actor, event);
        return redirectWithToast(back, { key: ok ? "events:toast.unregistered" : "events:toast.nothing", kind: ok ? "success" : "info" });
      }
      case "rate": {
        const submission = parseWithZod(formData, { schema: RateSchema });
        const pitchId = typeof formData.get("pitchId") === "string" ? String(formData.get("pitchId")) : undefined;
        if (submission.status !== "success") return fail({ intent, pitchId, result: submission.reply() });
        const r = await ratePitch(db, actor, event, submission.value);
        // Not registered, or not a cohort pitch: there is nothing for this investor to rate here.
        if (!r.ok && (r.reason === "notRegistered" || r.reason === "notCohort")) notFound();
        if (!r.ok) return fail({ intent, pitchId, result: submission.reply({ formErrors: ["events:errors.ratingClosed"] }) });
        return redirectWithToast(`${back}#pitch-${submission.value.pitchId}`, { key: "events:toast.rated", kind: "success" });
      }
      case "decide": {
        const submission = parseWithZod(formData, { schema: DecideSchema });
        if (submission.status !== "success") return fail({ intent });
        const r = await decideApplication(db, actor, id, submission.value);
        if (!r.ok && r.reason === "notFound") notFound();
        if (!r.ok) return fail({ intent, error: "errors.full", size: event.cohort_size });
        return redirectWithToast(`${back}#applications`, { key: "events:toast.decided", kind: "success" });
      }
      case "announce": {
        const n = await announceCohort(db, actor, event);
        return redirectWithToast(`${back}#applications`, { key: n ? "events:toast.announced" : "events:toast.nothing", params: { count: n }, kind: n ? "success" : "info" });
      }
      case "close":
      case "reopen": {
        const ok = await setEventStatus(db, actor, id, intent === "close" ? "closed" : "open");
        return redirectWithToast(back, { key: ok ? (intent === "close" ? "events:toast.closed" : "events:toast.reopened") : "events:toast.nothing", kind: ok ? "success" : "info" });
      }
      default:
        return fail({ intent });
    }
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function useActionError(intent: string, pitchId?: string) {
  const a = useActionData<typeof action>() as ActionError | undefined;
  if (!a || a.intent !== intent) return null;
  if (pitchId && a.pitchId !== pitchId) return null;
  return a;
}

function ApplyForm({ pitches }: { pitches: LoaderData["pitches"] }) {
  const { t } = useTranslation("events");
  const errText = useErrorText();
  const last = useActionError("apply");
  const [form, fields] = useZodForm(ApplySchema, last?.result, { id: "apply", defaultValue: { pitchId: "" } });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError>{errText(form.errors)?.join(" ")}</FormError>
      <SelectField
        label={t("company.pitch")}
        name={fields.pitchId.name}
        id={fields.pitchId.id}
        required
        placeholder={t("company.choose")}
        options={pitches.map((p) => ({ value: p.id, label: p.title }))}
        errors={errText(fields.pitchId.errors)}
      />
      <div className="btn-row">
        <SubmitButton variant="primary" name="intent" value="apply" pendingText={t("company.submitting")}>
          {t("company.submit")}
        </SubmitButton>
      </div>
    </Form>
  );
}

function CompanyPanel() {
  const { event, phase, viewer, application, pitches } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  const active = application && application.status !== "withdrawn" ? application : null;
  return (
    <Card aria-labelledby="company-title" id="apply">
      <h2 id="company-title">{t("company.title")}</h2>
      {active ? (
        <>
          <p className="tags">
            <ApplicationStatusBadge status={active.status} />
          </p>
          <p>{t("company.applied", { pitch: active.pitch_title })}</p>
          <div className="btn-row">
            {active.status === "selected" && phase.started ? (
              <Link className="btn btn-primary" to={`/events/${event.id}/results`}>
                {t("company.seeResults")}
              </Link>
            ) : null}
            {active.status === "applied" && phase.applyState === "open" ? (
              <Form method="post" onSubmit={(e) => (!confirm(t("company.confirmWithdraw")) ? e.preventDefault() : undefined)}>
                <SubmitButton name="intent" value="withdraw" pendingText="…">
                  {t("company.withdraw")}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        </>
      ) : !viewer?.verified ? (
        <Notice tone="warn">{t("company.unverified")}</Notice>
      ) : phase.applyState === "not-yet" ? (
        <p>{t("company.windowNotYet", { date: formatDate(`${event.apply_opens_on}T12:00:00+09:00`, i18n.language) })}</p>
      ) : phase.applyState === "closed" ? (
        <p className="muted">{t("company.windowClosed")}</p>
      ) : pitches.length === 0 ? (
        <>
          <p>{t("company.noPitches")}</p>
          <Link className="btn" to="/pitches/new">
            {t("company.newPitch")}
          </Link>
        </>
      ) : (
        <>
          <p className="muted">{t("company.lead")}</p>
          <ApplyForm pitches={pitches} />
        </>
      )}
    </Card>
  );
}

function CohortPitch({ pitch }: { pitch: NonNullable<LoaderData["cohort"]>[number] }) {
  const { phase, registered, ratings, event } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  const last = useActionError("rate", pitch.pitchId);
  const errText = useErrorText();
  const own = ratings.find((r) => r.pitchId === pitch.pitchId) ?? null;
  return (
    <Card aria-labelledby={`pitch-${pitch.pitchId}-title`} id={`pitch-${pitch.pitchId}`}>
      <h3 id={`pitch-${pitch.pitchId}-title`} style={{ marginTop: 0 }}>
        <Link to={`/pitches/${pitch.pitchId}`}>{pitch.title}</Link>
      </h3>
      <p>{pitch.oneLiner}</p>
      <p className="muted">
        <Link to={`/orgs/${pitch.slug}`}>{localName(i18n.language, pitch.company, pitch.companyEn)}</Link>
      </p>
      {registered ? (
        phase.ratingOpen ? (
          <RatingForm pitchId={pitch.pitchId} own={own} lastResult={last?.result} formError={last?.error ? errText([last.error])?.join(" ") : null} />
        ) : (
          <>
            <p className="muted">{own ? t("rate.yours", { team: own.team, technology: own.technology, market: own.market }) : t("rate.notRated")}</p>
            <p className="hint">{event.status === "closed" ? t("investor.ratingClosed") : t("investor.ratingNotYet", { date: formatDateTime(event.starts_at, i18n.language) })}</p>
          </>
        )
      ) : null}
    </Card>
  );
}

function InvestorPanel() {
  const { event, viewer, registered, ratings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  const regError = useActionError("register");
  return (
    <Card aria-labelledby="investor-title" id="investors">
      <h2 id="investor-title">{t("investor.title")}</h2>
      <p className="muted">{t("investor.lead")}</p>
      {regError?.error ? <FormError>{t(regError.error)}</FormError> : null}
      {!viewer?.verified ? (
        <Notice tone="warn">{t("investor.unverified")}</Notice>
      ) : registered ? (
        <>
          <p className="tags">
            <Badge tone="success">{t("investor.registered")}</Badge>
          </p>
          <div className="btn-row">
            <Link className="btn" to={`/events/${event.id}/results`}>
              {t("investor.myRatings")}
            </Link>
            {event.status === "open" && ratings.length === 0 ? (
              <Form method="post" onSubmit={(e) => (!confirm(t("investor.confirmUnregister")) ? e.preventDefault() : undefined)}>
                <SubmitButton name="intent" value="unregister" variant="ghost" pendingText="…">
                  {t("investor.unregister")}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        </>
      ) : event.status !== "open" ? (
        <p className="muted">{t("investor.closed")}</p>
      ) : (
        <Form method="post">
          <SubmitButton variant="primary" name="intent" value="register" pendingText={t("investor.registering")}>
            {t("investor.register")}
          </SubmitButton>
        </Form>
      )}
    </Card>
  );
}

function OperatorPanel() {
  const { event, applications, announcedAt } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  const decideError = useActionError("decide");
  const en = i18n.language === "en";
  const selected = applications?.filter((a) => a.status === "selected").length ?? 0;
  return (
    <Card aria-labelledby="applications-title" id="applications">
      <h2 id="applications-title">{t("operator.applications")}</h2>
      <p className="tags">
        <Badge tone="info">{event.cohort_size ? t("operator.selectedCount", { selected, size: event.cohort_size }) : t("operator.selectedCountOpen", { selected })}</Badge>
        <Badge>{t("operator.investors", { count: event.investors })}</Badge>
      </p>
      {decideError?.error ? <FormError>{t(decideError.error, { size: decideError.size ?? 0 })}</FormError> : null}
      {!applications?.length ? (
        <EmptyState title={t("operator.noApplications")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("operator.company")}</th>
                <th scope="col">{t("operator.pitch")}</th>
                <th scope="col">{t("operator.appliedAt")}</th>
                <th scope="col">{t("operator.status")}</th>
                <th scope="col">{t("operator.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => {
                const company = localName(en, a.company_name, a.company_name_en);
                return (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/orgs/${a.company_slug}`}>{company}</Link>
                    </td>
                    <td>
                      <Link to={`/pitches/${a.pitch_id}`}>
                        <strong>{a.pitch_title}</strong>
                      </Link>
                      <br />
                      <span className="muted">{a.pitch_one_liner}</span>
                    </td>
                    <td>{formatDate(a.created_at, i18n.language)}</td>
                    <td>
                      <ApplicationStatusBadge status={a.status} />
                    </td>
                    <td>
                      <Form method="post" className="btn-row" aria-label={t("operator.actions") + " · " + company}>
                        <input type="hidden" name="applicationId" value={a.id} />
                        <input type="hidden" name="intent" value="decide" />
                        {a.status !== "selected" ? (
                          <button type="submit" className="btn btn-sm btn-primary" name="decision" value="selected" aria-label={`${t("operator.select")} · ${company}`}>
                            {t("operator.select")}
                          </button>
                        ) : null}
                        {a.status !== "not-selected" ? (
                          <button type="submit" className="btn btn-sm" name="decision" value="not-selected" aria-label={`${t("operator.reject")} · ${company}`}>
                            {t("operator.reject")}
                          </button>
                        ) : null}
                        {a.status !== "applied" ? (
                          <button type="submit" className="btn btn-sm btn-ghost" name="decision" value="applied" aria-label={`${t("operator.undo")} · ${company}`}>
                            {t("operator.undo")}
                          </button>
                        ) : null}
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" style={{ marginTop: 16 }}>
        <p className="hint">
          {t("operator.announceHint")}
          {announcedAt ? ` ${t("operator.lastAnnounced", { date: formatDateTime(announcedAt, i18n.language) })}` : null}
        </p>
        <SubmitButton name="intent" value="announce" variant="primary" pendingText={t("operator.announcing")}>
          {t("operator.announce")}
        </SubmitButton>
      </Form>
    </Card>
  );
}

function CohortSection() {
  const { cohort, cohortCompanies, phase } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  return (
    <section aria-labelledby="cohort-title" style={{ marginTop: 24 }}>
      <h2 id="cohort-title">{t("detail.cohortTitle")}</h2>
      {cohort ? (
        cohort.length ? (
          <div className="stack">
            {cohort.map((p) => (
              <CohortPitch key={p.pitchId} pitch={p} />
            ))}
          </div>
        ) : (
          <EmptyState title={t("detail.cohortEmpty")} />
        )
      ) : cohortCompanies ? (
        cohortCompanies.length ? (
          <ul>
            {cohortCompanies.map((c) => (
              <li key={c.slug}>
                <Link to={`/orgs/${c.slug}`}>{localName(i18n.language, c.name, c.name_en)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("detail.cohortEmpty")}</p>
        )
      ) : (
        <p className="muted">{phase.started ? t("detail.cohortEmpty") : t("detail.cohortLater")}</p>
      )}
    </section>
  );
}

export default function EventDetail() {
  const { event, phase, viewer } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  const isOperator = viewer?.kind === "operator";
  const next = event.status === "open" ? "close" : "reopen";
  return (
    <>
      <PageHead
        title={eventName(event, i18n.language)}
        description={
          <span className="tags">
            <EventStatusBadge status={event.status} />
            {event.status === "open" ? <ApplyStateBadge state={phase.applyState} /> : null}
          </span>
        }
        actions={
          <>
            <Link to="/events">{t("detail.all")}</Link>
            {isOperator ? (
              <>
                <Link className="btn" to={`/events/${event.id}/results`}>
                  {t("detail.results")}
                </Link>
                <Link className="btn" to={`/events/${event.id}/edit`}>
                  {t("detail.edit")}
                </Link>
              </>
            ) : null}
          </>
        }
      />
      {event.status === "closed" ? <Notice>{t("detail.closedNote")}</Notice> : null}
      <div className="grid-2">
        <Card aria-labelledby="about-title">
          <h2 id="about-title">{t("detail.about")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{event.description || t("detail.noDescription")}</p>
        </Card>
        <Card aria-labelledby="overview-title">
          <h2 id="overview-title">{t("detail.overview")}</h2>
          <dl className="kv">
            <dt>{t("fields.startsAt")}</dt>
            <dd>{formatDateTime(event.starts_at, i18n.language)}</dd>
            <dt>{t("fields.place")}</dt>
            <dd>
              <PlaceText place={event.place} online={event.online} />
            </dd>
            <dt>{t("fields.stageFocus")}</dt>
            <dd>
              <StageFocus codes={event.stage_focus} />
            </dd>
            <dt>{t("fields.window")}</dt>
            <dd>
              <WindowText opens={event.apply_opens_on} closes={event.apply_closes_on} />
            </dd>
            <dt>{t("fields.cohortSizeShort")}</dt>
            <dd>{event.cohort_size ? t("fields.companies", { count: event.cohort_size }) : t("fields.none")}</dd>
          </dl>
          {isOperator ? (
            <Form method="post" style={{ marginTop: 12 }} onSubmit={(e) => (!confirm(t(next === "close" ? "detail.confirmClose" : "detail.confirmReopen")) ? e.preventDefault() : undefined)}>
              <SubmitButton name="intent" value={next} variant={next === "close" ? "danger" : "default"} pendingText="…">
                {t(`detail.${next}`)}
              </SubmitButton>
            </Form>
          ) : null}
        </Card>
      </div>
      <div style={{ marginTop: 20 }}>
        {!viewer ? (
          <Notice>
            {t("detail.login")} <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${event.id}`)}`}>{t("detail.loginLink")}</Link>
          </Notice>
        ) : viewer.kind === "company" ? (
          <CompanyPanel />
        ) : viewer.kind === "investor" ? (
          <InvestorPanel />
        ) : viewer.kind === "operator" ? (
          <OperatorPanel />
        ) : null}
      </div>
      <CohortSection />
    </>
  );
}
