import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/misc";
import { findInvitation, signupWithInvite, signupWithNewOrg } from "~/modules/auth/accounts.server";
import { institutionTypes, SignupSchema, signupKinds } from "~/modules/auth/schemas";
import { getUserId, startSession } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { hitIpLimit } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    if (await getUserId(request)) throw redirect("/dashboard");
    const token = new URL(request.url).searchParams.get("invite");
    if (!token) return { invite: null };
    const inv = token.length >= 20 && token.length <= 200 ? await findInvitation(await getDb(), token) : undefined;
    const valid = Boolean(inv && !inv.accepted_at && new Date(inv.expires_at) > new Date());
    return { invite: { token, valid, email: valid ? inv!.email : null, orgName: valid ? inv!.org_name : null } };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignupSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  if (ip && hitIpLimit(ip)) return data(submission.reply({ formErrors: ["auth:errors.tooManyIp"], hideFields: ["password"] }), { status: 429 });
  const v = submission.value;
  const result = await withDb(async () => {
    const db = await getDb();
    return v.mode === "invite" ? signupWithInvite(db, v, ip) : signupWithNewOrg(db, v, ip);
  });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["password"] }), { status: 400 });
  }
  const cookie = await startSession(result.userId);
  return redirectWithToast("/dashboard", { key: "auth:signup.welcome", kind: "success" }, { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const { invite } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errText = useErrorText();
  const [form, fields] = useZodForm(SignupSchema, lastResult);
  // Conform's field map is a union over both modes; read fields by name.
  const f = fields as unknown as Record<string, { id: string; name: string; initialValue?: unknown; errors?: string[] }>;
  const initialKind = typeof f.orgKind?.initialValue === "string" ? f.orgKind.initialValue : "hospital";
  const [kind, setKind] = useState(initialKind);
  const mode = invite?.valid ? "invite" : "new-org";

  return (
    <div className="auth-page">
      <div className="card auth-card auth-card-wide">
        <h1>{t("signup.title")}</h1>
        <p className="muted">{mode === "invite" ? t("signup.inviteLead", { org: invite?.orgName }) : t("signup.lead")}</p>
        {invite && !invite.valid ? <Notice tone="warn">{t("signup.inviteInvalid")}</Notice> : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <input type="hidden" name="mode" value={mode} />
          {mode === "invite" ? <input type="hidden" name="invite" value={invite?.token ?? ""} /> : null}
          <FormError>{errText(f.invite?.errors)?.join(" ")}</FormError>

          <h2 className="form-section">{t("signup.personSection")}</h2>
          <TextField label={t("fields.name")} {...conformField(f.name)} autoComplete="name" required errors={errText(f.name.errors)} />
          <TextField
            label={t("fields.email")}
            {...conformField(f.email)}
            type="email"
            autoComplete="email"
            required
            readOnly={mode === "invite"}
            defaultValue={mode === "invite" ? (invite?.email ?? "") : conformField(f.email).defaultValue}
            errors={errText(f.email.errors)}
          />
          <TextField
            label={t("fields.password")}
            {...conformField(f.password)}
            type="password"
            autoComplete="new-password"
            required
            hint={t("signup.passwordHint")}
            errors={errText(f.password.errors)}
          />

          {mode === "new-org" ? (
            <>
              <h2 className="form-section">{t("signup.orgSection")}</h2>
              <fieldset className="field" aria-describedby={f.orgKind?.errors?.length ? `${f.orgKind.id}-error` : undefined}>
                <legend>{t("fields.orgKind")}</legend>
                <div className="choices">
                  {signupKinds.map((k) => (
                    <label key={k} className="choice">
                      <input type="radio" name="orgKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                      {t(`signup.kinds.${k}`)}
                    </label>
                  ))}
                </div>
                {f.orgKind?.errors?.length ? (
                  <p className="field-error" id={`${f.orgKind.id}-error`} role="alert">
                    {errText(f.orgKind.errors)?.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <TextField label={t("fields.orgName")} {...conformField(f.orgName)} required errors={errText(f.orgName?.errors)} />
              <TextField
                label={t("fields.businessNo")}
                {...conformField(f.businessNo)}
                inputMode="numeric"
                placeholder="123-45-67890"
                required
                hint={t("signup.businessNoHint")}
                errors={errText(f.businessNo?.errors)}
              />
              {kind === "hospital" ? (
                <SelectField
                  label={t("fields.institutionType")}
                  {...conformField(f.institutionType)}
                  placeholder={t("signup.choose")}
                  options={institutionTypes.map((v) => ({ value: v, label: t(`institutionTypes.${v}`) }))}
                  errors={errText(f.institutionType?.errors)}
                />
              ) : null}
              <TextField label={t("fields.website")} {...conformField(f.website)} type="url" placeholder="https://" errors={errText(f.website?.errors)} />
              <Notice tone="info">{t("signup.verificationNote")}</Notice>
            </>
          ) : null}

          <div className="btn-row">
            <SubmitButton variant="primary" pendingText={t("signup.pending")}>
              {t("signup.submit")}
            </SubmitButton>
          </div>
        </Form>
        <p className="muted" style={{ marginTop: 16 }}>
          {t("signup.haveAccount")} <Link to="/login">{t("signup.loginLink")}</Link>
        </p>
      </div>
    </div>
  );
}

