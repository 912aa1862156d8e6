import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplyStateBadge, eventName, EventStatusBadge, PlaceText, StageFocus, WindowText } from "~/components/events/event-bits";
import { Badge, Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { getCurrentUser } from "~/modules/auth/session.server";
import { listEvents } from "~/modules/events/events.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "events:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const events = await listEvents(await getDb(), page);
    return { ...events, page, isOperator: current?.user.org.kind === "operator" };
  });
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function EventCard({ e }: { e: Item }) {
  const { t, i18n } = useTranslation("events");
  return (
    <Card aria-labelledby={`event-${e.id}`}>
      <h3 id={`event-${e.id}`} style={{ fontSize: "1.12rem", marginTop: 0 }}>
        <Link to={`/events/${e.id}`}>{eventName(e, i18n.language)}</Link>
      </h3>
      <p className="tags">
        <EventStatusBadge status={e.status} />
        {e.status === "open" ? <ApplyStateBadge state={e.phase.applyState} /> : null}
        {e.selected ? <Badge>{t("list.cohortCount", { count: e.selected })}</Badge> : null}
      </p>
      <dl className="kv">
        <dt>{t("fields.startsAt")}</dt>
        <dd>{formatDateTime(e.starts_at, i18n.language)}</dd>
        <dt>{t("fields.place")}</dt>
        <dd>
          <PlaceText place={e.place} online={e.online} />
        </dd>
        <dt>{t("fields.stageFocus")}</dt>
        <dd>
          <StageFocus codes={e.stage_focus} />
        </dd>
        <dt>{t("fields.window")}</dt>
        <dd>
          <WindowText opens={e.apply_opens_on} closes={e.apply_closes_on} />
        </dd>
      </dl>
    </Card>
  );
}

export default function Events() {
  const { upcoming, past, page, pastPageCount, isOperator } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  const nothing = upcoming.length === 0 && past.length === 0 && page === 1;
  return (
    <>
      <PageHead
        title={t("list.title")}
        description={t("list.lead")}
        actions={
          isOperator ? (
            <Link className="btn btn-primary" to="/events/new">
              {t("list.new")}
            </Link>
          ) : null
        }
      />
      {nothing ? (
        <EmptyState title={t("list.empty")}>{t("list.emptyLead")}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t("list.upcoming")}</h2>
            {upcoming.length ? (
              <div className="stack">
                {upcoming.map((e) => (
                  <EventCard key={e.id} e={e} />
                ))}
              </div>
            ) : (
              <p className="muted">{t("list.noUpcoming")}</p>
            )}
          </section>
          <section aria-labelledby="past-title" style={{ marginTop: 28 }}>
            <h2 id="past-title">{t("list.past")}</h2>
            {past.length ? (
              <div className="stack">
                {past.map((e) => (
                  <EventCard key={e.id} e={e} />
                ))}
              </div>
            ) : (
              <p className="muted">{t("list.noPast")}</p>
            )}
            <Pagination page={page} pageCount={pastPageCount} />
          </section>
        </>
      )}
    </>
  );
}
