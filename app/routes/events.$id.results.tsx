import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AveragesList, eventName, fmtScore } from "~/components/events/event-bits";
import { Card, EmptyState, Notice, PageHead } from "~/components/ui/misc";
import { requireUser } from "~/modules/auth/session.server";
import { eventPhase, eventResultsTable, getEvent, isRegistered, ownApplication, ownRatings, pitchResults } from "~/modules/events/events.server";
import { isUuid } from "~/modules/needs/list-options";
import { getDb } from "~/utils/db.server";
import { formatDateTime, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "events:results.title");

/**
 * Results of a round. The founder (members of a selected company) sees its
 * own pitch's averages and comments, never who rated; the operator sees every
 * cohort pitch's averages (and one pitch's comments with ?pitch=); a
 * registered investor sees only its own ratings. Everyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await withDb(() => requireUser(request));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const pitchParam = new URL(request.url).searchParams.get("pitch");
  if (pitchParam !== null && !isUuid(pitchParam)) notFound();
  return withDb(async () => {
    const db = await getDb();
    const event = await getEvent(db, id);
    if (!event) notFound();
    const phase = eventPhase(event);
    const head = { id: event.id, name: event.name, name_en: event.name_en, status: event.status, starts_at: event.starts_at, started: phase.started };
    const kind = user.org.kind;
    if (kind === "operator") {
      const table = await eventResultsTable(db, id);
      let detail = null;
      if (pitchParam) {
        const row = table.find((r) => r.pitch_id === pitchParam);
        if (!row) notFound();
        const r = await pitchResults(db, id, row.pitch_id);
        detail = { pitchId: row.pitch_id, title: row.pitch_title, company: row.company_name, companyEn: row.company_name_en, averages: r.averages, comments: r.comments };
      }
      return {
        view: "operator" as const,
        event: head,
        table: table.map((r) => ({ pitchId: r.pitch_id, title: r.pitch_title, company: r.company_name, companyEn: r.company_name_en, averages: r.averages })),
        detail,
        own: null,
        mine: null,
      };
    }
    if (kind === "company") {
      const app = await ownApplication(db, id, user.org.id);
      // Only a selected company has results, and only for its own pitch.
      if (!app || app.status !== "selected") notFound();
      if (pitchParam && pitchParam !== app.pitch_id) notFound();
      const r = await pitchResults(db, id, app.pitch_id);
      return { view: "company" as const, event: head, table: null, detail: null, own: { title: app.pitch_title, averages: r.averages, comments: r.comments }, mine: null };
    }
    if (kind === "investor") {
      if (pitchParam || !(await isRegistered(db, id, user.id))) notFound();
      const mine = await ownRatings(db, id, user.id);
      return {
        view: "investor" as const,
        event: head,
        table: null,
        detail: null,
        own: null,
        mine: mine.map((m) => ({ pitchId: m.pitch_id, title: m.pitch_title, team: m.team, technology: m.technology, market: m.market, comment: m.comment, updatedAt: m.updated_at })),
      };
    }
    notFound();
  });
}

function Comments({ comments }: { comments: string[] }) {
  const { t } = useTranslation("events");
  return (
    <>
      <h3>{t("results.comments")}</h3>
      {comments.length ? (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {comments.map((c, i) => (
            <li key={i} className="card" style={{ whiteSpace: "pre-line", padding: 12, boxShadow: "none" }}>
              {c}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("results.noComments")}</p>
      )}
    </>
  );
}

export default function EventResults() {
  const { view, event, table, detail, own, mine } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("events");
  const en = i18n.language === "en";
  const lead = view === "operator" ? t("results.operatorLead") : view === "investor" ? t("results.investorLead") : t("results.lead");
  return (
    <>
      <PageHead
        title={t("results.title")}
        description={
          <>
            <Link to={`/events/${event.id}`}>{eventName(event, i18n.language)}</Link> · {lead}
          </>
        }
        actions={<Link to={`/events/${event.id}`}>{t("results.back")}</Link>}
      />
      {!event.started ? <Notice>{t("results.notStarted")}</Notice> : event.status === "open" ? <Notice>{t("results.live")}</Notice> : null}
      {view === "company" && own ? (
        <Card aria-labelledby="own-title">
          <h2 id="own-title">{own.title}</h2>
          {own.averages.count ? <AveragesList averages={own.averages} /> : <p className="muted">{t("results.noRatings")}</p>}
          <Comments comments={own.comments} />
        </Card>
      ) : null}
      {view === "operator" && table ? (
        <>
          {table.length ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t("results.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.company")}</th>
                    <th scope="col">{t("results.pitch")}</th>
                    <th scope="col">{t("results.team")}</th>
                    <th scope="col">{t("results.technology")}</th>
                    <th scope="col">{t("results.market")}</th>
                    <th scope="col">{t("results.overall")}</th>
                    <th scope="col">{t("results.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.map((r) => (
                    <tr key={r.pitchId}>
                      <td>{localName(en, r.company, r.companyEn)}</td>
                      <td>
                        <Link to={`?pitch=${r.pitchId}`}>{r.title}</Link>
                      </td>
                      <td>{r.averages.count ? fmtScore(r.averages.team) : "—"}</td>
                      <td>{r.averages.count ? fmtScore(r.averages.technology) : "—"}</td>
                      <td>{r.averages.count ? fmtScore(r.averages.market) : "—"}</td>
                      <td>{r.averages.count ? <strong>{fmtScore(r.averages.overall)}</strong> : "—"}</td>
                      <td>{r.averages.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title={t("detail.cohortEmpty")} />
          )}
          {detail ? (
            <Card aria-labelledby="detail-title" style={{ marginTop: 20 }}>
              <h2 id="detail-title">{detail.title}</h2>
              <p className="muted">{localName(en, detail.company, detail.companyEn)}</p>
              <AveragesList averages={detail.averages} />
              <Comments comments={detail.comments} />
            </Card>
          ) : null}
        </>
      ) : null}
      {view === "investor" && mine ? (
        mine.length ? (
          <div className="stack">
            {mine.map((m) => (
              <Card key={m.pitchId} aria-labelledby={`mine-${m.pitchId}`}>
                <h2 id={`mine-${m.pitchId}`} style={{ fontSize: "1.1rem" }}>
                  {m.title}
                </h2>
                <p>{t("rate.yours", { team: m.team, technology: m.technology, market: m.market })}</p>
                {m.comment ? <p style={{ whiteSpace: "pre-line" }}>{m.comment}</p> : null}
                <p className="hint">{formatDateTime(m.updatedAt, i18n.language)}</p>
              </Card>
            ))}
          </div>
        ) : (
          <EmptyState title={t("rate.notRated")} />
        )
      ) : null}
    </>
  );
}
