import { DEMO_CALL_IDS, DEMO_NEED_IDS } from "../../db/seed/demo-need-ids";
import { operatorOnly, type Cell } from "./matrix-types";

/**
 * Authorization-matrix rows for the operator console (/admin/*), merged into
 * MATRIX by authz-matrix.ts. Every /admin route: visitors are sent to /login,
 * hospitals, companies and investors get 404, operators get the page.
 * POST cells never change demo data: invalid bodies (400), ids that do not
 * exist or belong elsewhere (404), or idempotent no-ops (restoring a need that
 * is not hidden, re-enabling an active user).
 */
const NO_ID = "00000000-0000-4000-8000-000000000000";

export const ADMIN_ROWS: Record<string, Cell[]> = {
  "routes/admin._index": [
    { name: "verification queue", method: "GET", path: "/admin", scope: "other", expect: operatorOnly(200) },
    { name: "verify with a malformed id", method: "POST", path: "/admin", form: { intent: "verify", orgId: "not-a-uuid" }, scope: "other", expect: operatorOnly(400) },
    { name: "reject without a reason", method: "POST", path: "/admin", form: ({ ids }) => ({ intent: "reject", orgId: ids.pendingOrg, reason: "" }), scope: "other", state: "unverified", expect: operatorOnly(400) },
  ],
  "routes/admin.funnel": [
    { name: "funnel dashboard", method: "GET", path: "/admin/funnel", scope: "other", expect: operatorOnly(200) },
    { name: "funnel filtered by a call, in English", method: "GET", path: `/admin/funnel?call=${DEMO_CALL_IDS.alwaysOn}&stage=venture&lng=en`, scope: "other", expect: operatorOnly(200) },
    { name: "malformed filters fall back to defaults", method: "GET", path: "/admin/funnel?from=2026-13&to=%00&call=nope&hospital=1&stage=%27", scope: "other", expect: operatorOnly(200) },
  ],
  "routes/admin.export.$table": [
    { name: "funnel table as CSV", method: "GET", path: "/admin/export/funnel", scope: "other", expect: operatorOnly(200) },
    { name: "KPI summary as CSV in English for a call", method: "GET", path: `/admin/export/kpi?lng=en&call=${DEMO_CALL_IDS.alwaysOn}`, scope: "other", expect: operatorOnly(200) },
    { name: "a table that does not exist", method: "GET", path: "/admin/export/users", scope: "other", expect: operatorOnly(404) },
  ],
  "routes/admin.moderation": [
    { name: "moderation list", method: "GET", path: "/admin/moderation", scope: "other", expect: operatorOnly(200) },
    { name: "hidden messages, searched", method: "GET", path: "/admin/moderation?type=message&state=hidden&q=%25_&page=x", scope: "other", expect: operatorOnly(200) },
    { name: "hide without a reason (nothing hidden)", method: "POST", path: "/admin/moderation", form: { intent: "hide", type: "need", id: DEMO_NEED_IDS.nuriFall, reason: "" }, scope: "other", expect: operatorOnly(400) },
    { name: "hide an unknown kind", method: "POST", path: "/admin/moderation", form: { intent: "hide", type: "user", id: DEMO_NEED_IDS.nuriFall, reason: "스팸" }, scope: "other", expect: operatorOnly(400) },
    { name: "hide an item that does not exist", method: "POST", path: "/admin/moderation", form: { intent: "hide", type: "pitch", id: NO_ID, reason: "스팸" }, scope: "other", expect: operatorOnly(404) },
    { name: "hide another hospital's draft (drafts are private)", method: "POST", path: "/admin/moderation", form: { intent: "hide", type: "need", id: DEMO_NEED_IDS.nuriMedicationDraft, reason: "스팸" }, scope: "other", state: "draft", expect: operatorOnly(404) },
    { name: "restore a need that is not hidden (no-op)", method: "POST", path: "/admin/moderation", form: { intent: "restore", type: "need", id: DEMO_NEED_IDS.nuriFall }, scope: "other", expect: operatorOnly("redirect") },
    { name: "unknown intent", method: "POST", path: "/admin/moderation", form: { intent: "delete", type: "need", id: DEMO_NEED_IDS.nuriFall }, scope: "other", expect: operatorOnly(400) },
  ],
  "routes/admin.orgs._index": [
    { name: "organisations", method: "GET", path: "/admin/orgs", scope: "other", expect: operatorOnly(200) },
    { name: "search by business number and e-mail", method: "GET", path: "/admin/orgs?q=123-45&kind=hospital&status=verified", scope: "other", expect: operatorOnly(200) },
    { name: "malformed filters", method: "GET", path: "/admin/orgs?q=%00%25&kind=x&status=y&page=-1", scope: "other", expect: operatorOnly(200) },
  ],
  "routes/admin.orgs.$id": [
    { name: "an organisation awaiting verification", method: "GET", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, scope: "other", state: "unverified", expect: operatorOnly(200) },
    { name: "malformed id", method: "GET", path: "/admin/orgs/not-a-uuid", scope: "other", expect: operatorOnly(404) },
    { name: "unknown id", method: "GET", path: `/admin/orgs/${NO_ID}`, scope: "other", expect: operatorOnly(404) },
    { name: "disable a malformed user id", method: "POST", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, form: { intent: "disable", userId: "x", confirm: "yes" }, scope: "other", expect: operatorOnly(400) },
    { name: "disable a member of another organisation through this one", method: "POST", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, form: ({ ids }) => ({ intent: "disable", userId: ids.hospitalMember, confirm: "yes" }), scope: "other", expect: operatorOnly(404) },
    { name: "change the owner without confirming", method: "POST", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, form: ({ ids }) => ({ intent: "owner", userId: ids.hospitalMember }), scope: "other", expect: operatorOnly(400) },
    { name: "make a non-member the owner", method: "POST", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, form: ({ ids }) => ({ intent: "owner", userId: ids.hospitalMember, confirm: "yes" }), scope: "other", expect: operatorOnly(404) },
    { name: "unknown intent", method: "POST", path: ({ ids }) => `/admin/orgs/${ids.pendingOrg}`, form: { intent: "delete" }, scope: "other", expect: operatorOnly(400) },
  ],
  "routes/admin.users": [
    { name: "users", method: "GET", path: "/admin/users", scope: "other", expect: operatorOnly(200) },
    { name: "search disabled users", method: "GET", path: "/admin/users?q=demo&state=disabled&page=2", scope: "other", expect: operatorOnly(200) },
    { name: "disable without the confirmation box (nothing changes)", method: "POST", path: "/admin/users", form: ({ ids }) => ({ intent: "disable", userId: ids.companyMember }), scope: "other", expect: operatorOnly(400) },
    { name: "disable an unknown user", method: "POST", path: "/admin/users", form: { intent: "disable", userId: NO_ID, confirm: "yes" }, scope: "other", expect: operatorOnly(404) },
    { name: "re-enable an active user (no-op)", method: "POST", path: "/admin/users", form: ({ ids }) => ({ intent: "enable", userId: ids.investorMember }), scope: "other", expect: operatorOnly("redirect") },
    { name: "unknown intent", method: "POST", path: "/admin/users", form: { intent: "delete" }, scope: "other", expect: operatorOnly(400) },
  ],
  "routes/admin.programs": [{ name: "calls and events", method: "GET", path: "/admin/programs", scope: "other", expect: operatorOnly(200) }],
  "routes/admin.audit": [
    { name: "audit log", method: "GET", path: "/admin/audit", scope: "other", expect: operatorOnly(200) },
    { name: "filtered by person, organisation, event and period", method: "GET", path: "/admin/audit?who=operator%40demo&org=%ED%95%9C%EB%B9%9B&event=login.ok&from=2026-01-01&to=2026-12-31", scope: "other", expect: operatorOnly(200) },
    { name: "malformed filters", method: "GET", path: "/admin/audit?from=2026-02-31x&to=%00&event=DROP%20TABLE&page=0", scope: "other", expect: operatorOnly(200) },
  ],
};
