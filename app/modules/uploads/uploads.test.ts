import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentDisposition, parseUploadForm, sanitizeFilename } from "./uploads.server";

const BOUNDARY = "----medibridgeTestBoundary7MA4YWxkTrZu0gW";
const enc = new TextEncoder();

function textPart(name: string, value: string) {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}
function fileHead(name: string, filename: string, type = "application/pdf") {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
}
const END = `--${BOUNDARY}--\r\n`;
const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

function multipart(body: BodyInit | ReadableStream<Uint8Array>) {
  return new Request("http://localhost/upload", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: body as BodyInit,
    // Node needs this for a streamed request body.
    ...({ duplex: "half" } as object),
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mb-uploads-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("parseUploadForm", () => {
  it("stores a PDF under a random name with its size and sha256, and keeps the text fields", async () => {
    const r = await parseUploadForm(multipart(textPart("approach", "AI 판독 보조") + fileHead("attachments", "제안서.pdf") + PDF + "\r\n" + END), { dir });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.formData.get("approach")).toBe("AI 판독 보조");
    expect(r.files).toHaveLength(1);
    const f = r.files[0];
    expect(f.filename).toBe("제안서.pdf");
    expect(f.storageKey).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(f.sizeBytes).toBe(Buffer.byteLength(PDF));
    expect(f.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(readFileSync(path.join(dir, f.storageKey), "utf8")).toBe(PDF);
  });

  it("refuses a file whose first bytes are not %PDF- (name and MIME type do not count), and leaves nothing on disk", async () => {
    const html = "<html><script>alert(1)</script></html>";
    const r = await parseUploadForm(multipart(textPart("approach", "x") + fileHead("attachments", "looks-like.pdf") + html + "\r\n" + END), { dir });
    expect(r).toMatchObject({ ok: false, problem: "notPdf", field: "attachments" });
    if (!r.ok) expect(r.formData.get("approach")).toBe("x");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes earlier files when a later one is refused", async () => {
    const body = fileHead("attachments", "a.pdf") + PDF + "\r\n" + fileHead("attachments", "b.pdf") + "MZ\x90\x00 not a pdf" + "\r\n" + END;
    const r = await parseUploadForm(multipart(body), { dir });
    expect(r).toMatchObject({ ok: false, problem: "notPdf" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a fourth file", async () => {
    const one = (n: number) => fileHead("attachments", `${n}.pdf`) + PDF + "\r\n";
    const r = await parseUploadForm(multipart(one(1) + one(2) + one(3) + one(4) + END), { dir });
    expect(r).toMatchObject({ ok: false, problem: "tooMany" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("skips an empty file input (nothing chosen)", async () => {
    const r = await parseUploadForm(multipart(textPart("approach", "x") + fileHead("attachments", "", "application/octet-stream") + "\r\n" + END), { dir });
    expect(r.ok && r.files.length).toBe(0);
  });

  it("aborts an oversize upload while streaming: it stops reading soon after the limit", async () => {
    const maxBytes = 64 * 1024;
    const chunk = new Uint8Array(16 * 1024).fill(0x41);
    let pulled = 0;
    const total = 50 * 1024 * 1024; // the client would send 50 MB
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode(textPart("approach", "큰 파일") + fileHead("attachments", "big.pdf") + "%PDF-1.7\n"));
      },
      pull(c) {
        if (sent >= total) {
          c.enqueue(enc.encode("\r\n" + END));
          c.close();
          return;
        }
        sent += chunk.byteLength;
        pulled += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    // drainLimit 0: nothing is read after the refusal (the default drains a little so browsers see the 400).
    const r = await parseUploadForm(multipart(stream), { dir, maxBytes, drainLimit: 0 });
    expect(r).toMatchObject({ ok: false, problem: "tooLarge", field: "attachments" });
    if (!r.ok) expect(r.formData.get("approach")).toBe("큰 파일");
    // Read at most a few chunks past the limit, never the whole 50 MB.
    expect(pulled).toBeLessThan(maxBytes + 256 * 1024);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("after a refusal, drains a moderately oversized rest of the body (discarded) up to the drain limit, then stops", async () => {
    const maxBytes = 64 * 1024;
    const make = (total: number) => {
      let pulled = 0;
      const chunk = new Uint8Array(16 * 1024).fill(0x41);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode(fileHead("attachments", "big.pdf") + "%PDF-1.7\n"));
        },
        pull(c) {
          if (pulled >= total) {
            c.enqueue(enc.encode("\r\n" + END));
            c.close();
            return;
          }
          pulled += chunk.byteLength;
          c.enqueue(chunk);
        },
      });
      return { stream, pulled: () => pulled };
    };
    const small = make(200 * 1024);
    expect(await parseUploadForm(multipart(small.stream), { dir, maxBytes, drainLimit: 1024 * 1024 })).toMatchObject({ ok: false, problem: "tooLarge" });
    expect(small.pulled()).toBeGreaterThanOrEqual(200 * 1024);
    const huge = make(50 * 1024 * 1024);
    expect(await parseUploadForm(multipart(huge.stream), { dir, maxBytes, drainLimit: 1024 * 1024 })).toMatchObject({ ok: false, problem: "tooLarge" });
    expect(huge.pulled()).toBeLessThan(maxBytes + 1024 * 1024 + 256 * 1024);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("answers a malformed or non-multipart body with a problem, never a throw", async () => {
    const notMultipart = new Request("http://localhost/u", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(await parseUploadForm(notMultipart, { dir })).toMatchObject({ ok: false, problem: "malformed" });
    const broken = multipart(`--${BOUNDARY}\r\nContent-Disposition: nonsense\r\n\r\nx`);
    expect(await parseUploadForm(broken, { dir })).toMatchObject({ ok: false, problem: "malformed" });
    const truncated = multipart(fileHead("attachments", "a.pdf") + PDF);
    expect(await parseUploadForm(truncated, { dir })).toMatchObject({ ok: false, problem: "malformed" });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("sanitizeFilename", () => {
  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\windows\\win.ini.pdf", "win.ini.pdf"],
    ["/abs/path/report.pdf", "report.pdf"],
    ["보고서\u0000\u0007.pdf", "보고서.pdf"],
    ["evil\u202Efdp.exe", "evilfdp.exe.pdf"],
    ["..pdf", "pdf.pdf"],
    ["", "file.pdf"],
    ['a"b<c>.PDF', "a_b_c_.PDF"],
    ["new\r\nline.pdf", "newline.pdf"],
  ])("%j → %j", (input, want) => {
    expect(sanitizeFilename(input)).toBe(want);
  });

  it("never returns a path separator and stays short", () => {
    const out = sanitizeFilename(`${"가".repeat(400)}/../x${"/".repeat(10)}`);
    expect(out).not.toMatch(/[/\\]/);
    expect(out.length).toBeLessThanOrEqual(150);
  });
});

describe("contentDisposition", () => {
  it("is an attachment with an RFC 5987 UTF-8 name and an ASCII fallback", () => {
    const v = contentDisposition("제안서 (최종).pdf");
    expect(v.startsWith("attachment;")).toBe(true);
    expect(v).toContain("filename*=UTF-8''%EC%A0%9C%EC%95%88%EC%84%9C%20%28%EC%B5%9C%EC%A2%85%29.pdf");
    expect(v).not.toMatch(/[\r\n]/);
  });
});
