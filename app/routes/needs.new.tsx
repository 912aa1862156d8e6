import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedForm } from "~/components/needs/need-form";
import { Card, PageHead } from "~/components/ui/misc";
import { UnverifiedCard } from "~/components/ui/unverified-card";
import { requireRole, requireVerified } from "~/modules/auth/session.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { defaultNdaText } from "~/modules/needs/nda.server";
import { createNeed } from "~/modules/needs/needs.server";
import { NeedSchema } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { keepFormWhenDbDown, newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { listCalls } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "needs:meta.new");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "hospital");
    // An unverified hospital gets an explanation (403), not the form.
    if (user.org.status !== "verified") return data({ verified: false as const, calls: [], submissionId: null }, { status: 403 });
    const calls = await listCalls(await getDb(), { openOnly: true });
    return { verified: true as const, calls: calls.map((c) => ({ id: c.id, name: c.name, name_en: c.name_en })), submissionId: newSubmissionId() };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: NeedSchema });
  // Database down: the form comes back with every value and a message (503), not the error page.
  return keepFormWhenDbDown(
    (formErrors) => submission.reply({ formErrors }),
    async () => {
      const user = await withDb(() => requireVerified(request, "hospital"));
      const publish = formData.get("intent") !== "draft";
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const lng = await getLocale(request);
      return withDb(async () => {
        const r = await createNeed(await getDb(), { userId: user.id, orgId: user.org.id }, submission.value, {
          publish,
          defaultNda: defaultNdaText(lng),
          submissionId: readSubmissionId(formData),
        });
        if (!r.ok) return data(submission.reply({ fieldErrors: { [r.field]: [r.message] } }), { status: 400 });
        return redirectWithToast(`/needs/${r.id}`, { key: publish ? "needs:toast.created" : "needs:toast.draftSaved", kind: "success" });
      });
    },
  );
}

export default function NewNeed() {
  const loaderData = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("needs");
  if (!loaderData.verified) {
    return (
      <>
        <PageHead title={t("list.new")} />
        <UnverifiedCard title={t("unverified.title")} body={t("unverified.body")} linkTo="/settings" linkLabel={t("unverified.settings")} />
      </>
    );
  }
  return (
    <>
      <PageHead title={t("list.new")} description={t("form.summaryHint")} />
      <Card>
        <NeedForm
          mode="new"
          submissionId={loaderData.submissionId}
          lastResult={lastResult}
          calls={loaderData.calls}
          cancelTo="/needs"
          defaultValue={{
            title: "",
            summary: "",
            details: "",
            clinicalAreas: [],
            techFields: [],
            collaborationTypes: [],
            certifications: [],
            growthStages: [],
            trlMin: "",
            trlMax: "",
            budgetMinKrw: "",
            budgetMaxKrw: "",
            durationMonths: "",
            deadline: "",
            programCallId: "",
            adoptionPayer: "",
            adoptionRoute: "",
            adoptionReimbursement: "",
            ndaText: t("nda.default"),
          }}
        />
      </Card>
    </>
  );
}
