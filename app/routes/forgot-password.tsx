import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/misc";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { ForgotSchema } from "~/modules/auth/schemas";
import { absoluteUrl } from "~/modules/mail/mail.server";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { hitIpLimit } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context);
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  if (ip && hitIpLimit(ip)) return data({ result: submission.reply({ formErrors: ["auth:errors.tooManyIp"] }), sent: false }, { status: 429 });
  await withDb(async () =>
    requestPasswordReset(await getDb(), submission.value.email, (token) => absoluteUrl(request, `/reset-password?token=${encodeURIComponent(token)}`), ip),
  );
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errText = useErrorText();
  const [form, fields] = useZodForm(ForgotSchema, actionData?.result);
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t("forgot.title")}</h1>
        <p className="muted">{t("forgot.lead")}</p>
        {actionData?.sent ? <Notice tone="info">{t("forgot.sent")}</Notice> : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <TextField label={t("fields.email")} {...conformField(fields.email)} type="email" autoComplete="email" required errors={errText(fields.email.errors)} />
          <div className="btn-row">
            <SubmitButton variant="primary" pendingText={t("forgot.pending")}>
              {t("forgot.submit")}
            </SubmitButton>
            <Link to="/login">{t("forgot.back")}</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
