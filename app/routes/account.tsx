import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextField } from "~/components/ui/field";
import { PageHead } from "~/components/ui/misc";
import { changePassword } from "~/modules/auth/accounts.server";
import { ChangePasswordSchema } from "~/modules/auth/schemas";
import { currentSessionId, requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await withDb(() => requireUser(request));
  return { name: user.name, email: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireUser(request));
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["current", "password", "confirm"] }), { status: 400 });
  const result = await withDb(async () =>
    changePassword(await getDb(), {
      userId: user.id,
      orgId: user.org.id,
      current: submission.value.current,
      password: submission.value.password,
      keepSessionId: await currentSessionId(request),
      ip: clientIp(context),
    }),
  );
  if (!result.ok) return data(submission.reply({ fieldErrors: { current: ["auth:errors.currentWrong"] }, hideFields: ["current", "password", "confirm"] }), { status: 400 });
  return redirectWithToast("/account", { key: "auth:account.changed", kind: "success" });
}

export default function Account() {
  const { name, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errText = useErrorText();
  const [form, fields] = useZodForm(ChangePasswordSchema, lastResult);
  return (
    <>
      <PageHead title={t("account.title")} description={`${name} · ${email}`} />
      <section className="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{t("account.passwordTitle")}</h2>
        <p className="muted">{t("account.passwordLead")}</p>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <TextField label={t("fields.currentPassword")} {...conformField(fields.current)} type="password" autoComplete="current-password" required errors={errText(fields.current.errors)} />
          <TextField label={t("fields.newPassword")} {...conformField(fields.password)} type="password" autoComplete="new-password" required hint={t("signup.passwordHint")} errors={errText(fields.password.errors)} />
          <TextField label={t("fields.confirmPassword")} {...conformField(fields.confirm)} type="password" autoComplete="new-password" required errors={errText(fields.confirm.errors)} />
          <SubmitButton variant="primary" pendingText={t("account.pending")}>
            {t("account.submit")}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
