import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { UserActions, UserStateBadge } from "~/components/admin/user-actions";
import { SubmitButton } from "~/components/ui/button";
import { Badge, Card, PageHead, ScrollTable } from "~/components/ui/misc";
import { changeOwner, getOrgForAdmin } from "~/modules/admin/people.server";
import { OwnerSchema, UuidSchema } from "~/modules/admin/schemas";
import { handleUserAction } from "~/modules/admin/user-actions.server";
import { requireRole } from "~/modules/auth/session.server";
import { formatBusinessNumber } from "~/modules/validation/business-number";
import { getDb } from "~/utils/db.server";
import { formatDate, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, (t, lng) => args.data && [localName(lng, args.data.org.name, args.data.org.name_en), t("admin:title")]);
export const links = adminLinks;

const statusTone = (s: string) => (s === "verified" ? "success" : s === "pending" ? "warn" : "danger") as "success" | "warn" | "danger";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const me = await requireRole(request, "operator");
    if (!UuidSchema.safeParse(params.id).success) notFound();
    const found = await getOrgForAdmin(await getDb(), params.id!);
    if (!found) notFound();
    return { ...found, org: { ...found.org, business_no: found.org.business_no ? formatBusinessNumber(found.org.business_no) : null }, meId: me.id };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  if (!UuidSchema.safeParse(params.id).success) notFound();
  const orgId = params.id!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/admin/orgs/${orgId}`;
  return withDb(async () => {
    const db = await getDb();
    // The person must belong to this organisation: another organisation's user is 404 here.
    const uid = formData.get("userId");
    const validUid = UuidSchema.safeParse(uid).success;
    const member = validUid ? await db.selectFrom("memberships").select("user_id").where("org_id", "=", orgId).where("user_id", "=", String(uid)).executeTakeFirst() : undefined;
    if (intent === "disable" || intent === "enable") {
      if (validUid && !member) notFound();
      return handleUserAction(db, user, formData, back, clientIp(context));
    }
    if (intent === "owner") {
      const s = parseWithZod(formData, { schema: OwnerSchema });
      if (s.status !== "success") return data({ userId: "owner-form", result: s.reply(), error: "admin:validation.confirm" }, { status: 400 });
      const r = await changeOwner(db, { userId: user.id, orgId: user.org.id }, orgId, s.value.userId, clientIp(context));
      if (!r.ok) notFound();
      return redirectWithToast(back, { key: "admin:toast.ownerChanged", kind: "success" });
    }
    return data({ userId: null, result: null, error: null }, { status: 400 });
  });
}

export default function AdminOrg() {
  const { org, members, counts, meId } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const actionData = useActionData<typeof action>();
  const lng = i18n.language;
  const activeMembers = members.filter((m) => !m.disabled_at && m.role !== "owner");
  const ownerError = actionData && "error" in actionData && actionData.error && actionData.userId === "owner-form" ? actionData.error : null;
  return (
    <>
      <AdminNav />
      <p>
        <Link to="/admin/orgs">← {t("orgs.back")}</Link>
      </p>
      <PageHead
        title={localName(lng, org.name, org.name_en)}
        description={
          <span className="tags">
            <Badge>{t(`common:kinds.${org.kind}`)}</Badge> <Badge tone={statusTone(org.status)}>{t(`orgs.statuses.${org.status}`)}</Badge>
          </span>
        }
        actions={
          <Link className="btn" to={`/orgs/${org.slug}`}>
            {t("queue.viewProfile")}
          </Link>
        }
      />
      <div className="grid-2">
        <Card aria-labelledby="org-facts">
          <h2 id="org-facts">{t("orgs.facts")}</h2>
          <dl className="kv">
            <dt>{t("orgs.businessNo")}</dt>
            <dd>{org.business_no ?? "—"}</dd>
            <dt>{t("queue.website")}</dt>
            <dd>{org.website ?? "—"}</dd>
            <dt>{t("orgs.region")}</dt>
            <dd>{org.region ?? "—"}</dd>
            <dt>{t("queue.applied")}</dt>
            <dd>{formatDate(org.created_at, lng)}</dd>
            <dt>{t("orgs.verifiedAt")}</dt>
            <dd>{formatDate(org.verified_at, lng)}</dd>
            {org.rejection_reason ? (
              <>
                <dt>{t("queue.reason")}</dt>
                <dd>{org.rejection_reason}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card aria-labelledby="org-counts">
          <h2 id="org-counts">{t("orgs.activity")}</h2>
          <dl className="kv" data-testid="org-counts">
            {(Object.keys(counts) as (keyof typeof counts)[]).map((k) => (
              <div key={k} style={{ display: "contents" }}>
                <dt>{t(`orgs.counts.${k}`)}</dt>
                <dd>{counts[k]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      <Card aria-labelledby="org-members">
        <h2 id="org-members">{t("orgs.membersTitle", { n: members.length })}</h2>
        <ScrollTable
          labelledBy="org-members"
          head={
            <>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.actions")}</th>
            </>
          }
        >
          {members.map((m) => (
            <tr key={m.id} data-testid={`member-${m.email}`}>
              <td>
                {m.name} {m.role === "owner" ? <Badge>{t("users.owner")}</Badge> : null}
              </td>
              <td>{m.email}</td>
              <td>
                <UserStateBadge disabledAt={m.disabled_at} sessions={m.sessions} />
              </td>
              <td>
                <UserActions user={{ id: m.id, email: m.email, disabled: Boolean(m.disabled_at) }} self={m.id === meId} />
              </td>
            </tr>
          ))}
        </ScrollTable>
        <h3 style={{ marginTop: 20 }}>{t("orgs.changeOwner")}</h3>
        {activeMembers.length === 0 ? (
          <p className="muted">{t("orgs.noOtherMembers")}</p>
        ) : (
          <Form method="post" className="form confirm-box">
            <div className="field">
              <label htmlFor="owner-user">{t("orgs.newOwner")}</label>
              <select id="owner-user" name="userId" required>
                {activeMembers.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.email})
                  </option>
                ))}
              </select>
            </div>
            <label>
              <input type="checkbox" name="confirm" value="yes" required /> {t("orgs.confirmOwner")}
            </label>
            {ownerError ? (
              <p className="field-error" role="alert">
                {t(ownerError)}
              </p>
            ) : null}
            <div className="btn-row" style={{ marginTop: 8 }}>
              <SubmitButton variant="danger" name="intent" value="owner" pendingText={t("orgs.changingOwner")}>
                {t("orgs.changeOwnerButton")}
              </SubmitButton>
            </div>
          </Form>
        )}
      </Card>
    </>
  );
}
