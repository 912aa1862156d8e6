import { data } from "@remix-run/node";

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
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004"].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed/i.test(msg)
  );
}
