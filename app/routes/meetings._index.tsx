import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingStatusBadge } from "~/components/deals/badges";
import { CompanyDealStatusCard } from "~/components/deals/company-deal-status";
import { Card, EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/auth/session.server";
import { listMeetings, type MeetingSide } from "~/modules/deals/meetings.server";
import { companyDealStatuses } from "~/modules/deals/pipeline.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, localName } from "~/utils/format";
import { withDb } from "~/utils/http.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "deals:nav.meetings");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, ["company", "investor"]);
    const p = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
    const page = Number.isFinite(p) && p >= 1 && p <= 10_000 ? p : 1;
    const side: MeetingSide = user.org.kind === "company" ? "company" : "investor";
    const db = await getDb();
    const list = await listMeetings(db, { orgId: user.org.id, side }, page);
    const dealStatus = side === "company" ? await companyDealStatuses(db, user.org.id) : null;
    return { side, page, ...list, dealStatus };
  });
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

function MeetingTable({ items, side, caption }: { items: Item[]; side: MeetingSide; caption: string }) {
  const { t, i18n } = useTranslation("deals");
  const lng = i18n.language;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{side === "company" ? t("fields.investor") : t("fields.company")}</th>
            <th scope="col">{t("fields.pitch")}</th>
            <th scope="col">{t("fields.when")}</th>
            <th scope="col">{t("fields.status")}</th>
            <th scope="col">{t("fields.requestedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const count = [m.slot_1, m.slot_2, m.slot_3].filter(Boolean).length;
            return (
              <tr key={m.id}>
                <td>
                  <Link to={`/meetings/${m.id}`}>{side === "company" ? localName(i18n.language, m.investor_name, m.investor_name_en) : localName(i18n.language, m.company_name, m.company_name_en)}</Link>
                </td>
                <td>{m.pitch_title}</td>
                <td>{m.status === "accepted" ? formatDateTime(m.start_at, lng) : t("list.proposed", { count, first: formatDateTime(m.slot_1, lng) })}</td>
                <td>
                  <MeetingStatusBadge status={m.status} />
                </td>
                <td>{formatDate(m.created_at, lng)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function Meetings() {
  const { side, page, items, total, pageCount, dealStatus } = useLoaderData<typeof loader>();
  const { t } = useTranslation("deals");
  const groups = [
    { key: "upcoming", items: items.filter((i) => i.grp === 0) },
    { key: "pending", items: items.filter((i) => i.grp === 1) },
    { key: "past", items: items.filter((i) => i.grp === 2) },
  ];
  return (
    <>
      <PageHead title={t(`list.title.${side}`)} description={t(`list.lead.${side}`)} />
      {total === 0 ? (
        <Card aria-labelledby="meetings-empty">
          <h2 id="meetings-empty" className="visually-hidden">
            {t(`list.title.${side}`)}
          </h2>
          {side === "investor" ? (
            <EmptyState
              title={t("list.emptyInvestorTitle")}
              action={
                <Link className="btn btn-primary" to="/pitches">
                  {t("list.browsePitches")}
                </Link>
              }
            >
              {t("list.emptyInvestorBody")}
            </EmptyState>
          ) : (
            <EmptyState title={t("list.emptyCompanyTitle")}>{t("list.emptyCompanyBody")}</EmptyState>
          )}
        </Card>
      ) : (
        <div className="stack">
          {groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <Card key={g.key} aria-labelledby={`group-${g.key}`} style={{ minWidth: 0 }}>
                <h2 id={`group-${g.key}`}>{t(`list.${g.key}`)}</h2>
                <MeetingTable items={g.items} side={side} caption={t(`list.${g.key}`)} />
              </Card>
            ))}
          <p className="muted">{t("list.count", { count: total })}</p>
          <Pagination page={page} pageCount={pageCount} />
        </div>
      )}
      {dealStatus ? (
        <div style={{ marginTop: 20 }}>
          <CompanyDealStatusCard rows={dealStatus} />
        </div>
      ) : null}
    </>
  );
}
