import { notFound } from "./http.server";
import { redirectWithToast } from "./toast.server";

/**
 * The reply to a status button on an edit page (publish, close, reopen …):
 * 404 when the thing is not the organisation's, otherwise back to the edit page
 * with `<ns>:toast.<intent>`, or `<ns>:toast.badTransition` when the change is
 * not allowed from the current status.
 */
export function statusChangeReply(changed: boolean | null, editUrl: string, ns: string, intent: string) {
  if (changed === null) notFound();
  if (!changed) return redirectWithToast(editUrl, { key: `${ns}:toast.badTransition`, kind: "error" });
  return redirectWithToast(editUrl, { key: `${ns}:toast.${intent}`, kind: "success" });
}
