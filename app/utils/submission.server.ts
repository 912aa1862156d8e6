import { randomUUID } from "node:crypto";
import { data } from "@remix-run/node";
import { isDbUnavailable } from "./http.server";

/**
 * Idempotent create forms (docs: SECURITY.md, "Double submits"). The loader
 * renders a random `submissionId` in a hidden input; the create function
 * stores it under a unique index (db/migrations/20261125_0005_idempotency.ts),
 * so a double click, a retry after a timeout or a resend after a database
 * outage lands on the row that already exists instead of a second one.
 */
export const SUBMISSION_FIELD = "submissionId";

export function newSubmissionId(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's token when it is a well-formed uuid; anything else counts as "no token" (never an error). */
export function readSubmissionId(formData: FormData): string | null {
  const v = formData.get(SUBMISSION_FIELD);
  return typeof v === "string" && UUID.test(v) ? v.toLowerCase() : null;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; message?: string; constraint?: string } | null;
  const unique = e?.code === "23505" || /duplicate key value violates unique constraint/i.test(e?.message ?? "");
  if (!unique || !constraint) return unique;
  return e?.constraint === constraint || (e?.message ?? "").includes(constraint);
}

/**
 * Creates a row at most once per submission id. `existing` finds the row a
 * form with this id already made (undefined without an id); it is returned
 * instead of a second one, also when two copies race and the later one loses
 * on the unique index. `created` says whether this call made the row.
 */
export async function createOnce(
  submissionId: string | null,
  existing: () => Promise<{ id: string } | undefined>,
  create: () => Promise<string>,
): Promise<{ id: string; created: boolean }> {
  const before = await existing();
  if (before) return { id: before.id, created: false };
  try {
    return { id: await create(), created: true };
  } catch (err) {
    const race = submissionId && isUniqueViolation(err) ? await existing() : undefined;
    if (race) return { id: race.id, created: false };
    throw err;
  }
}

function isUnavailable(err: unknown): boolean {
  if (isDbUnavailable(err)) return true;
  const d = err as { type?: string; init?: { status?: number } | null } | null;
  if (d?.type === "DataWithResponseInit" && d.init?.status === 503) return true;
  return err instanceof Response && err.status === 503;
}

/**
 * For form actions: when the database cannot be reached, answer 503 with the
 * form's own reply (every typed value, a form-level message) instead of the
 * error page, so nothing typed is lost and the user can simply send again.
 * Single fetch does not revalidate loaders after a 5xx action, so the page stays.
 */
export async function keepFormWhenDbDown<T, R>(reply: (formErrors: string[]) => R, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    return data(reply(["common:errors.unavailableForm"]), { status: 503 });
  }
}
