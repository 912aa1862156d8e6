import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PitchForm } from "~/components/pitches/pitch-form";
import { PitchStatusActions } from "~/components/pitches/pitch-status-actions";
import { Card, Notice, PageHead } from "~/components/ui/misc";
import { requireRole } from "~/modules/auth/session.server";
import { readPitchForm } from "~/modules/pitches/forms.server";
import { changePitchStatus, getPitchForEdit, updatePitch } from "~/modules/pitches/pitches.server";
import { isUuid, PitchSchema, pitchStatusIntents, type PitchStatusIntent } from "~/modules/pitches/schemas";
import { discardFiles } from "~/modules/uploads/uploads.server";
import { getDb } from "~/utils/db.server";
import { notFound, withDb } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "pitches:edit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireRole(request, "company");
    if (!isUuid(params.id)) notFound();
    // Another organisation's pitch does not exist for this user.
    const pitch = await getPitchForEdit(await getDb(), params.id, user.org.id);
    if (!pitch) notFound();
    return {
      pitch: {
        id: pitch.id,
        status: pitch.status,
        title: pitch.title,
        deckFilename: pitch.deck_filename,
        values: {
          title: pitch.title,
          oneLiner: pitch.one_liner,
          problem: pitch.problem,
          solution: pitch.solution,
          market: pitch.market,
          traction: pitch.traction,
          team: pitch.team,
          askKrw: pitch.ask_krw != null ? String(pitch.ask_krw) : "",
          round: pitch.round ?? "",
          techFields: pitch.terms.tech_field ?? [],
          clinicalAreas: pitch.terms.clinical_area ?? [],
          trl: pitch.trl != null ? String(pitch.trl) : "",
        },
      },
      verified: user.org.status === "verified",
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await withDb(() => requireRole(request, "company"));
  if (!isUuid(params.id)) notFound();
  const pitchId = params.id;
  const actor = { userId: user.id, orgId: user.org.id, orgStatus: user.org.status };
  const { formData, deck, deckError } = await readPitchForm(request);
  const intent = formData.get("intent");
  return withDb(async () => {
    const db = await getDb();
    if (pitchStatusIntents.includes(intent as PitchStatusIntent)) {
      if (deck) await discardFiles([deck]);
      const r = await changePitchStatus(db, actor, pitchId, intent as PitchStatusIntent);
      if (r === null) notFound();
      if (r === "unverified") return redirectWithToast(`/pitches/${pitchId}`, { key: "pitches:validation.unverified", kind: "error" });
      if (r === "bad") return redirectWithToast(`/pitches/${pitchId}`, { key: "pitches:toast.badTransition", kind: "error" });
      return redirectWithToast(`/pitches/${pitchId}`, { key: `pitches:toast.${intent}`, kind: "success" });
    }
    // Ownership first: another organisation's id answers 404 even with a bad body.
    const own = await getPitchForEdit(db, pitchId, user.org.id);
    if (!own) {
      if (deck) await discardFiles([deck]);
      notFound();
    }
    const submission = parseWithZod(formData, { schema: PitchSchema });
    if (submission.status !== "success" || deckError) {
      if (deck) await discardFiles([deck]);
      return data(submission.reply(deckError ? { fieldErrors: { deck: [deckError] } } : undefined), { status: 400 });
    }
    const r = await updatePitch(db, actor, pitchId, submission.value, deck);
    if (!r) notFound();
    if (!r.ok) return data(submission.reply({ formErrors: [r.message] }), { status: 400 });
    return redirectWithToast(`/pitches/${pitchId}`, { key: "pitches:toast.updated", kind: "success" });
  });
}

export default function EditPitch() {
  const { pitch, verified } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("pitches");
  return (
    <>
      <PageHead
        title={t("edit.title")}
        description={pitch.title}
        actions={
          <Link className="btn" to={`/pitches/${pitch.id}`}>
            {t("edit.view")}
          </Link>
        }
      />
      {!verified ? <Notice tone="warn">{t("unverified.body")}</Notice> : null}
      <div className="stack">
        <Card aria-labelledby="manage-title">
          <h2 id="manage-title">{t("manage.title")}</h2>
          <PitchStatusActions id={pitch.id} status={pitch.status} />
        </Card>
        <Card>
          <PitchForm mode="edit" lastResult={lastResult} cancelTo={`/pitches/${pitch.id}`} currentDeck={pitch.deckFilename} canPublish={verified} defaultValue={pitch.values} />
        </Card>
      </div>
    </>
  );
}
