import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PdfFilesField } from "~/components/applications/pdf-files-field";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextAreaField, TextField } from "~/components/ui/field";
import { Card, PageHead } from "~/components/ui/misc";
import { UnverifiedCard } from "~/components/ui/unverified-card";
import { createApplication, findOwnApplicationId, getOpenNeed } from "~/modules/applications/applications.server";
import { readFormWithFiles } from "~/modules/applications/forms.server";
import { ApplySchema } from "~/modules/applications/schemas";
import { requireRole } from "~/modules/auth/session.server";
import { discardFiles } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { formatKrwRange, localName } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "applications:apply.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "company");
    const db = await getDb();
    const need = await getOpenNeed(db, params.id ?? "");
    if (!need) notFound();
    const view = { id: need.id, title: need.title, hospitalName: need.hospital_name, hospitalNameEn: need.hospital_name_en, trlMin: need.trl_min, trlMax: need.trl_max, budgetMin: need.budget_min_krw, budgetMax: need.budget_max_krw };
    // Unverified companies see why they cannot apply, instead of a bare 403 page.
    if (user.org.status !== "verified") return data({ need: view, unverified: true, existingId: null }, { status: 403 });
    return { need: view, unverified: false, existingId: await findOwnApplicationId(db, need.id, user.org.id) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "company"));
  const db = await withDb(() => getDb());
  const need = await withDb(() => getOpenNeed(db, params.id ?? ""));
  if (!need) notFound();
  if (user.org.status !== "verified") throw new Response("Organisation not verified", { status: 403 });
  const { formData, files, fileError } = await readFormWithFiles(request);
  const submission = parseWithZod(formData, { schema: ApplySchema });
  if (submission.status !== "success" || fileError) {
    await discardFiles(files);
    return data(submission.reply(fileError ? { fieldErrors: { attachments: [fileError] } } : undefined), { status: 400 });
  }
  // A second submit (another tab, a double click) lands on the first application.
  const existing = await withDb(() => findOwnApplicationId(db, need.id, user.org.id));
  if (existing) {
    await discardFiles(files);
    return redirectWithToast(`/applications/${existing}`, { key: "applications:toast.alreadyApplied", kind: "info" });
  }
  const result = await withDb(() =>
    createApplication(db, { userId: user.id, orgId: user.org.id, orgName: user.org.name }, need, submission.value, files),
  );
  return redirectWithToast(`/applications/${result.id}`, {
    key: result.created ? "applications:toast.applied" : "applications:toast.alreadyApplied",
    kind: result.created ? "success" : "info",
  });
}

export default function Apply() {
  const { need, unverified, existingId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation("applications");
  const errText = useErrorText();
  const [form, fields] = useZodForm(ApplySchema, lastResult);
  const head = <PageHead title={t("apply.title")} description={t("apply.lead", { hospital: localName(i18n.language, need.hospitalName, need.hospitalNameEn), need: need.title })} />;
  if (unverified) {
    return (
      <>
        {head}
        <UnverifiedCard title={t("apply.unverifiedTitle")} body={t("apply.unverifiedBody")} linkTo="/dashboard" linkLabel={t("apply.toDashboard")} primary />
      </>
    );
  }
  if (existingId) {
    return (
      <>
        {head}
        <Card aria-labelledby="already-title">
          <h2 id="already-title">{t("apply.already")}</h2>
          <p>{t("apply.alreadyBody")}</p>
          <Link className="btn btn-primary" to={`/applications/${existingId}`}>
            {t("apply.alreadyLink")}
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      {head}
      <Card aria-labelledby="need-title">
        <h2 id="need-title">{need.title}</h2>
        <dl className="kv">
          <dt>{t("fields.hospital")}</dt>
          <dd>{localName(i18n.language, need.hospitalName, need.hospitalNameEn)}</dd>
          <dt>TRL</dt>
          <dd>{need.trlMin || need.trlMax ? `${need.trlMin ?? "?"}–${need.trlMax ?? "?"}` : "—"}</dd>
          <dt>{t("fields.budget")}</dt>
          <dd>{formatKrwRange(need.budgetMin, need.budgetMax, i18n.language)}</dd>
        </dl>
        <p>
          <Link to={`/needs/${need.id}`}>{t("apply.backToNeed")}</Link>
        </p>
      </Card>
      <Card aria-labelledby="apply-form-title" style={{ marginTop: 20 }}>
        <h2 id="apply-form-title">{t("apply.title")}</h2>
        <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <TextAreaField label={t("fields.approach")} {...conformField(fields.approach)} required rows={8} hint={t("apply.approachHint")} errors={errText(fields.approach.errors)} />
          <TextAreaField label={t("fields.team")} {...conformField(fields.team)} rows={4} hint={t("apply.teamHint")} errors={errText(fields.team.errors)} />
          <TextField label={t("fields.trl")} {...conformField(fields.trl)} type="number" min={1} max={9} inputMode="numeric" hint={t("apply.trlHint")} errors={errText(fields.trl.errors)} />
          <TextField label={t("fields.budget")} {...conformField(fields.budgetKrw)} inputMode="numeric" hint={t("apply.budgetHint")} errors={errText(fields.budgetKrw.errors)} />
          <TextAreaField label={t("fields.timeline")} {...conformField(fields.timeline)} rows={3} hint={t("apply.timelineHint")} errors={errText(fields.timeline.errors)} />
          <PdfFilesField id={fields.attachments.id} errors={errText(fields.attachments.errors)} />
          <div className="btn-row">
            <SubmitButton variant="primary" pendingText={t("apply.pending")}>
              {t("apply.submit")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
