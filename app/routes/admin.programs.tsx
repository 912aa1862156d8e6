import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { Badge, Card, EmptyState, PageHead, ScrollTable } from "~/components/ui/misc";
import { SubmitButton } from "~/components/ui/button";
import { listPrograms } from "~/modules/admin/programs.server";
import { requireRole } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatKrw, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin:meta.programs");
export const links = adminLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    await requireRole(request, "operator");
    return listPrograms(await getDb());
  });
}

/** One programme list (calls or pitch rounds): heading with its "new" link, then the table or an empty state. */
function ProgramTable({
  titleId,
  title,
  newTo,
  newLabel,
  empty,
  head,
  children,
}: {
  titleId: string;
  title: string;
  newTo: string;
  newLabel: string;
  /** The empty state to show instead of the table, or null when there are rows. */
  empty: ReactNode;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={titleId}>
      <div className="admin-table-head">
        <h2 id={titleId}>{title}</h2>
        <Link className="btn btn-primary btn-sm" to={newTo}>
          {newLabel}
        </Link>
      </div>
      {empty ?? (
        <ScrollTable labelledBy={titleId} head={head}>
          {children}
        </ScrollTable>
      )}
    </Card>
  );
}

export default function AdminPrograms() {
  const { calls, events } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const name = (o: { name: string; name_en: string | null }) => localName(lng, o.name, o.name_en);
  return (
    <>
      <AdminNav />
      <PageHead title={t("programs.title")} description={t("programs.lead")} />
      <ProgramTable
        titleId="calls-title"
        title={t("programs.calls")}
        newTo="/calls/new"
        newLabel={t("programs.newCall")}
        empty={calls.length === 0 ? <EmptyState title={t("programs.noCalls")} /> : null}
        head={
          <>
            <th scope="col">{t("programs.name")}</th>
            <th scope="col">{t("programs.period")}</th>
            <th scope="col">{t("programs.status")}</th>
            <th scope="col" className="num">{t("funnel.step.needs")}</th>
            <th scope="col" className="num">{t("funnel.step.applications")}</th>
            <th scope="col" className="num">{t("funnel.step.accepted")}</th>
            <th scope="col">{t("programs.actions")}</th>
          </>
        }
      >
        {calls.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/calls/${c.id}`}>{name(c)}</Link>
              {c.budget_krw ? <div className="muted">{formatKrw(c.budget_krw, lng)}</div> : null}
            </td>
            <td>{c.starts_on || c.ends_on ? `${c.starts_on ?? ""} ~ ${c.ends_on ?? ""}` : t("programs.alwaysOn")}</td>
            <td>
              <Badge tone={c.status === "open" ? "success" : "default"}>{t(`programs.callStatus.${c.status}`)}</Badge>
            </td>
            <td className="num">{c.needs}</td>
            <td className="num">{c.applications}</td>
            <td className="num">{c.accepted}</td>
            <td>
              <div className="btn-row">
                <Link className="btn btn-sm" to={`/calls/${c.id}#call-edit`}>
                  {t("programs.edit")}
                </Link>
                <Link className="btn btn-sm btn-ghost" to={`/admin/funnel?call=${c.id}`}>
                  {t("programs.figures")}
                </Link>
                <Form method="post" action={`/calls/${c.id}`}>
                  <SubmitButton size="sm" name="intent" value={c.status === "open" ? "close" : "reopen"} pendingText="…">
                    {c.status === "open" ? t("programs.close") : t("programs.reopen")}
                  </SubmitButton>
                </Form>
              </div>
            </td>
          </tr>
        ))}
      </ProgramTable>
      <ProgramTable
        titleId="events-title"
        title={t("programs.events")}
        newTo="/events/new"
        newLabel={t("programs.newEvent")}
        empty={events.length === 0 ? <EmptyState title={t("programs.noEvents")}>{t("programs.noEventsBody")}</EmptyState> : null}
        head={
          <>
            <th scope="col">{t("programs.name")}</th>
            <th scope="col">{t("programs.startsAt")}</th>
            <th scope="col">{t("programs.status")}</th>
            <th scope="col" className="num">{t("programs.applied")}</th>
            <th scope="col" className="num">{t("programs.selected")}</th>
            <th scope="col" className="num">{t("programs.investors")}</th>
            <th scope="col" className="num">{t("programs.ratings")}</th>
            <th scope="col">{t("programs.actions")}</th>
          </>
        }
      >
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <Link to={`/events/${e.id}`}>{name(e)}</Link>
              <div className="muted">
                {t("programs.applyWindow", { from: e.apply_opens_on ?? "", to: e.apply_closes_on ?? "" })}
              </div>
            </td>
            <td>{formatDateTime(e.starts_at, lng)}</td>
            <td>
              <Badge tone={e.status === "open" ? "success" : e.status === "draft" ? "warn" : "default"}>{t(`programs.eventStatus.${e.status}`)}</Badge>
            </td>
            <td className="num">{e.applied}</td>
            <td className="num">
              {e.selected}
              {e.cohort_size ? ` / ${e.cohort_size}` : ""}
            </td>
            <td className="num">{e.investors}</td>
            <td className="num">{e.ratings}</td>
            <td>
              <Link className="btn btn-sm" to={`/events/${e.id}/edit`}>
                {t("programs.editEvent")}
              </Link>
            </td>
          </tr>
        ))}
      </ProgramTable>
    </>
  );
}
