import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertStatusBadge, VerifiedMark } from "~/components/certifications/certification-list";
import { SubmitButton } from "~/components/ui/button";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { listCertifications, readCertificationForm, removeCertification, saveCertification } from "~/modules/certifications/certifications.server";
import { certificationCodes, CertificationSchema, certificationStatuses } from "~/modules/certifications/schemas";
import { certifications, termLabel } from "~/modules/taxonomy/vocabulary";
import { discardFiles } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { useErrorText } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:cert.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    // Company members keep their own checklist; nobody else has this page.
    const user = await requireRole(request, "company");
    const rows = await listCertifications(await getDb(), user.org.id);
    return { rows, slug: user.org.slug };
  });
}

type Reply = { code: string | null; errors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "company"));
  const { formData, file, fileError } = await readCertificationForm(request);
  const intent = formData.get("intent");
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const code = typeof values.code === "string" && (certificationCodes as string[]).includes(values.code) ? values.code : null;
  const actor = { userId: user.id, orgId: user.org.id };
  if (intent === "remove") {
    if (file) await discardFiles([file]);
    if (!code) return data<Reply>({ code: null, errors: { form: ["validation.invalidChoice"] }, values }, { status: 400 });
    return withDb(async () => {
      const removed = await removeCertification(await getDb(), actor, code);
      return redirectWithToast("/certifications", { key: removed ? "testbeds:toast.certRemoved" : "testbeds:toast.certNothing", kind: removed ? "success" : "info" });
    });
  }
  if (intent !== "save") {
    if (file) await discardFiles([file]);
    return data<Reply>({ code, errors: { form: ["testbeds:validation.intent"] }, values }, { status: 400 });
  }
  const s = parseWithZod(formData, { schema: CertificationSchema });
  if (s.status !== "success" || fileError) {
    if (file) await discardFiles([file]);
    const errors = { ...((s.status !== "success" ? s.error : {}) ?? {}) } as Record<string, string[]>;
    if (fileError) errors.evidence = [fileError];
    return data<Reply>({ code, errors, values }, { status: 400 });
  }
  return withDb(async () => {
    try {
      await saveCertification(await getDb(), actor, s.value, file);
    } catch (err) {
      if (file) await discardFiles([file]);
      throw err;
    }
    return redirectWithToast("/certifications", { key: "testbeds:toast.certSaved", kind: "success" });
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function CertForm({ code, row }: { code: string; row: Row | undefined }) {
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t } = useTranslation("testbeds");
  const errText = useErrorText();
  const mine = reply?.code === code;
  const err = (f: string) => (mine ? errText(reply?.errors[f]) : undefined);
  const val = (f: string, fallback: string) => (mine && reply ? (reply.values[f] ?? fallback) : fallback);
  const id = `cert-${code}`;
  return (
    <Form method="post" encType="multipart/form-data" className="form" aria-label={t("cert.formLabel", { name: termLabel("certification", code, "ko") })}>
      <input type="hidden" name="code" value={code} />
      <FormError>{mine && reply?.errors.form ? errText(reply.errors.form)?.join(" ") : null}</FormError>
      <div className="grid-2">
        <SelectField
          id={`${id}-status`}
          label={t("cert.statusLabel")}
          name="status"
          defaultValue={val("status", row?.status ?? "planned")}
          options={certificationStatuses.map((v) => ({ value: v, label: t(`cert.status.${v}`) }))}
          errors={err("status")}
        />
        <TextField id={`${id}-date`} label={t("cert.date")} name="statusOn" type="date" defaultValue={val("statusOn", row?.status_on ?? "")} hint={t("cert.dateHint")} errors={err("statusOn")} />
      </div>
      <TextAreaField id={`${id}-note`} label={t("cert.note")} name="note" rows={2} maxLength={500} defaultValue={val("note", row?.note ?? "")} errors={err("note")} />
      <TextField id={`${id}-evidence`} label={t("cert.evidence")} name="evidence" type="file" accept="application/pdf,.pdf" hint={row?.evidence_filename ? t("cert.evidenceReplace") : t("cert.evidenceHint")} errors={err("evidence")} />
      <div className="btn-row">
        <SubmitButton variant="primary" name="intent" value="save" pendingText={t("form.saving")}>
          {row ? t("cert.save") : t("cert.add")}
        </SubmitButton>
      </div>
    </Form>
  );
}

export default function Certifications() {
  const { rows, slug } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t, i18n } = useTranslation("testbeds");
  const errText = useErrorText();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const obtained = rows.filter((r) => r.status === "obtained").length;
  return (
    <>
      <PageHead
        title={t("cert.title")}
        description={t("cert.lead")}
        actions={
          <Link className="btn" to={`/orgs/${slug}`}>
            {t("cert.viewProfile")}
          </Link>
        }
      />
      <Notice>{t("cert.summary", { obtained, total: rows.length })}</Notice>
      {reply?.errors.form && !reply.code ? <FormError>{errText(reply.errors.form)?.join(" ")}</FormError> : null}
      <div className="stack" style={{ marginTop: 16 }}>
        {/* What the company already tracks first, then the rest of the vocabulary. */}
        {[...certifications.filter((c) => byCode.has(c.code)), ...certifications.filter((c) => !byCode.has(c.code))].map((c) => {
          const row = byCode.get(c.code);
          const open = reply?.code === c.code;
          return (
            <Card key={c.code} aria-labelledby={`cert-${c.code}-title`}>
              <details open={open || undefined}>
                <summary>
                  <h2 id={`cert-${c.code}-title`} style={{ display: "inline", fontSize: "1.05rem" }}>
                    {i18n.language === "en" ? c.label.en : c.label.ko}
                  </h2>{" "}
                  {row ? <CertStatusBadge status={row.status} /> : <Badge>{t("cert.notTracked")}</Badge>}
                  {row?.verified_at ? <> <VerifiedMark /></> : null}
                  {row?.status === "obtained" && row.evidence_filename && !row.verified_at ? <> <Badge tone="warn">{t("cert.awaiting")}</Badge></> : null}
                  {row?.status_on ? <span className="muted"> · {formatDate(`${row.status_on}T00:00:00+09:00`, i18n.language)}</span> : null}
                </summary>
                <div style={{ marginTop: 12 }}>
                  {row?.evidence_filename ? (
                    <p>
                      {t("cert.evidenceFile")}: <a href={`/certifications/${row.id}/evidence`}>{row.evidence_filename}</a>
                    </p>
                  ) : null}
                  <CertForm code={c.code} row={row} />
                  {row ? (
                    <Form method="post" onSubmit={(e) => (!confirm(t("cert.removeConfirm")) ? e.preventDefault() : undefined)} style={{ marginTop: 8 }}>
                      <input type="hidden" name="code" value={c.code} />
                      <SubmitButton size="sm" variant="ghost" name="intent" value="remove" pendingText="…">
                        {t("cert.remove")}
                      </SubmitButton>
                    </Form>
                  ) : null}
                </div>
              </details>
            </Card>
          );
        })}
      </div>
    </>
  );
}
