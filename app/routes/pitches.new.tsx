import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PitchForm } from "~/components/pitches/pitch-form";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { readPitchForm } from "~/modules/pitches/forms.server";
import { createPitch } from "~/modules/pitches/pitches.server";
import { PitchSchema } from "~/modules/pitches/schemas";
import { discardFiles } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "pitches:meta.new");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "company");
    return { verified: user.org.status === "verified", submissionId: newSubmissionId() };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "company"));
  const { formData, deck, deckError } = await readPitchForm(request);
  const publish = formData.get("intent") === "publish";
  const submission = parseWithZod(formData, { schema: PitchSchema });
  if (submission.status !== "success" || deckError) {
    if (deck) await discardFiles([deck]);
    return data(submission.reply(deckError ? { fieldErrors: { deck: [deckError] } } : undefined), { status: 400 });
  }
  return withDb(async () => {
    const r = await createPitch(await getDb(), { userId: user.id, orgId: user.org.id, orgStatus: user.org.status }, submission.value, deck, { publish, submissionId: readSubmissionId(formData) });
    if (!r.ok) return data(submission.reply({ formErrors: [r.message] }), { status: 400 });
    return redirectWithToast(`/pitches/${r.id}`, { key: publish ? "pitches:toast.published" : "pitches:toast.draftSaved", kind: "success" });
  });
}

export default function NewPitch() {
  const { verified, submissionId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("pitches");
  return (
    <>
      <PageHead title={t("new.title")} description={t("new.lead")} actions={<Link to="/pitches">{t("new.back")}</Link>} />
      {!verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      <Card>
        <PitchForm
          mode="new"
          submissionId={submissionId}
          lastResult={lastResult}
          cancelTo="/pitches"
          canPublish={verified}
          defaultValue={{ title: "", oneLiner: "", problem: "", solution: "", market: "", traction: "", team: "", askKrw: "", round: "", techFields: [], clinicalAreas: [], trl: "" }}
        />
      </Card>
    </>
  );
}
