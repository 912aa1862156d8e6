import { parseUploadForm, uploadProblemKey, type StoredFile } from "~/modules/uploads/uploads.server";

/**
 * Read the pitch form: multipart bodies (with the optional deck PDF, field
 * `deck`, at most one file) go through the streaming upload checks (signature,
 * size); urlencoded bodies (status buttons) are read as usual. Never throws for bad input.
 */
export async function readPitchForm(request: Request): Promise<{ formData: FormData; deck: StoredFile | null; deckError: string | null }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const r = await parseUploadForm(request, { fileField: "deck", maxFiles: 1 });
    if (r.ok) return { formData: r.formData, deck: r.files[0] ?? null, deckError: null };
    return { formData: r.formData, deck: null, deckError: uploadProblemKey[r.problem] };
  }
  try {
    return { formData: await request.formData(), deck: null, deckError: null };
  } catch {
    return { formData: new FormData(), deck: null, deckError: null };
  }
}
