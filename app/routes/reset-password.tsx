import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextField } from "~/components/ui/field";
import { resetPassword } from "~/modules/auth/accounts.server";
import { ResetSchema } from "~/modules/auth/schemas";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:fields.newPassword");

export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const result = await withDb(async () => resetPassword(await getDb(), submission.value.token, submission.value.password, clientIp(context)));
  if (!result.ok) return data(submission.reply({ formErrors: ["auth:errors.resetInvalid"], hideFields: ["password", "confirm"] }), { status: 400 });
  return redirectWithToast("/login", { key: "auth:reset.done", kind: "success" });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errText = useErrorText();
  const [form, fields] = useZodForm(ResetSchema, lastResult);
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t("reset.title")}</h1>
        <p className="muted">{t("reset.lead")}</p>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>
            {errText(form.errors)?.join(" ")} {form.errors?.length ? <Link to="/forgot-password">{t("reset.again")}</Link> : null}
          </FormError>
          <input type="hidden" name="token" value={token} />
          <TextField label={t("fields.newPassword")} {...conformField(fields.password)} type="password" autoComplete="new-password" required hint={t("signup.passwordHint")} errors={errText(fields.password.errors)} />
          <TextField label={t("fields.confirmPassword")} {...conformField(fields.confirm)} type="password" autoComplete="new-password" required errors={errText(fields.confirm.errors)} />
          <SubmitButton variant="primary" pendingText={t("reset.pending")}>
            {t("reset.submit")}
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}
