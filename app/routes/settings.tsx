import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/button";
import { ChoiceField, conformField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card, Notice, PageHead } from "~/components/ui/misc";
import { institutionTypes } from "~/modules/auth/schemas";
import { requireUser } from "~/modules/auth/session.server";
import { absoluteUrl } from "~/modules/mail/mail.server";
import {
  getOwnProfile,
  inviteMember,
  listMembers,
  listOpenInvitations,
  removeMember,
  revokeInvitation,
  transferOwnership,
  updateProfile,
} from "~/modules/orgs/orgs.server";
import { InviteSchema, investorTypes, MemberSchema, ProfileSchema, RevokeInviteSchema } from "~/modules/orgs/schemas";
import { rounds } from "~/modules/pitches/rounds";
import { certifications, clinicalAreas, collaborationTypes, growthStages, techFields, type Term } from "~/modules/taxonomy/vocabulary";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { useErrorText, useZodForm } from "~/utils/forms";
import { notFound, withDb } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/modules/i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "org:settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return withDb(async () => {
    const user = await requireUser(request);
    const db = await getDb();
    const [profile, members, invitations] = await Promise.all([
      getOwnProfile(db, user.org.id),
      listMembers(db, user.org.id),
      user.role === "owner" ? listOpenInvitations(db, user.org.id) : Promise.resolve([]),
    ]);
    return { profile, members, invitations, isOwner: user.role === "owner", meId: user.id };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await withDb(() => requireUser(request));
  if (user.role !== "owner") notFound();
  const ip = clientIp(context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const actor = { userId: user.id, orgId: user.org.id, orgKind: user.org.kind };
  return withDb(async () => {
    const db = await getDb();
    if (intent === "profile") {
      const submission = parseWithZod(formData, { schema: ProfileSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await updateProfile(db, actor, submission.value, ip);
      return redirectWithToast("/settings", { key: "org:toast.profileSaved", kind: "success" });
    }
    if (intent === "invite") {
      const submission = parseWithZod(formData, { schema: InviteSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const r = await inviteMember(
        db,
        { userId: user.id, orgId: user.org.id, orgName: user.org.name, inviterName: user.name },
        submission.value.email,
        (token) => absoluteUrl(request, `/signup?invite=${encodeURIComponent(token)}`),
        ip,
      );
      if (!r.ok) return data({ intent, result: submission.reply({ fieldErrors: { email: [r.message] } }) }, { status: 400 });
      return redirectWithToast("/settings", { key: "org:toast.invited", params: { email: submission.value.email }, kind: "success" });
    }
    if (intent === "remove" || intent === "transfer") {
      const submission = parseWithZod(formData, { schema: MemberSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const ok =
        intent === "remove" ? await removeMember(db, actor, submission.value.userId, ip) : await transferOwnership(db, actor, submission.value.userId, ip);
      if (!ok) notFound();
      return redirectWithToast("/settings", { key: intent === "remove" ? "org:toast.removed" : "org:toast.transferred", kind: "success" });
    }
    if (intent === "revoke-invite") {
      const submission = parseWithZod(formData, { schema: RevokeInviteSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await revokeInvitation(db, user.org.id, submission.value.inviteId);
      return redirectWithToast("/settings", { key: "org:toast.inviteRevoked", kind: "success" });
    }
    return data({ intent: "unknown", result: null }, { status: 400 });
  });
}

function useTermOptions() {
  const { i18n } = useTranslation();
  return (terms: Term[]) => terms.map((x) => ({ value: x.code, label: i18n.language === "en" ? x.label.en : x.label.ko }));
}

function ProfileForm() {
  const { profile, isOwner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("org");
  const errText = useErrorText();
  const opts = useTermOptions();
  const [form, fields] = useZodForm(ProfileSchema, actionData?.intent === "profile" ? actionData.result : undefined, {
    id: "profile",
    defaultValue: {
      name: profile.name,
      nameEn: profile.name_en ?? "",
      description: profile.description,
      descriptionEn: profile.description_en,
      website: profile.website ?? "",
      region: profile.region ?? "",
      institutionType: profile.institution_type ?? "",
      growthStage: profile.growth_stage ?? "",
      products: profile.products,
      trl: profile.trl ? String(profile.trl) : "",
      thesis: profile.thesis,
      investorType: profile.investor_type ?? "",
      ticketMinKrw: profile.ticket_min_krw != null ? String(profile.ticket_min_krw) : "",
      ticketMaxKrw: profile.ticket_max_krw != null ? String(profile.ticket_max_krw) : "",
      techFields: profile.terms.tech_field ?? [],
      clinicalAreas: profile.terms.clinical_area ?? [],
      collaborationTypes: profile.terms.collaboration_type ?? [],
      certifications: profile.terms.certification ?? [],
      stages: profile.terms.growth_stage ?? [],
      rounds: profile.terms.round ?? [],
    },
  });
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);
  const kind = profile.kind;
  return (
    <Card aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      {!isOwner ? <Notice>{t("settings.ownerOnly")}</Notice> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <fieldset disabled={!isOwner} style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: 16 }}>
          <input type="hidden" name="intent" value="profile" />
          <FormError>{errText(form.errors)?.join(" ")}</FormError>
          <TextField label={t("fields.name")} {...conformField(fields.name)} required errors={errText(fields.name.errors)} />
          <TextField label={t("fields.nameEn")} {...conformField(fields.nameEn)} lang="en" errors={errText(fields.nameEn.errors)} />
          <TextAreaField label={t("fields.description")} {...conformField(fields.description)} errors={errText(fields.description.errors)} />
          <TextAreaField label={t("fields.descriptionEn")} {...conformField(fields.descriptionEn)} lang="en" errors={errText(fields.descriptionEn.errors)} />
          <TextField label={t("fields.website")} {...conformField(fields.website)} type="url" placeholder="https://" errors={errText(fields.website.errors)} />
          <TextField label={t("fields.region")} {...conformField(fields.region)} errors={errText(fields.region.errors)} />
          {kind === "hospital" ? (
            <SelectField
              label={t("fields.institutionType")}
              {...conformField(fields.institutionType)}
              placeholder={t("auth:signup.choose")}
              options={institutionTypes.map((v) => ({ value: v, label: t(`auth:institutionTypes.${v}`) }))}
              errors={errText(fields.institutionType.errors)}
            />
          ) : null}
          {kind === "company" ? (
            <>
              <SelectField
                label={t("fields.growthStage")}
                {...conformField(fields.growthStage)}
                placeholder={t("auth:signup.choose")}
                options={opts(growthStages)}
                errors={errText(fields.growthStage.errors)}
              />
              <TextAreaField label={t("fields.products")} {...conformField(fields.products)} errors={errText(fields.products.errors)} />
              <TextField label={t("fields.trl")} {...conformField(fields.trl)} type="number" min={1} max={9} hint={t("settings.trlHint")} errors={errText(fields.trl.errors)} />
              <ChoiceField label={t("fields.collaborationTypes")} name="collaborationTypes" options={opts(collaborationTypes)} defaultValue={list(fields.collaborationTypes.initialValue)} errors={errText(fields.collaborationTypes.errors)} />
              <ChoiceField label={t("fields.certifications")} name="certifications" options={opts(certifications)} defaultValue={list(fields.certifications.initialValue)} errors={errText(fields.certifications.errors)} />
            </>
          ) : null}
          {kind === "investor" ? (
            <>
              <SelectField
                label={t("fields.investorType")}
                {...conformField(fields.investorType)}
                placeholder={t("auth:signup.choose")}
                options={investorTypes.map((v) => ({ value: v, label: t(`investorTypes.${v}`) }))}
                errors={errText(fields.investorType.errors)}
              />
              <TextAreaField label={t("fields.thesis")} {...conformField(fields.thesis)} errors={errText(fields.thesis.errors)} />
              <TextField label={t("fields.ticketMin")} {...conformField(fields.ticketMinKrw)} inputMode="numeric" hint={t("settings.krwHint")} errors={errText(fields.ticketMinKrw.errors)} />
              <TextField label={t("fields.ticketMax")} {...conformField(fields.ticketMaxKrw)} inputMode="numeric" errors={errText(fields.ticketMaxKrw.errors)} />
              <ChoiceField label={t("fields.rounds")} name="rounds" options={opts(rounds)} defaultValue={list(fields.rounds.initialValue)} errors={errText(fields.rounds.errors)} />
              <ChoiceField label={t("fields.stages")} name="stages" options={opts(growthStages)} defaultValue={list(fields.stages.initialValue)} errors={errText(fields.stages.errors)} />
            </>
          ) : null}
          {kind !== "operator" ? (
            <ChoiceField label={t("fields.techFields")} name="techFields" options={opts(techFields)} defaultValue={list(fields.techFields.initialValue)} errors={errText(fields.techFields.errors)} />
          ) : null}
          {kind === "hospital" || kind === "company" ? (
            <ChoiceField label={t("fields.clinicalAreas")} name="clinicalAreas" options={opts(clinicalAreas)} defaultValue={list(fields.clinicalAreas.initialValue)} errors={errText(fields.clinicalAreas.errors)} />
          ) : null}
          {isOwner ? (
            <div className="btn-row">
              <SubmitButton variant="primary" name="intent" value="profile" pendingText={t("common:actions.saving")}>
                {t("common:actions.save")}
              </SubmitButton>
              <Link to={`/orgs/${profile.slug}`}>{t("settings.viewPublic")}</Link>
            </div>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  );
}

function Members() {
  const { members, invitations, isOwner, meId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("org");
  const errText = useErrorText();
  const [form, fields] = useZodForm(InviteSchema, actionData?.intent === "invite" ? actionData.result : undefined, { id: "invite" });
  return (
    <Card aria-labelledby="members-title">
      <h2 id="members-title">{t("settings.membersTitle")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("fields.personName")}</th>
              <th scope="col">{t("fields.email")}</th>
              <th scope="col">{t("fields.role")}</th>
              {isOwner ? <th scope="col">{t("settings.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  <Badge tone={m.role === "owner" ? "info" : "default"}>{t(`roles.${m.role}`)}</Badge> {m.disabled_at ? <Badge tone="danger">{t("settings.disabled")}</Badge> : null}
                </td>
                {isOwner ? (
                  <td>
                    {m.role !== "owner" && m.id !== meId && !m.disabled_at ? (
                      <div className="btn-row">
                        <Form method="post" onSubmit={(e) => (!confirm(t("settings.confirmTransfer", { name: m.name })) ? e.preventDefault() : undefined)}>
                          <input type="hidden" name="userId" value={m.id} />
                          <SubmitButton size="sm" name="intent" value="transfer" pendingText="…">
                            {t("settings.transfer")}
                          </SubmitButton>
                        </Form>
                        <Form method="post" onSubmit={(e) => (!confirm(t("settings.confirmRemove", { name: m.name })) ? e.preventDefault() : undefined)}>
                          <input type="hidden" name="userId" value={m.id} />
                          <SubmitButton size="sm" variant="danger" name="intent" value="remove" pendingText="…">
                            {t("settings.remove")}
                          </SubmitButton>
                        </Form>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isOwner ? (
        <>
          <h3 style={{ marginTop: 24 }}>{t("settings.inviteTitle")}</h3>
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="invite" />
            <TextField label={t("fields.email")} {...conformField(fields.email)} type="email" required hint={t("settings.inviteHint")} errors={errText(fields.email.errors)} />
            <div>
              <SubmitButton variant="primary" name="intent" value="invite" pendingText={t("settings.inviting")}>
                {t("settings.invite")}
              </SubmitButton>
            </div>
          </Form>
          {invitations.length ? (
            <>
              <h3 style={{ marginTop: 24 }}>{t("settings.pendingInvites")}</h3>
              <ul>
                {invitations.map((inv) => (
                  <li key={inv.id}>
                    {inv.email} · {t("settings.expires", { date: formatDate(inv.expires_at, i18n.language) })}{" "}
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="inviteId" value={inv.id} />
                      <SubmitButton size="sm" variant="ghost" name="intent" value="revoke-invite" pendingText="…">
                        {t("settings.revoke")}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

export default function Settings() {
  const { t } = useTranslation("org");
  const { profile } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHead title={t("settings.title")} description={profile.name} />
      {profile.status !== "verified" ? <Notice tone="warn">{t(profile.status === "rejected" ? "settings.rejectedNote" : "settings.pendingNote")}</Notice> : null}
      <div className="stack">
        <ProfileForm />
        <Members />
      </div>
    </>
  );
}
