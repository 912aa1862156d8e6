import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { unstable_parseMultipartFormData } from "@remix-run/node";
import type { DB } from "../../../db/client";
import { getEnv } from "~/utils/env.server";

/**
 * PDF uploads (proposals, message attachments). Rules from quality.md:
 * - the size limit is enforced while the body streams in: writing stops at the first byte over and
 *   the partial file is removed; a modest rest of the body is read and discarded (so the browser gets
 *   the 400 with its message), and past that reading stops altogether;
 * - the type is decided by the file signature (`%PDF-`), never by its name or the client's MIME type;
 * - files go under generated names in UPLOAD_DIR (outside public/) and are served only by /files/:id;
 * - the original name is kept only as sanitised metadata.
 * Parsing never throws for bad input: it returns a problem the route shows next to the field.
 */

export const PDF_SIGNATURE = Buffer.from("%PDF-", "latin1");
export const MAX_FILES = 3;
/** Text fields are small; anything bigger is not a real form. */
const MAX_TEXT_BYTES = 64 * 1024;
const MAX_PARTS = 40;

export type StoredFile = { field: string; filename: string; storageKey: string; sizeBytes: number; sha256: string };

export type UploadProblem = "tooLarge" | "notPdf" | "tooMany" | "malformed";

export type UploadResult =
  | { ok: true; formData: FormData; files: StoredFile[] }
  /** formData holds the text fields read before the problem, so the form can be shown again with them. */
  | { ok: false; problem: UploadProblem; field: string | null; formData: FormData };

/** The i18n key shown next to the file field for each problem. */
export const uploadProblemKey: Record<UploadProblem, string> = {
  tooLarge: "applications:upload.tooLarge",
  notPdf: "applications:upload.notPdf",
  tooMany: "applications:upload.tooMany",
  malformed: "applications:upload.malformed",
};

class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    readonly field: string | null,
  ) {
    super(problem);
  }
}

/**
 * The original file name as metadata only: no directories, no control or
 * bidi characters, no leading dots, at most 150 characters, always `.pdf`.
 * `../../etc/passwd.pdf` becomes `passwd.pdf`.
 */
export function sanitizeFilename(name: string | null | undefined): string {
  let base = String(name ?? "")
    .normalize("NFC")
    .split(/[/\\]/)
    .pop()!
    // C0/C1 controls, DEL, bidi overrides and zero-width characters
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/["<>:|?*]/g, "_")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (!/\.pdf$/i.test(base)) base = `${base || "file"}.pdf`;
  if (base.length > 150) base = `${base.slice(0, 146)}.pdf`;
  if (base === ".pdf") base = "file.pdf";
  return base;
}

export function uploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR);
}

/** Storage keys are our own random hex names; anything else never reaches the file system. */
function keyPath(dir: string, storageKey: string): string {
  if (!/^[0-9a-f]{32}\.pdf$/.test(storageKey)) throw new Error("invalid storage key");
  return path.join(dir, storageKey);
}

