import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { CertificationStatus } from "../../../db/schema";
import { audit } from "~/modules/audit/audit.server";
import { refreshCompany, refreshCompanyPitches } from "~/modules/matching/service.server";
import { notifyOrg } from "~/modules/notifications/notifications.server";
import { parseUploadForm, uploadProblemKey, type StoredFile } from "~/modules/uploads/uploads.server";
import type { CertificationInput } from "./schemas";

/**
 * Certification readiness: a company's checklist (planned / in progress /
 * obtained, date, optional evidence PDF). An obtained certification with
 * evidence can be verified by an operator. Obtained codes are kept in step with
 * org_terms kind "certification" (what the profile form and matching read).
 */

type Actor = { userId: string; orgId: string };
const ymd = (col: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;
const clean = (s: string) => s.replace(/\u0000/g, "");

/** Read the checklist form: multipart with an optional `evidence` PDF, or plain urlencoded. Never throws for bad input. */
export async function readCertificationForm(request: Request): Promise<{ formData: FormData; file: StoredFile | null; fileError: string | null }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const r = await parseUploadForm(request, { fileField: "evidence", maxFiles: 1 });
    if (r.ok) return { formData: r.formData, file: r.files[0] ?? null, fileError: null };
    return { formData: r.formData, file: null, fileError: uploadProblemKey[r.problem] };
  }
  try {
    return { formData: await request.formData(), file: null, fileError: null };
  } catch {
    return { formData: new FormData(), file: null, fileError: null };
  }
}

export async function listCertifications(db: DB, orgId: string) {
  return db
    .selectFrom("org_certifications as c")
    .leftJoin("attachments as a", "a.id", "c.evidence_attachment_id")
    .select(["c.id", "c.code", "c.status", ymd("c.status_on").as("status_on"), "c.note", "c.verified_at", "c.updated_at", "a.filename as evidence_filename", "c.evidence_attachment_id"])
    .where("c.org_id", "=", orgId)
    .orderBy("c.status", "desc")
    .orderBy("c.code")
    .execute();
}

/** What anyone may see on the company profile: code, status, date, verified mark (never the file). */
export async function listPublicCertifications(db: DB, orgId: string) {
  const rows = await db
    .selectFrom("org_certifications")
    .select(["id", "code", "status", ymd("status_on").as("status_on"), "verified_at"])
    .where("org_id", "=", orgId)
    .execute();
  const order: Record<CertificationStatus, number> = { obtained: 0, "in-progress": 1, planned: 2 };
  return rows.sort((a, b) => order[a.status] - order[b.status] || (a.code < b.code ? -1 : 1)).map((r) => ({ ...r, verified: r.verified_at !== null, verified_at: undefined }));
}

async function syncTerm(db: DB, orgId: string, code: string, obtained: boolean) {
  if (obtained) {
    await db.insertInto("org_terms").values({ org_id: orgId, kind: "certification", code }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.deleteFrom("org_terms").where("org_id", "=", orgId).where("kind", "=", "certification").where("code", "=", code).execute();
  }
}

/**
 * Adds or updates the checklist row for `input.code`. A new evidence file
 * replaces the old one. Any change to status, date or evidence clears an
 * operator's verification (it must be checked again).
 */
export async function saveCertification(db: DB, actor: Actor, input: CertificationInput, file: StoredFile | null): Promise<string> {
  const id = await db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom("org_certifications")
      .select(["id", "status", ymd("status_on").as("status_on"), "evidence_attachment_id", "verified_at"])
      .where("org_id", "=", actor.orgId)
      .where("code", "=", input.code)
      .forUpdate()
      .executeTakeFirst();
    let evidenceId = cur?.evidence_attachment_id ?? null;
    if (file) {
      const a = await trx
        .insertInto("attachments")
        .values({ owner_org_id: actor.orgId, uploaded_by: actor.userId, filename: file.filename, storage_key: file.storageKey, size_bytes: file.sizeBytes, sha256: file.sha256 })
        .returning("id")
        .executeTakeFirstOrThrow();
      evidenceId = a.id;
    }
    const statusOn = input.statusOn ?? null;
    const changed = !cur || cur.status !== input.status || cur.status_on !== statusOn || Boolean(file);
    const now = new Date();
    const values = {
      status: input.status,
      status_on: statusOn,
      note: clean(input.note),
      evidence_attachment_id: evidenceId,
      updated_at: now,
      ...(changed ? { verified_at: null, verified_by: null } : {}),
    };
    let rowId: string;
    if (cur) {
      await trx.updateTable("org_certifications").set(values).where("id", "=", cur.id).execute();
      rowId = cur.id;
    } else {
      const r = await trx
        .insertInto("org_certifications")
        .values({ ...values, org_id: actor.orgId, code: input.code })
        .onConflict((oc) => oc.columns(["org_id", "code"]).doUpdateSet(values))
        .returning("id")
        .executeTakeFirstOrThrow();
      rowId = r.id;
    }
    if (cur?.evidence_attachment_id && file && cur.evidence_attachment_id !== evidenceId) {
      // The replaced file's row goes; its bytes stay until the upload clean-up (never served again).
      await trx.deleteFrom("attachments").where("id", "=", cur.evidence_attachment_id).where("owner_org_id", "=", actor.orgId).execute();
    }
    await syncTerm(trx, actor.orgId, input.code, input.status === "obtained");
    return rowId;
  });
  await refreshCompany(db, actor.orgId);
  await refreshCompanyPitches(db, actor.orgId);
  return id;
}

