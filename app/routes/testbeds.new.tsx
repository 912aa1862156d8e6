import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { emptyOffer, OfferForm } from "~/components/testbeds/offer-form";
import { Card, PageHead } from "~/components/ui/misc";
import { UnverifiedCard } from "~/components/ui/unverified-card";
import { requireRole, requireVerified } from "~/modules/auth/session.server";
import { OfferSchema } from "~/modules/testbeds/schemas";
import { createOffer } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:list.new");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "hospital");
    // An unverified hospital gets an explanation (403), not the form.
    if (user.org.status !== "verified") return data({ verified: false as const, submissionId: null }, { status: 403 });
    return { verified: true as const, submissionId: newSubmissionId() };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, "hospital"));
  const formData = await request.formData().catch(() => new FormData());
  const publish = formData.get("intent") !== "draft";
  const submission = parseWithZod(formData, { schema: OfferSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withDb(async () => {
    const id = await createOffer(await getDb(), { userId: user.id, orgId: user.org.id }, submission.value, { publish, submissionId: readSubmissionId(formData) });
    return redirectWithToast(`/testbeds/${id}`, { key: publish ? "testbeds:toast.published" : "testbeds:toast.draftSaved", kind: "success" });
  });
}

export default function NewOffer() {
  const loaderData = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("testbeds");
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
      <PageHead title={t("list.new")} description={t("form.lead")} />
      <Card>
        <OfferForm mode="new" submissionId={loaderData.submissionId} lastResult={lastResult} cancelTo="/testbeds" defaultValue={emptyOffer} />
      </Card>
    </>
  );
}
