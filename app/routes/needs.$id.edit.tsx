import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedStatusBadge } from "~/components/needs/need-bits";
import { NeedForm } from "~/components/needs/need-form";
import { ConfirmedIntentButtons } from "~/components/ui/intent-buttons";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole, requireVerified } from "~/modules/auth/session.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { defaultNdaText } from "~/modules/needs/nda.server";
import { changeNeedStatus, updateNeed } from "~/modules/needs/needs.server";
import { isUuid, NeedSchema, needStatusIntents, type NeedStatusIntent } from "~/modules/needs/schemas";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { statusChangeReply } from "~/utils/status-change.server";
import { redirectWithToast } from "~/utils/toast.server";
import { getCall, getNeedForEdit, listCalls } from "../../db/queries/needs";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "needs:meta.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "hospital");
    if (!isUuid(params.id)) notFound();
    const db = await getDb();
    // Another organisation's need does not exist for this user.
    const need = await getNeedForEdit(db, params.id, user.org.id);
    if (!need) notFound();
    const calls = await listCalls(db, { openOnly: true });
    const callOptions = calls.map((c) => ({ id: c.id, name: c.name, name_en: c.name_en }));
    // Keep the need's current call selectable even when it has closed since.
    if (need.program_call_id && !callOptions.some((c) => c.id === need.program_call_id)) {
      const cur = await getCall(db, need.program_call_id);
      if (cur) callOptions.push({ id: cur.id, name: cur.name, name_en: cur.name_en });
    }
    return { need, calls: callOptions, verified: user.org.status === "verified" };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, "hospital"));
  if (!isUuid(params.id)) notFound();
  const needId = params.id;
  const actor = { userId: user.id, orgId: user.org.id };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const lng = await getLocale(request);
  return withDb(async () => {
    const db = await getDb();
    if (needStatusIntents.includes(intent as NeedStatusIntent)) {
      return statusChangeReply(await changeNeedStatus(db, actor, needId, intent as NeedStatusIntent), `/needs/${needId}/edit`, "needs", String(intent));
    }
    // Ownership first: another organisation's id answers 404 even with a bad body.
    const own = await getNeedForEdit(db, needId, user.org.id);
    if (!own) notFound();
    const submission = parseWithZod(formData, { schema: NeedSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const r = await updateNeed(db, actor, needId, submission.value, { defaultNda: defaultNdaText(lng) });
    if (!r) notFound();
    if (!r.ok) return data(submission.reply({ fieldErrors: { [r.field]: [r.message] } }), { status: 400 });
    return redirectWithToast(`/needs/${needId}`, { key: "needs:toast.updated", kind: "success" });
  });
}

const AVAILABLE: Record<string, NeedStatusIntent[]> = { draft: ["publish"], open: ["close", "match"], closed: ["reopen", "match"], matched: [] };

export default function EditNeed() {
  const { need, calls, verified } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("needs");
  return (
    <>
      <PageHead
        title={t("meta.edit")}
        description={need.title}
        actions={
          <Link className="btn" to={`/needs/${need.id}`}>
            {t("manage.view")}
          </Link>
        }
      />
      {!verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      <div className="stack">
        <Card aria-labelledby="manage-title">
          <h2 id="manage-title">{t("manage.title")}</h2>
          <p>
            <NeedStatusBadge status={need.status} /> · {t("manage.ndaVersion", { version: need.nda_version })}
          </p>
          <ConfirmedIntentButtons
            intents={AVAILABLE[need.status]}
            label={(intent) => t(`manage.${intent}`)}
            confirmText={(intent) => t(`manage.confirm.${intent}`)}
            primary={(intent) => intent === "publish" || intent === "reopen"}
          />
        </Card>
        <Card>
          <NeedForm
            mode="edit"
            lastResult={lastResult}
            calls={calls}
            cancelTo={`/needs/${need.id}`}
            defaultValue={{
              title: need.title,
              summary: need.summary,
              details: need.details,
              clinicalAreas: need.terms.clinical_area ?? [],
              techFields: need.terms.tech_field ?? [],
              collaborationTypes: need.terms.collaboration_type ?? [],
              certifications: need.terms.certification ?? [],
              growthStages: need.terms.growth_stage ?? [],
              trlMin: need.trl_min != null ? String(need.trl_min) : "",
              trlMax: need.trl_max != null ? String(need.trl_max) : "",
              budgetMinKrw: need.budget_min_krw != null ? String(need.budget_min_krw) : "",
              budgetMaxKrw: need.budget_max_krw != null ? String(need.budget_max_krw) : "",
              durationMonths: need.duration_months != null ? String(need.duration_months) : "",
              deadline: need.deadline ?? "",
              programCallId: need.program_call_id ?? "",
              adoptionPayer: need.adoption_payer,
              adoptionRoute: need.adoption_route,
              adoptionReimbursement: need.adoption_reimbursement,
              ndaText: need.nda_text,
            }}
          />
        </Card>
      </div>
    </>
  );
}
