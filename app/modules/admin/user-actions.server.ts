import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { DB } from "../../../db/client";
import type { CurrentUser } from "~/modules/auth/session.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { disableUser, enableUser } from "./people.server";
import { UserActionSchema } from "./schemas";

/**
 * The disable / re-enable form, shared by the users page and an
 * organisation's page. Disabling needs the confirmation box ticked (400
 * otherwise, nothing changes); an unknown user is 404.
 */
export async function handleUserAction(db: DB, user: CurrentUser, formData: FormData, back: string, ip: string | null) {
  const s = parseWithZod(formData, { schema: UserActionSchema });
  const userId = typeof formData.get("userId") === "string" ? String(formData.get("userId")) : null;
  if (s.status !== "success") return data({ userId, result: s.reply(), error: null as string | null }, { status: 400 });
  const actor = { userId: user.id, orgId: user.org.id };
  if (s.value.intent === "disable") {
    if (s.value.confirm !== "yes") return data({ userId, result: null, error: "admin:validation.confirm" }, { status: 400 });
    const r = await disableUser(db, actor, s.value.userId, ip);
    if (!r.ok && r.reason === "self") return data({ userId, result: null, error: "admin:validation.notSelf" }, { status: 400 });
    if (!r.ok) notFound();
    return redirectWithToast(back, { key: "admin:toast.disabled", params: { email: r.email }, kind: "success" });
  }
  const r = await enableUser(db, actor, s.value.userId, ip);
  if (!r.ok) notFound();
  return redirectWithToast(back, { key: "admin:toast.enabled", params: { email: r.email }, kind: "success" });
}