/** Removes a checklist row of the actor's organisation; false when there is none (→ idempotent). */
export async function removeCertification(db: DB, actor: Actor, code: string): Promise<boolean> {
  const removed = await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("org_certifications").where("org_id", "=", actor.orgId).where("code", "=", code).returning(["status", "evidence_attachment_id"]).executeTakeFirst();
    if (!r) return false;
    if (r.evidence_attachment_id) await trx.deleteFrom("attachments").where("id", "=", r.evidence_attachment_id).where("owner_org_id", "=", actor.orgId).execute();
    if (r.status === "obtained") await syncTerm(trx, actor.orgId, code, false);
    return true;
  });
  if (removed) {
    await refreshCompany(db, actor.orgId);
    await refreshCompanyPitches(db, actor.orgId);
  }
  return removed;
}

// ---------------------------------------------------------------- operators

export const VERIFY_PAGE_SIZE = 30;

/** Obtained certifications with evidence: waiting first, then recently verified. */
export async function listForVerification(db: DB, opts: { show: "waiting" | "verified"; page: number }) {
  let base = db
    .selectFrom("org_certifications as c")
    .innerJoin("organizations as o", "o.id", "c.org_id")
    .innerJoin("attachments as a", "a.id", "c.evidence_attachment_id")
    .where("c.status", "=", "obtained");
  base = opts.show === "waiting" ? base.where("c.verified_at", "is", null) : base.where("c.verified_at", "is not", null);
  const { n: total } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const page = Math.max(1, opts.page);
  const rows = await base
    .leftJoin("users as v", "v.id", "c.verified_by")
    .select(["c.id", "c.code", ymd("c.status_on").as("status_on"), "c.note", "c.updated_at", "c.verified_at", "o.name as org_name", "o.name_en as org_name_en", "o.slug as org_slug", "a.filename", "v.name as verified_by_name"])
    .orderBy(opts.show === "waiting" ? "c.updated_at" : "c.verified_at", opts.show === "waiting" ? "asc" : "desc")
    .orderBy("c.id")
    .limit(VERIFY_PAGE_SIZE)
    .offset((page - 1) * VERIFY_PAGE_SIZE)
    .execute();
  return { total: Number(total), page, pageCount: Math.max(1, Math.ceil(Number(total) / VERIFY_PAGE_SIZE)), rows };
}

/**
 * Operator marks an obtained certification with evidence as verified (or takes
 * the mark back). null: no such row or nothing to verify (→ 404); false: already
 * in that state (no change). Audited; the company is told.
 */
export async function setVerified(db: DB, operator: Actor, certId: string, verified: boolean, ip: string | null): Promise<boolean | null> {
  const row = await db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom("org_certifications")
      .select(["id", "org_id", "code", "status", "evidence_attachment_id", "verified_at"])
      .where("id", "=", certId)
      .forUpdate()
      .executeTakeFirst();
    if (!cur || cur.status !== "obtained" || !cur.evidence_attachment_id) return null;
    if ((cur.verified_at !== null) === verified) return false;
    await trx
      .updateTable("org_certifications")
      .set(verified ? { verified_at: new Date(), verified_by: operator.userId } : { verified_at: null, verified_by: null })
      .where("id", "=", certId)
      .execute();
    await audit(trx, {
      event: verified ? "certification.verified" : "certification.unverified",
      actorUserId: operator.userId,
      actorOrgId: operator.orgId,
      targetType: "org_certification",
      targetId: certId,
      detail: { orgId: cur.org_id, code: cur.code },
      ip,
    });
    return cur;
  });
  if (!row) return row;
  await refreshCompanyPitches(db, row.org_id);
  if (verified) await notifyOrg(db, row.org_id, "certification.verified", { code: row.code }, "/certifications");
  return true;
}

/** The evidence file for a member of the owning company or an operator; null (→ 404) otherwise. */
export async function evidenceForViewer(db: DB, certId: string, viewer: { orgId: string; orgKind: string }) {
  const row = await db
    .selectFrom("org_certifications as c")
    .innerJoin("attachments as a", "a.id", "c.evidence_attachment_id")
    .select(["c.id", "c.org_id", "c.code", "a.id as attachment_id", "a.filename", "a.storage_key"])
    .where("c.id", "=", certId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.org_id !== viewer.orgId && viewer.orgKind !== "operator") return null;
  return row;
}
