import { parseWithZod } from "~/utils/zod-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StageBadge } from "~/components/deals/badges";
import { PipelineBoard } from "~/components/deals/pipeline-board";
import { Card, EmptyState, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { listDeals, PIPELINE_LIMIT, watchPitch } from "~/modules/deals/pipeline.server";
import { WatchSchema } from "~/modules/deals/schemas.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatKrw, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "deals:pipeline.title");

/** Verified investor organisations only; the page does not exist for anyone else. */
async function requirePipelineUser(request: Request) {
  const user = await requireRole(request, "investor");
  if (user.org.status !== "verified") notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requirePipelineUser(request);
    const view = new URL(request.url).searchParams.get("view") === "table" ? "table" : "board";
    const deals = await listDeals(await getDb(), user.org.id);
    return { view, deals, limited: deals.length >= PIPELINE_LIMIT };
  });
}

/** intent=watch&pitchId=<uuid>: add a pitch as "watching" (idempotent), then open the deal. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requirePipelineUser(request));
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data({ ok: false }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: WatchSchema });
  if (submission.status !== "success") return data({ ok: false }, { status: 400 });
  const r = await withDb(async () => watchPitch(await getDb(), { userId: user.id, orgId: user.org.id, orgName: user.org.name }, submission.value.pitchId));
  if (!r) notFound();
  return redirectWithToast(`/pipeline/${r.id}`, { key: r.created ? "deals:toast.watched" : "deals:toast.alreadyWatched", kind: r.created ? "success" : "info" });
}

export default function Pipeline() {
  const { view, deals, limited } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("deals");
  const [sp] = useSearchParams();
  const lng = i18n.language;
  const href = (v: string) => {
    const p = new URLSearchParams(sp);
    p.set("view", v);
    return `?${p.toString()}`;
  };
  return (
    <>
      <PageHead
        title={t("pipeline.title")}
        description={t("pipeline.lead")}
        actions={
          <nav className="btn-row" aria-label={t("pipeline.views")}>
            <Link className={view === "board" ? "btn btn-primary btn-sm" : "btn btn-sm"} to={href("board")} aria-current={view === "board" ? "page" : undefined}>
              {t("pipeline.board")}
            </Link>
            <Link className={view === "table" ? "btn btn-primary btn-sm" : "btn btn-sm"} to={href("table")} aria-current={view === "table" ? "page" : undefined}>
              {t("pipeline.table")}
            </Link>
          </nav>
        }
      />
      {deals.length === 0 ? (
        <Card aria-labelledby="pipeline-empty">
          <h2 id="pipeline-empty" className="visually-hidden">
            {t("pipeline.title")}
          </h2>
          <EmptyState
            title={t("pipeline.emptyTitle")}
            action={
              <Link className="btn btn-primary" to="/pitches">
                {t("pipeline.browsePitches")}
              </Link>
            }
          >
            {t("pipeline.emptyBody")}
          </EmptyState>
        </Card>
      ) : view === "board" ? (
        <PipelineBoard deals={deals} />
      ) : (
        <Card aria-labelledby="pipeline-table-title">
          <h2 id="pipeline-table-title" className="visually-hidden">
            {t("pipeline.table")}
          </h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("fields.pitch")}</th>
                  <th scope="col">{t("fields.company")}</th>
                  <th scope="col">{t("fields.stage")}</th>
                  <th scope="col">{t("fields.amount")}</th>
                  <th scope="col">{t("fields.notes")}</th>
                  <th scope="col">{t("fields.updatedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {deals.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/pipeline/${d.id}`}>{d.pitch_title}</Link>
                    </td>
                    <td>{localName(i18n.language, d.company_name, d.company_name_en)}</td>
                    <td>
                      <StageBadge stage={d.stage} />
                      {d.stage === "passed" && d.pass_reason ? <span className="muted"> · {t(`passReasons.${d.pass_reason}`)}</span> : null}
                    </td>
                    <td>{d.stage === "invested" ? formatKrw(d.invested_krw, lng) : d.stage === "committed" ? formatKrw(d.committed_krw, lng) : "—"}</td>
                    <td>{d.note_count}</td>
                    <td>{formatDate(d.updated_at, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {limited ? <p className="muted">{t("pipeline.limit", { count: PIPELINE_LIMIT })}</p> : null}
    </>
  );
}
