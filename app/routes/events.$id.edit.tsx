import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eventName } from "~/components/events/event-bits";
import { EventForm } from "~/components/events/event-form";
import { Card, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { toSeoulLocal } from "~/modules/events/dates";
import { getEvent, updateEvent } from "~/modules/events/events.server";
import { EventSchema } from "~/modules/events/schemas";
import { isUuid } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "events:form.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await withDb(() => requireRole(request, "operator"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  return withDb(async () => {
    const event = await getEvent(await getDb(), id);
    if (!event) notFound();
    return {
      event: { id: event.id, name: event.name, name_en: event.name_en },
      defaultValue: {
        name: event.name,
        nameEn: event.name_en ?? "",
        description: event.description,
        startsAt: toSeoulLocal(event.starts_at),
        online: event.online,
        place: event.place,
        stageFocus: event.stage_focus,
        applyOpensOn: event.apply_opens_on,
        applyClosesOn: event.apply_closes_on,
        cohortSize: event.cohort_size != null ? String(event.cohort_size) : "",
      },
    };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "operator"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const submission = parseWithZod(await request.formData(), { schema: EventSchema });
  return withDb(async () => {
    const db = await getDb();
    if (!(await getEvent(db, id))) notFound();
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    await updateEvent(db, { userId: user.id, orgId: user.org.id, orgName: user.org.name, ip: clientIp(context) }, id, submission.value);
    return redirectWithToast(`/events/${id}`, { key: "events:toast.updated", kind: "success" });
  });
}

export default function EditEvent() {
  const { event, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation("events");
  return (
    <>
      <PageHead title={t("form.editTitle")} description={eventName(event, i18n.language)} />
      <Card>
        <EventForm lastResult={lastResult} submitLabel={t("form.save")} cancelTo={`/events/${event.id}`} defaultValue={defaultValue} />
      </Card>
    </>
  );
}
