import { parseUploadForm, uploadProblemKey, type StoredFile } from "~/modules/uploads/uploads.server";

/**
 * Read a form that may carry PDF attachments (field `attachments`). Multipart
 * bodies go through the streaming upload handler; plain urlencoded bodies
 * (no files) are read as usual. Never throws for bad input.
 */
export async function readFormWithFiles(
  request: Request,
): Promise<{ formData: FormData; files: StoredFile[]; fileError: string | null; malformed: boolean }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const r = await parseUploadForm(request, { fileField: "attachments" });
    if (r.ok) return { formData: r.formData, files: r.files, fileError: null, malformed: false };
    return { formData: r.formData, files: [], fileError: uploadProblemKey[r.problem], malformed: r.problem === "malformed" && r.field === null };
  }
  try {
    return { formData: await request.formData(), files: [], fileError: null, malformed: false };
  } catch {
    return { formData: new FormData(), files: [], fileError: null, malformed: true };
  }
}
