/**
 * The authorization matrix: for every route with a loader or action (taken
 * from the Remix build manifest), what each actor gets — visitor, hospital,
 * company, investor, operator — on their own organisation's data and on
 * another's, and in the relevant states. Later features add their rows here;
 * `authz-matrix.spec.ts` fails when a route is missing.
 */
import { ADMIN_ROWS } from "./matrix-admin";
import { APPLICATIONS_ROWS } from "./matrix-applications";
import { DEALS_ROWS } from "./matrix-deals";
import { EVENTS_ROWS } from "./matrix-events";
import { NEEDS_ROWS } from "./matrix-needs";
import { PITCHES_ROWS } from "./matrix-pitches";
import { TESTBEDS_ROWS } from "./matrix-testbeds";

export { ACTORS, all, operatorOnly, signedIn, type Actor, type Cell, type Outcome } from "./matrix-types";
import { all, signedIn, type Cell } from "./matrix-types";

export const MATRIX: Record<string, Cell[]> = {
  ...NEEDS_ROWS,
  ...PITCHES_ROWS,
  ...APPLICATIONS_ROWS,
  ...DEALS_ROWS,
  ...EVENTS_ROWS,
  ...ADMIN_ROWS,
  ...TESTBEDS_ROWS,
  root: [{ name: "shell", method: "GET", path: "/", scope: "public", expect: all(200) }],
  "routes/_index": [{ name: "landing", method: "GET", path: "/?lng=en", scope: "public", expect: all(200) }],
  "routes/$": [{ name: "unknown path", method: "GET", path: "/no-such-page", scope: "public", expect: all(404) }],
  "routes/healthz": [{ name: "health", method: "GET", path: "/healthz", scope: "public", expect: all(200) }],
  // The UI strings of one language (a script, the same for everyone; see app/modules/i18n/strings.ts).
  "routes/i18n.$lng": [
    { name: "UI strings", method: "GET", path: "/i18n/en", scope: "public", expect: all(200) },
    { name: "UI strings of an unknown language", method: "GET", path: "/i18n/xx", scope: "public", expect: all(404) },
  ],
  "routes/login": [
    { name: "login page (signed-in users go to dashboard)", method: "GET", path: "/login", scope: "public", expect: { ...all("redirect"), visitor: 200 } },
    // A document POST re-runs the page's loader, which sends signed-in users on to their dashboard.
    { name: "login with a malformed e-mail", method: "POST", path: "/login", form: { email: "not-an-email", password: "x" }, scope: "public", expect: { ...all("redirect"), visitor: 400 } },
  ],
  "routes/signup": [
    { name: "signup page", method: "GET", path: "/signup", scope: "public", expect: { ...all("redirect"), visitor: 200 } },
    { name: "signup with a bad business number", method: "POST", path: "/signup", form: { mode: "new-org", name: "x", email: "x@example.com", password: "longenough", orgKind: "company", orgName: "x", businessNo: "1234567890" }, scope: "public", expect: { ...all("redirect"), visitor: 400 } },
  ],
  "routes/forgot-password": [
    { name: "forgot page", method: "GET", path: "/forgot-password", scope: "public", expect: all(200) },
    { name: "forgot with a bad e-mail", method: "POST", path: "/forgot-password", form: { email: "nope" }, scope: "public", expect: all(400) },
  ],
  "routes/reset-password": [
    { name: "reset page", method: "GET", path: "/reset-password?token=abc", scope: "public", expect: all(200) },
    { name: "reset with an unknown token", method: "POST", path: "/reset-password", form: { token: "x".repeat(40), password: "a new passphrase", confirm: "a new passphrase" }, scope: "public", expect: all(400) },
  ],
  "routes/account": [
    { name: "account page", method: "GET", path: "/account", scope: "own", expect: signedIn(200) },
    { name: "change password with a wrong current one", method: "POST", path: "/account", form: { current: "wrong-current", password: "a new passphrase", confirm: "a new passphrase" }, scope: "own", expect: signedIn(400) },
  ],
  "routes/dashboard": [{ name: "role home", method: "GET", path: "/dashboard", scope: "own", expect: signedIn(200) }],
  "routes/settings": [
    { name: "own settings", method: "GET", path: "/settings", scope: "own", expect: signedIn(200) },
    { name: "owner saves an invalid profile", method: "POST", path: "/settings", form: { intent: "profile", name: "" }, scope: "own", expect: signedIn(400) },
    {
      name: "remove a member of another organisation",
      method: "POST",
      path: "/settings",
      form: ({ ids, actor }) => ({ intent: "remove", userId: actor === "hospital" ? ids.companyMember : ids.hospitalMember }),
      scope: "other",
      expect: signedIn(404),
    },
    {
      name: "transfer ownership to a member of another organisation",
      method: "POST",
      path: "/settings",
      form: ({ ids, actor }) => ({ intent: "transfer", userId: actor === "investor" ? ids.companyMember : ids.investorMember }),
      scope: "other",
      expect: signedIn(404),
    },
    {
      name: "revoke another organisation's invitation (no effect, same page)",
      method: "POST",
      path: "/settings",
      form: { intent: "revoke-invite", inviteId: "00000000-0000-4000-8000-000000000000" },
      scope: "other",
      expect: signedIn("redirect"),
    },
  ],
  "routes/orgs.$slug": [
    { name: "own profile", method: "GET", path: ({ ownSlug }) => `/orgs/${ownSlug ?? "hanbit-univ-hospital"}`, scope: "own", expect: all(200) },
    { name: "another verified organisation", method: "GET", path: "/orgs/genomeplus", scope: "other", expect: all(200) },
    { name: "another organisation awaiting verification", method: "GET", path: "/orgs/steadystep-robotics", scope: "other", state: "unverified", expect: { ...all(404), operator: 200 } },
    { name: "no such organisation", method: "GET", path: "/orgs/no-such-org", scope: "other", expect: all(404) },
  ],
  // Last: signing out ends each actor's session.
  "routes/logout": [
    { name: "GET /logout changes nothing", method: "GET", path: "/logout", scope: "public", expect: all("redirect") },
    { name: "sign out", method: "POST", path: "/logout", scope: "own", expect: all("redirect") },
    { name: "after sign-out the old session no longer opens the dashboard", method: "GET", path: "/dashboard", scope: "own", expect: all("login") },
  ],
};
