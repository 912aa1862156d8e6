import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TermBadges } from "~/components/terms";
import { IrbBadge, OfferStatusBadge, PeriodText, RequestStatusBadge } from "~/components/testbeds/bits";
import { SubmitButton } from "~/components/ui/button";
import { conformField, FormError, TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card, Notice, PageHead } from "~/components/ui/misc";
import { getCurrentUser, requireVerified } from "~/modules/auth/session.server";
import { viewerOf } from "~/modules/auth/viewer";
import { isUuid } from "~/modules/needs/schemas";
import { RequestSchema } from "~/modules/testbeds/schemas";
import { canSeeOffer, createRequest, getOffer, liveRequestOf, type Viewer } from "~/modules/testbeds/testbeds.server";
import { getDb } from "~/utils/db.server";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { localName } from "~/utils/format";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, () => args.data?.offer.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  return withDb(async () => {
    const current = await getCurrentUser(request);
    const u = current?.user;
    const viewer: Viewer = u ? viewerOf(u) : null;
    const db = await getDb();
    const offer = await getOffer(db, id);
    if (!offer || !canSeeOffer(offer, viewer)) notFound();
    const own = viewer?.orgId === offer.org_id;
    const isCompany = viewer?.orgKind === "company";
    const live = isCompany && viewer ? await liveRequestOf(db, offer.id, viewer.orgId) : null;
    const { org_id: _orgId, hidden_at, org_status: _orgStatus, ...pub } = offer;
    return {
      offer: { ...pub, hidden: hidden_at !== null },
      own,
      live,
      // Who may ask for a slot now: a verified company, on an open, visible offer, without a live request.
      canRequest: isCompany && viewer?.orgStatus === "verified" && offer.status === "open" && !hidden_at && !live,
      unverifiedCompany: isCompany && viewer?.orgStatus !== "verified",
      signedIn: Boolean(viewer),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireVerified(request, "company"));
  if (!isUuid(params.id)) notFound();
  const id = params.id;
  const formData = await request.formData().catch(() => new FormData());
  return withDb(async () => {
    const db = await getDb();
    const offer = await getOffer(db, id);
    const viewer: Viewer = viewerOf(user);
    if (!offer || !canSeeOffer(offer, viewer)) notFound();
    if (formData.get("intent") !== "request") return data({ ok: false }, { status: 400 });
    const submission = parseWithZod(formData, { schema: RequestSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (offer.status !== "open" || offer.hidden_at) return data(submission.reply({ formErrors: ["testbeds:request.notOpen"] }), { status: 400 });
    const r = await createRequest(db, { userId: user.id, orgId: user.org.id }, id, submission.value);
    if (r.ok) return redirectWithToast(`/testbeds/requests/${r.id}`, { key: "testbeds:toast.requested", kind: "success" });
    if (r.problem === "duplicate" && r.id) return redirectWithToast(`/testbeds/requests/${r.id}`, { key: "testbeds:toast.alreadyRequested", kind: "info" });
    return data(submission.reply({ formErrors: ["testbeds:request.notOpen"] }), { status: 400 });
  });
}

function RequestForm() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("testbeds");
  const errText = useErrorText();
  const reply = lastResult && "status" in lastResult ? lastResult : undefined;
  const [form, fields] = useZodForm(RequestSchema, reply as never, { id: "testbed-request" });
  return (
    <Card aria-labelledby="request-title" id="request">
      <h2 id="request-title">{t("request.title")}</h2>
      <p className="muted">{t("request.lead")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormError>{errText(form.errors)?.join(" ")}</FormError>
        <TextAreaField label={t("request.plan")} {...conformField(fields.plan)} required rows={6} maxLength={4000} hint={t("request.planHint")} errors={errText(fields.plan.errors)} />
        <TextField label={t("request.preferredStart")} {...conformField(fields.preferredStart)} type="date" errors={errText(fields.preferredStart.errors)} />
        <SubmitButton variant="primary" name="intent" value="request" pendingText={t("request.sending")}>
          {t("request.submit")}
        </SubmitButton>
      </Form>
    </Card>
  );
}

export default function OfferDetail() {
  const { offer, own, live, canRequest, unverifiedCompany, signedIn } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("testbeds");
  const en = i18n.language === "en";
  const dash = t("offer.none");
  const hospital = localName(en, offer.org_name, offer.org_name_en);
  return (
    <>
      <PageHead
        title={offer.title}
        description={
          <span className="tags">
            <OfferStatusBadge status={offer.status} />
            {offer.hidden ? <Badge tone="danger">{t("offerStatus.hidden")}</Badge> : null}
            <Link to={`/orgs/${offer.org_slug}`}>{hospital}</Link>
            {offer.department ? <span>{offer.department}</span> : null}
          </span>
        }
        actions={
          own ? (
            <Link className="btn" to={`/testbeds/${offer.id}/edit`}>
              {t("detail.edit")}
            </Link>
          ) : null
        }
      />
      {own && offer.status === "draft" ? <Notice tone="warn">{t("detail.draftNote")}</Notice> : null}
      {offer.hidden ? <Notice tone="warn">{t("detail.hiddenNote")}</Notice> : null}
      {!own && offer.status === "closed" ? <Notice>{t("detail.closedNote")}</Notice> : null}
      <div className="grid-2">
        <Card aria-labelledby="what-title">
          <h2 id="what-title">{t("detail.what")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{offer.description}</p>
          <h3>{t("detail.equipment")}</h3>
          <p style={{ whiteSpace: "pre-line" }}>{offer.equipment || dash}</p>
        </Card>
        <Card aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t("detail.conditions")}</h2>
          <dl className="kv">
            <dt>{t("detail.hospital")}</dt>
            <dd>
              <Link to={`/orgs/${offer.org_slug}`}>{hospital}</Link>
            </dd>
            <dt>{t("form.department")}</dt>
            <dd>{offer.department || dash}</dd>
            <dt>{t("offer.period")}</dt>
            <dd>
              <PeriodText start={offer.period_start} end={offer.period_end} />
            </dd>
            <dt>{t("offer.capacity")}</dt>
            <dd>{offer.capacity ? t("offer.capacityValue", { count: offer.capacity }) : dash}</dd>
            <dt>{t("form.irbStatus")}</dt>
            <dd>
              <IrbBadge status={offer.irb_status} />
            </dd>
            <dt>{t("form.costSupport")}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{offer.cost_support || dash}</dd>
            <dt>{t("form.clinicalAreas")}</dt>
            <dd>{offer.terms.clinical_area?.length ? <TermBadges kind="clinical_area" codes={offer.terms.clinical_area} /> : dash}</dd>
            <dt>{t("form.techFields")}</dt>
            <dd>{offer.terms.tech_field?.length ? <TermBadges kind="tech_field" codes={offer.terms.tech_field} tone="default" /> : dash}</dd>
            <dt>{t("form.growthStages")}</dt>
            <dd>{offer.terms.growth_stage?.length ? <TermBadges kind="growth_stage" codes={offer.terms.growth_stage} tone="success" /> : t("detail.allStages")}</dd>
            <dt>{t("detail.completed")}</dt>
            <dd>{t("offer.completedCount", { count: offer.completed })}</dd>
          </dl>
        </Card>
      </div>
      <div style={{ marginTop: 20 }}>
        {live ? (
          <Notice>
            {t("detail.liveRequest")} <RequestStatusBadge status={live.status} /> <Link to={`/testbeds/requests/${live.id}`}>{t("detail.openRequest")}</Link>
          </Notice>
        ) : null}
        {canRequest ? <RequestForm /> : null}
        {unverifiedCompany ? <Notice tone="warn">{t("detail.unverified")}</Notice> : null}
        {!signedIn && offer.status === "open" ? (
          <p>
            {t("detail.login")} <Link to={`/login?redirectTo=${encodeURIComponent(`/testbeds/${offer.id}`)}`}>{t("detail.loginLink")}</Link>
          </p>
        ) : null}
        {own ? (
          <p>
            <Link to="/testbeds/requests">{t("detail.manageRequests")}</Link>
          </p>
        ) : null}
      </div>
    </>
  );
}
