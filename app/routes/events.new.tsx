import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/events/event-form";
import { Card, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { createEvent } from "~/modules/events/events.server";
import { EventSchema } from "~/modules/events/schemas";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { newSubmissionId, readSubmissionId } from "~/utils/submission.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "events:form.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await withDb(() => requireRole(request, "operator"));
  return { submissionId: newSubmissionId() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await withDb(async () => createEvent(await getDb(), { userId: user.id, orgId: user.org.id, orgName: user.org.name, ip: clientIp(context) }, submission.value, readSubmissionId(formData)));
  return redirectWithToast(`/events/${id}`, { key: "events:toast.created", kind: "success" });
}

export default function NewEvent() {
  const { submissionId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("events");
  return (
    <>
      <PageHead title={t("form.newTitle")} />
      <Card>
        <EventForm
          submissionId={submissionId}
          lastResult={lastResult}
          submitLabel={t("form.create")}
          cancelTo="/events"
          defaultValue={{ name: "", nameEn: "", description: "", startsAt: "", online: false, place: "", stageFocus: [], applyOpensOn: "", applyClosesOn: "", cohortSize: "" }}
        />
      </Card>
    </>
  );
}