function writeChunk(out: WriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.end((err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

type Part = { name: string; filename?: string; contentType: string; data: AsyncIterable<Uint8Array> };

/**
 * Parse a multipart body. Text fields are collected; each non-empty file part
 * must start with `%PDF-`, stay within `maxBytes` and be one of at most
 * `maxFiles`. On any problem every file written by this call is removed.
 */
export async function parseUploadForm(
  request: Request,
  opts: { dir?: string; maxBytes?: number; maxFiles?: number; fileField?: string; drainLimit?: number } = {},
): Promise<UploadResult> {
  const dir = opts.dir ?? uploadDir();
  const maxBytes = opts.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
  // After a refused file, up to this many more bytes are read and thrown away
  // (nothing is kept or written), so a browser still sending a moderately
  // oversized file gets our 400 with the message instead of a reset
  // connection. Past it, reading stops at once and the connection is cut.
  const drainLimit = opts.drainLimit ?? 2 * maxBytes + 1024 * 1024;
  let refused: UploadError | null = null;
  let drained = 0;
  /** Discard a part's remaining bytes after a refusal, within the drain budget. */
  const discardRest = async (data: AsyncIterable<Uint8Array>, err: UploadError) => {
    refused ??= err;
    for await (const c of data) {
      drained += c.byteLength;
      if (drained > drainLimit) throw refused;
    }
  };
  const maxFiles = opts.maxFiles ?? MAX_FILES;
  const fields = new FormData();
  const files: StoredFile[] = [];
  const written: string[] = [];
  let parts = 0;

  const handler = async (part: Part): Promise<undefined> => {
    if (++parts > MAX_PARTS) throw new UploadError("malformed", null);
    if (typeof part.filename !== "string") {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const c of part.data) {
        size += c.byteLength;
        if (size > MAX_TEXT_BYTES) throw new UploadError("malformed", part.name);
        chunks.push(c);
      }
      fields.append(part.name, Buffer.concat(chunks).toString("utf8"));
      return undefined;
    }
    if (opts.fileField && part.name !== opts.fileField) throw new UploadError("malformed", part.name);
    if (refused) {
      await discardRest(part.data, refused);
      return undefined;
    }
    const iterator = part.data[Symbol.asyncIterator]();
    const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
    try {
      return await storeFile(part, rest);
    } catch (err) {
      if (!(err instanceof UploadError) || err.problem === "malformed") throw err;
      await discardRest(rest, err);
      return undefined;
    }
  };

  const storeFile = async (part: Part, data: AsyncIterable<Uint8Array>): Promise<undefined> => {
    const hash = createHash("sha256");
    let size = 0;
    let head = Buffer.alloc(0);
    let out: WriteStream | null = null;
    let key: string | null = null;
    try {
      // A manual loop: leaving a for-await early would end the part's iterator,
      // and the rest must stay readable to be discarded after a refusal.
      const it = data[Symbol.asyncIterator]();
      for (let step = await it.next(); !step.done; step = await it.next()) {
        const c = step.value;
        size += c.byteLength;
        if (size > maxBytes) throw new UploadError("tooLarge", part.name);
        if (!out) {
          head = Buffer.concat([head, c]);
          if (head.length < PDF_SIGNATURE.length) continue;
          if (!head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) throw new UploadError("notPdf", part.name);
          if (files.length >= maxFiles) throw new UploadError("tooMany", part.name);
          mkdirSync(dir, { recursive: true });
          key = `${randomBytes(16).toString("hex")}.pdf`;
          written.push(key);
          out = createWriteStream(keyPath(dir, key), { flags: "wx", mode: 0o600 });
          hash.update(head);
          await writeChunk(out, head);
          continue;
        }
        hash.update(c);
        await writeChunk(out, c);
      }
      if (!out) {
        // An empty file input (nothing chosen) arrives as a part with no bytes and no name.
        if (size === 0) return undefined;
        throw new UploadError("notPdf", part.name);
      }
      await closeStream(out);
      out = null;
      files.push({ field: part.name, filename: sanitizeFilename(part.filename), storageKey: key!, sizeBytes: size, sha256: hash.digest("hex") });
      return undefined;
    } finally {
      if (out) out.destroy();
    }
  };

  try {
    const type = request.headers.get("Content-Type") ?? "";
    if (!/^multipart\/form-data;\s*boundary=/i.test(type) || !request.body) throw new UploadError("malformed", null);
    await unstable_parseMultipartFormData(request, handler as never);
    if (refused) throw refused;
    return { ok: true, formData: fields, files };
  } catch (err) {
    await removeStored(dir, written);
    if (err instanceof UploadError) return { ok: false, problem: err.problem, field: err.field, formData: fields };
    // Anything the multipart parser rejects (broken boundaries, headers, early end) is the client's input.
    return { ok: false, problem: "malformed", field: null, formData: fields };
  }
}

async function removeStored(dir: string, keys: string[]) {
  await Promise.all(keys.map((k) => rm(keyPath(dir, k), { force: true }).catch(() => undefined)));
}

/** Remove files of a request whose form was refused or whose insert failed: nothing is left on disk. */
export async function discardFiles(files: StoredFile[], dir = uploadDir()): Promise<void> {
  await removeStored(
    dir,
    files.map((f) => f.storageKey),
  );
}

// ---- Downloads ----

/**
 * The attachment when the viewer's organisation is the applying company or
 * the hospital that owns the need; null (→ 404) for everyone else.
 */
export async function getAttachmentForViewer(db: DB, attachmentId: string, viewerOrgId: string) {
  if (!isUuid(attachmentId)) return null;
  const row = await db
    .selectFrom("attachments as a")
    .leftJoin("messages as m", "m.id", "a.message_id")
    .innerJoin("applications as ap", (j) => j.on((eb) => eb.or([eb("ap.id", "=", eb.ref("a.application_id")), eb("ap.id", "=", eb.ref("m.application_id"))])))
    .innerJoin("needs as n", "n.id", "ap.need_id")
    .select(["a.id", "a.filename", "a.storage_key", "a.size_bytes", "a.sha256", "ap.company_org_id", "n.org_id as hospital_org_id"])
    .where("a.id", "=", attachmentId)
    // A file of a message the operator hid is hidden with it.
    .where("m.hidden_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.company_org_id !== viewerOrgId && row.hospital_org_id !== viewerOrgId) return null;
  return { id: row.id, filename: row.filename, storageKey: row.storage_key, sizeBytes: Number(row.size_bytes), sha256: row.sha256 };
}

/** A stream of the stored file, or null when it is missing on disk. */
export async function openStoredFile(storageKey: string, dir = uploadDir()): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  let p: string;
  try {
    p = keyPath(dir, storageKey);
  } catch {
    return null;
  }
  const s = await stat(p).catch(() => null);
  if (!s?.isFile()) return null;
  return { stream: Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>, size: s.size };
}

/** RFC 6266 / 5987: a plain ASCII fallback plus the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function isUuid(v: unknown): v is string {
  return typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/**
 * The response for a stored PDF a viewer is allowed to have: always a download
 * (never rendered inline), never cached, sandboxed if opened anyway.
 * `X-Content-Type-Options: nosniff` comes with every response from
 * scripts/lib/server.ts.
 */
export function pdfDownload(stored: { stream: ReadableStream<Uint8Array>; size: number }, filename: string): Response {
  return new Response(stored.stream, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(stored.size),
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
