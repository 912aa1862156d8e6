import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboard } from "~/modules/analytics/analytics.server";
import { attachmentDisposition, toCsv } from "~/modules/analytics/csv";
import { isTableKey } from "~/modules/analytics/tables";
import { audit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/session.server";
import { getFixedT, getLocale } from "~/modules/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";

/**
 * One dashboard table (or the KPI summary) as CSV, for the same filters as the
 * page: UTF-8 with BOM, Korean headers (English with ?lng=en), written to the
 * audit log. Built from the very objects the page renders. (nosniff comes
 * with every response from scripts/lib/server.ts.)
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const key = params.table;
  if (!isTableKey(key)) notFound();
  return withDb(async () => {
    const lng = await getLocale(request);
    const db = await getDb();
    const { filters, tables } = await dashboard(db, new URL(request.url).searchParams, lng);
    const table = tables[key];
    const body = toCsv(
      table.columns.map((c) => c.label),
      table.rows,
    );
    const t = await getFixedT(lng, "admin");
    const filename = `${t("export.filePrefix")}_${t(`export.file.${key}`)}_${filters.from}_${filters.to}.csv`;
    await audit(db, {
      event: "export",
      actorUserId: user.id,
      actorOrgId: user.org.id,
      targetType: "analytics",
      targetId: key,
      detail: { table: key, lng, rows: table.rows.length, ...filters },
      ip: clientIp(context),
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(filename),
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
}
