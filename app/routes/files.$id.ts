import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/session.server";
import { getAttachmentForViewer, openStoredFile, pdfDownload } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";

/**
 * Attachment downloads. Only members of the application's two organisations
 * (the company and the hospital) get the file; everyone else gets 404.
 * Always a download, never rendered inline. `X-Content-Type-Options: nosniff`
 * comes with every response from scripts/lib/server.ts (setting it here too
 * would send it twice).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await withDb(async () => {
    const user = await requireRole(request, ["company", "hospital"]);
    return getAttachmentForViewer(await getDb(), params.id ?? "", user.org.id);
  });
  if (!file) notFound();
  const stored = await openStoredFile(file.storageKey);
  if (!stored) notFound();
  return pdfDownload(stored, file.filename);
}
