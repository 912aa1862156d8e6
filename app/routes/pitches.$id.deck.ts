import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { viewerOf } from "~/modules/auth/viewer";
import { auditDeckDownload, getDeck, type PitchViewer } from "~/modules/pitches/pitches.server";
import { isUuid } from "~/modules/pitches/list-options";
import { openStoredFile, pdfDownload } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";

/**
 * A pitch's deck PDF: for whoever may read the pitch (owner, operators,
 * verified investors; see canSeePitch), 404 for everyone else. Every download
 * is written to the audit log. Always an attachment, never rendered inline.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const deck = await withDb(async () => {
    const user = await requireUser(request);
    if (!isUuid(params.id)) return null;
    const viewer: NonNullable<PitchViewer> = viewerOf(user);
    const db = await getDb();
    const d = await getDeck(db, params.id, viewer);
    if (!d) return null;
    const stored = await openStoredFile(d.storageKey);
    if (!stored) return null;
    await auditDeckDownload(db, viewer, d, clientIp(context));
    return { ...d, stored };
  });
  if (!deck) notFound();
  return pdfDownload(deck.stored, deck.filename);
}
