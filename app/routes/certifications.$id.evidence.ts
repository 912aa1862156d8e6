import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/session.server";
import { evidenceForViewer } from "~/modules/certifications/certifications.server";
import { isUuid } from "~/modules/needs/list-options";
import { openStoredFile, pdfDownload } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";

/**
 * Certification evidence PDF. Only members of the owning company and operators
 * (who verify it) get the file; everyone else 404. Always a download, never
 * inline; every download is in the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const file = await withDb(async () => {
    const user = await requireRole(request, ["company", "operator"]);
    if (!isUuid(params.id)) return null;
    const db = await getDb();
    const row = await evidenceForViewer(db, params.id, { orgId: user.org.id, orgKind: user.org.kind });
    if (!row) return null;
    await audit(db, {
      event: "certification.evidence.download",
      actorUserId: user.id,
      actorOrgId: user.org.id,
      targetType: "org_certification",
      targetId: row.id,
      detail: { orgId: row.org_id, code: row.code, attachmentId: row.attachment_id },
      ip: clientIp(context),
    });
    return row;
  });
  if (!file) notFound();
  const stored = await openStoredFile(file.storage_key);
  if (!stored) notFound();
  return pdfDownload(stored, file.filename);
}
