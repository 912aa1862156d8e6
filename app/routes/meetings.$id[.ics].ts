import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/session.server";
import { buildIcs } from "~/modules/deals/ics";
import { getMeetingForViewer } from "~/modules/deals/meetings.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { resources } from "~/modules/i18n/resources";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";

/**
 * /meetings/<id>.ics — the confirmed meeting as an RFC 5545 calendar file, for
 * either of its two organisations. Pending, declined or cancelled requests
 * and everyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = await withDb(async () => {
    const user = await requireRole(request, ["company", "investor"]);
    return getMeetingForViewer(await getDb(), params.id ?? "", user.org.id);
  });
  if (!m || m.status !== "accepted" || !m.start_at) notFound();
  const lng = (await getLocale(request)) === "en" ? "en" : "ko";
  const text = resources[lng].deals.ics;
  const fill = (tpl: string) => tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => ({ company: m.company_name, investor: m.investor_name, pitch: m.pitch_title })[k] ?? "");
  const start = new Date(m.start_at);
  const url = new URL(`/meetings/${m.id}`, request.url).toString();
  const body = buildIcs({
    uid: `meeting-${m.id}@medibridge.kr`,
    stamp: m.responded_at ? new Date(m.responded_at) : new Date(),
    start,
    end: new Date(start.getTime() + m.duration_minutes * 60_000),
    summary: fill(text.summary),
    location: m.location,
    description: `${fill(text.description)}\n${url}`,
    url,
  });
  const day = new Date(start.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="medibridge-meeting-${day}.ics"`,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
