import { data } from "@remix-run/node";

/**
 * A POST whose body is not a form (Content-Type text/plain or JSON, a broken
 * multipart body) makes `request.formData()` throw a TypeError, which Remix
 * would answer with a 500. Every action reads its form that way, so the answer
 * is fixed here once: such a request is a 400. (Found by the action fuzzer,
 * scripts/security/fuzz-actions.test.ts.)
 */
const FORM_GUARD = Symbol.for("medibridge.formDataGuard");
const requestProto = Request.prototype as Request & { [FORM_GUARD]?: true };
if (!requestProto[FORM_GUARD]) {
  const original = requestProto.formData;
  requestProto.formData = async function formData(this: Request) {
    try {
      return await original.call(this);
    } catch (err) {
      if (err instanceof TypeError) throw new Response("Bad Request: the body is not a form", { status: 400 });
      throw err;
    }
  };
  requestProto[FORM_GUARD] = true;
}

/** Throwable 404: the answer for anything missing or belonging to another organisation. */
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * Run a database call; if the database cannot be reached, answer 503 (friendly
 * page) instead of a 500. Input problems never come here: they are returned.
 */
export async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDbUnavailable(err)) throw data({ unavailable: true }, { status: 503 });
    throw err;
  }
}

export function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  const code = e.code ?? "";
  const msg = e.message ?? "";
  return (
    // 57014: statement timeout; 55P03: lock timeout (the database is busy, not the input wrong).
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "57014", "55P03", "53300", "08000", "08003", "08006", "08001", "08004"].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Query read timeout|PGlite is closed/i.test(msg)
  );
}
