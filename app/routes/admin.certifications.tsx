import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifiedMark } from "~/components/certifications/certification-list";
import { SubmitButton } from "~/components/ui/button";
import { AdminNav } from "~/components/admin/admin-nav";
import { adminLinks } from "~/components/admin/styles";
import { EmptyState, PageHead } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";
import { TabLinks } from "~/components/ui/tab-links";
import { requireRole } from "~/modules/auth/session.server";
import { listForVerification, setVerified } from "~/modules/certifications/certifications.server";
import { isUuid } from "~/modules/needs/list-options";
import { termLabel } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, localName } from "~/utils/format";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";


export const links = adminLinks;
export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:adminCert.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  const show = sp.get("show") === "verified" ? ("verified" as const) : ("waiting" as const);
  const p = Number.parseInt(sp.get("page") ?? "1", 10);
  const page = Number.isFinite(p) && p >= 1 && p <= 10_000 ? p : 1;
  return withDb(async () => {
    // Operators only; everyone else gets 404.
    await requireRole(request, "operator");
    return { show, ...(await listForVerification(await getDb(), { show, page })) };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const certId = formData.get("certId");
  if ((intent !== "verify" && intent !== "unverify") || !isUuid(certId)) return data({ ok: false }, { status: 400 });
  return withDb(async () => {
    const r = await setVerified(await getDb(), { userId: user.id, orgId: user.org.id }, certId, intent === "verify", clientIp(context));
    if (r === null) notFound();
    const back = intent === "verify" ? "/admin/certifications" : "/admin/certifications?show=verified";
    if (!r) return redirectWithToast(back, { key: "testbeds:toast.certUnchanged", kind: "info" });
    return redirectWithToast(back, { key: intent === "verify" ? "testbeds:toast.certVerified" : "testbeds:toast.certUnverified", kind: "success" });
  });
}

export default function AdminCertifications() {
  const { show, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("testbeds");
  const lng = i18n.language;
  return (
    <>
      <AdminNav />
      <PageHead title={t("adminCert.title")} description={t("adminCert.lead")} />
      <TabLinks
        label={t("adminCert.tabs")}
        tabs={(["waiting", "verified"] as const).map((k) => ({ key: k, to: k === "waiting" ? "/admin/certifications" : "/admin/certifications?show=verified", label: t(`adminCert.tab.${k}`) }))}
        current={show}
      />
      <p className="muted" role="status">
        {t("adminCert.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={show === "waiting" ? t("adminCert.emptyWaiting") : t("adminCert.emptyVerified")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("adminCert.company")}</th>
                <th scope="col">{t("adminCert.certification")}</th>
                <th scope="col">{t("cert.date")}</th>
                <th scope="col">{t("cert.evidence")}</th>
                <th scope="col">{show === "waiting" ? t("adminCert.updated") : t("adminCert.verifiedAt")}</th>
                <th scope="col">{t("adminCert.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/orgs/${r.org_slug}`}>{localName(lng, r.org_name, r.org_name_en)}</Link>
                  </td>
                  <td>
                    {termLabel("certification", r.code, lng)}
                    {r.note ? <div className="muted">{r.note}</div> : null}
                  </td>
                  <td>{r.status_on ? formatDate(`${r.status_on}T00:00:00+09:00`, lng) : "—"}</td>
                  <td>
                    <a href={`/certifications/${r.id}/evidence`}>{r.filename}</a>
                  </td>
                  <td>
                    {show === "waiting" ? formatDateTime(r.updated_at, lng) : formatDateTime(r.verified_at, lng)}
                    {show === "verified" && r.verified_by_name ? <div className="muted">{r.verified_by_name}</div> : null}
                  </td>
                  <td>
                    {show === "waiting" ? (
                      <Form method="post">
                        <input type="hidden" name="certId" value={r.id} />
                        <SubmitButton size="sm" variant="primary" name="intent" value="verify" pendingText="…">
                          {t("adminCert.verify")}
                        </SubmitButton>
                      </Form>
                    ) : (
                      <Form method="post" onSubmit={(e) => (!confirm(t("adminCert.unverifyConfirm")) ? e.preventDefault() : undefined)}>
                        <VerifiedMark />{" "}
                        <input type="hidden" name="certId" value={r.id} />
                        <SubmitButton size="sm" name="intent" value="unverify" pendingText="…">
                          {t("adminCert.unverify")}
                        </SubmitButton>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
