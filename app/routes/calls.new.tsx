import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallForm } from "~/components/needs/call-form";
import { Card, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { createCall } from "~/modules/needs/needs.server";
import { CallSchema } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "needs:meta.newCall");

export async function loader({ request }: LoaderFunctionArgs) {
  await withDb(() => requireRole(request, "operator"));
  return { submissionId: newSubmissionId() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CallSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await withDb(async () => createCall(await getDb(), { userId: user.id, orgId: user.org.id }, submission.value, readSubmissionId(formData)));
  return redirectWithToast(`/calls/${id}`, { key: "needs:toast.callCreated", kind: "success" });
}

export default function NewCall() {
  const { submissionId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("needs");
  return (
    <>
      <PageHead title={t("calls.new")} />
      <Card>
        <CallForm
          submissionId={submissionId}
          lastResult={lastResult}
          submitLabel={t("calls.create")}
          cancelTo="/calls"
          defaultValue={{ name: "", nameEn: "", description: "", eligibility: "", budgetKrw: "", startsOn: "", endsOn: "" }}
        />
      </Card>
    </>
  );
}
