import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextField } from "~/components/ui/field";
import { checkLogin } from "~/modules/auth/accounts.server";
import { LoginSchema } from "~/modules/auth/schemas";
import { getUserId, safeRedirect, startSession } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { hitIpLimit } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await withDb(() => getUserId(request))) throw redirect("/dashboard");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  if (ip && hitIpLimit(ip)) {
    return data(submission.reply({ formErrors: ["auth:errors.tooManyIp"], hideFields: ["password"] }), { status: 429 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await withDb(async () => checkLogin(await getDb(), { email, password, ip }));
  if (!result.ok) {
    const key = result.reason === "throttled" ? "auth:errors.throttled" : "auth:errors.invalidCredentials";
    return data(submission.reply({ formErrors: [key], hideFields: ["password"] }), { status: result.reason === "throttled" ? 429 : 400 });
  }
  const cookie = await startSession(result.userId);
  throw redirect(safeRedirect(redirectTo, "/dashboard"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errText = useErrorText();
  const [params] = useSearchParams();
  const [form, fields] = useZodForm(LoginSchema, lastResult);
  // After a failed attempt the password box starts empty again (the e-mail stays).
  useEffect(() => {
    if (!lastResult) return;
    const input = document.getElementById(fields.password.id);
    if (input instanceof HTMLInputElement) input.value = "";
  }, [lastResult, fields.password.id]);
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.lead")}</p>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField label={t("fields.email")} {...conformField(fields.email)} type="email" autoComplete="email" required errors={errText(fields.email.errors)} />
          <TextField
            label={t("fields.password")}
            {...conformField(fields.password)}
            type="password"
            autoComplete="current-password"
            required
            errors={errText(fields.password.errors)}
          />
          <div className="btn-row">
            <SubmitButton variant="primary" pendingText={t("login.pending")}>
              {t("login.submit")}
            </SubmitButton>
            <Link to="/forgot-password">{t("login.forgot")}</Link>
          </div>
        </Form>
        <p className="muted" style={{ marginTop: 16 }}>
          {t("login.noAccount")} <Link to="/signup">{t("login.signupLink")}</Link>
        </p>
      </div>
    </div>
  );
}
