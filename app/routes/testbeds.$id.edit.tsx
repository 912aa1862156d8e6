import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferStatusBadge } from "~/components/testbeds/bits";
import { OfferForm } from "~/components/testbeds/offer-form";
import { ConfirmedIntentButtons } from "~/components/ui/intent-buttons";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole, requireVerified } from "~/modules/auth/session.server";
import { isUuid } from "~/modules/needs/schemas";
import { OfferSchema, offerStatusIntents, type OfferStatusIntent } from "~/modules/testbeds/schemas";
import { changeOfferStatus, getOffer, updateOffer } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { statusChangeReply } from "~/utils/status-change.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "testbeds:detail.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "hospital");
    if (!isUuid(params.id)) notFound();
    const offer = await getOffer(await getDb(), params.id);
    // Another organisation's offer does not exist for this user.
    if (!offer || offer.org_id !== user.org.id) notFound();
    const { org_id: _o, org_status: _s, hidden_at, ...rest } = offer;
    return { offer: { ...rest, hidden: hidden_at !== null }, verified: user.org.status === "verified" };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, "hospital"));
  if (!isUuid(params.id)) notFound();
  const offerId = params.id;
  const actor = { userId: user.id, orgId: user.org.id };
  const formData = await request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  return withDb(async () => {
    const db = await getDb();
    // Ownership first: another organisation's id answers 404 even with a bad body.
    const own = await getOffer(db, offerId);
    if (!own || own.org_id !== user.org.id) notFound();
    if (offerStatusIntents.includes(intent as OfferStatusIntent)) {
      return statusChangeReply(await changeOfferStatus(db, actor, offerId, intent as OfferStatusIntent), `/testbeds/${offerId}/edit`, "testbeds", String(intent));
    }
    const submission = parseWithZod(formData, { schema: OfferSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!(await updateOffer(db, actor, offerId, submission.value))) notFound();
    return redirectWithToast(`/testbeds/${offerId}`, { key: "testbeds:toast.updated", kind: "success" });
  });
}

const AVAILABLE: Record<string, OfferStatusIntent[]> = { draft: ["publish"], open: ["close"], closed: ["reopen"] };

export default function EditOffer() {
  const { offer, verified } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("testbeds");
  return (
    <>
      <PageHead
        title={t("detail.edit")}
        description={offer.title}
        actions={
          <Link className="btn" to={`/testbeds/${offer.id}`}>
            {t("manage.view")}
          </Link>
        }
      />
      {!verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      {offer.hidden ? <Notice tone="warn">{t("detail.hiddenNote")}</Notice> : null}
      <div className="stack">
        <Card aria-labelledby="manage-title">
          <h2 id="manage-title">{t("manage.title")}</h2>
          <p>
            <OfferStatusBadge status={offer.status} />
          </p>
          <ConfirmedIntentButtons
            intents={(AVAILABLE[offer.status] ?? [])}
            label={(intent) => t(`manage.${intent}`)}
            confirmText={(intent) => t(`manage.confirm.${intent}`)}
            primary={(intent) => intent !== "close"}
          />
        </Card>
        <Card>
          <OfferForm
            mode="edit"
            lastResult={lastResult}
            cancelTo={`/testbeds/${offer.id}`}
            defaultValue={{
              title: offer.title,
              department: offer.department,
              description: offer.description,
              equipment: offer.equipment,
              capacity: offer.capacity != null ? String(offer.capacity) : "",
              periodStart: offer.period_start ?? "",
              periodEnd: offer.period_end ?? "",
              irbStatus: offer.irb_status,
              costSupport: offer.cost_support,
              clinicalAreas: offer.terms.clinical_area ?? [],
              techFields: offer.terms.tech_field ?? [],
              growthStages: offer.terms.growth_stage ?? [],
            }}
          />
        </Card>
      </div>
    </>
  );
}
