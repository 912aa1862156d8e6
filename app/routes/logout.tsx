import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/modules/audit/audit.server";
import { endSession, getCurrentUser } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";

// GET never changes state: visiting /logout just goes home.
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const cookie = await endSession(request);
    if (current) await audit(await getDb(), { event: "logout", actorUserId: current.user.id, actorOrgId: current.user.org.id, ip: clientIp(context) });
    throw redirect("/", { headers: { "Set-Cookie": cookie } });
  });
}
