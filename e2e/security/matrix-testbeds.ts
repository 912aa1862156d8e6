import { DEMO_CERT_IDS, DEMO_TESTBED_IDS, DEMO_TESTBED_REQUEST_IDS } from "../../db/seed/demo-testbed-ids";
import { all, operatorOnly, type Actor, type Cell, type Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for testbeds (가늠터), testbed requests and
 * certification readiness (merged into MATRIX by authz-matrix.ts). The hospital
 * actor is 한빛대학교병원, the company actor 루멘헬스케어; ids are fixed by the
 * seed (db/seed/demo-testbed-ids.ts):
 * - lumenImagingRequested: 루멘 → 한빛, both actors are parties;
 * - cardiosenseEcgCompleted: another company → 한빛 (the company actor gets 404);
 * - mindwaveDtxInProgress: between two other organisations (everyone 404).
 * POST cells never change demo data: invalid bodies (400), others' ids (404),
 * or transitions not allowed from the current status (redirect, nothing changes).
 */
const T = DEMO_TESTBED_IDS;
const R = DEMO_TESTBED_REQUEST_IDS;
const C = DEMO_CERT_IDS;
const NO_SUCH = "00000000-0000-4000-8000-000000000000";
const hospitalOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: o, company: 404, investor: 404, operator: 404 });
const companyOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company: o, investor: 404, operator: 404 });
const sides = (hospital: Outcome, company: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital, company, investor: 404, operator: 404 });
const invalidOffer = { intent: "save", title: "", description: "", capacity: "0" };

export const TESTBEDS_ROWS: Record<string, Cell[]> = {
  "routes/testbeds._index": [
    { name: "public list of open testbeds", method: "GET", path: "/testbeds", scope: "public", expect: all(200) },
    { name: "Korean two-syllable search with filters", method: "GET", path: `/testbeds?q=${encodeURIComponent("영상")}&area=radiology&stage=venture&irb=in-review`, scope: "public", expect: all(200) },
    { name: "malformed query parameters fall back to defaults", method: "GET", path: "/testbeds?q=%00%25_%5C&page=abc&stage=nope&irb=%00&area=x", scope: "public", expect: all(200) },
  ],
  "routes/testbeds.new": [
    { name: "offer form (verified hospitals)", method: "GET", path: "/testbeds/new", scope: "own", expect: hospitalOnly(200) },
    { name: "post an invalid offer (nothing stored)", method: "POST", path: "/testbeds/new", form: { intent: "publish", title: "", description: "", capacity: "5000" }, scope: "own", expect: hospitalOnly(400) },
  ],
  "routes/testbeds.$id._index": [
    { name: "own open offer", method: "GET", path: `/testbeds/${T.hanbitImagingOpen}`, scope: "own", state: "open", expect: all(200) },
    { name: "another hospital's open offer", method: "GET", path: `/testbeds/${T.nuriRehabOpen}`, scope: "other", state: "open", expect: all(200) },
    { name: "closed offer stays readable", method: "GET", path: `/testbeds/${T.haeunIvdClosed}`, scope: "other", state: "closed", expect: all(200) },
    { name: "own draft", method: "GET", path: `/testbeds/${T.hanbitSleepDraft}`, scope: "own", state: "draft", expect: { ...all(404), hospital: 200 } },
    { name: "another hospital's offer hidden by the operator", method: "GET", path: `/testbeds/${T.nuriHidden}`, scope: "other", state: "hidden", expect: { ...all(404), operator: 200 } },
    { name: "malformed id", method: "GET", path: "/testbeds/not-a-uuid", scope: "public", expect: all(404) },
    { name: "unknown id", method: "GET", path: `/testbeds/${NO_SUCH}`, scope: "public", expect: all(404) },
    { name: "request with a too-short plan (nothing stored)", method: "POST", path: `/testbeds/${T.nuriRehabOpen}`, form: { intent: "request", plan: "짧음" }, scope: "other", expect: companyOnly(400) },
    { name: "request a hidden offer", method: "POST", path: `/testbeds/${T.nuriHidden}`, form: { intent: "request", plan: "x".repeat(40) }, scope: "other", state: "hidden", expect: companyOnly(404) },
    { name: "request another hospital's draft", method: "POST", path: `/testbeds/${T.hanbitSleepDraft}`, form: { intent: "request", plan: "x".repeat(40) }, scope: "other", state: "draft", expect: companyOnly(404) },
    { name: "unknown intent", method: "POST", path: `/testbeds/${T.nuriRehabOpen}`, form: { intent: "steal" }, scope: "other", expect: companyOnly(400) },
  ],
  "routes/testbeds.$id.edit": [
    { name: "edit own offer", method: "GET", path: `/testbeds/${T.hanbitImagingOpen}/edit`, scope: "own", expect: hospitalOnly(200) },
    { name: "edit another hospital's offer", method: "GET", path: `/testbeds/${T.nuriRehabOpen}/edit`, scope: "other", expect: hospitalOnly(404) },
    { name: "edit with a malformed id", method: "GET", path: "/testbeds/nope/edit", scope: "other", expect: hospitalOnly(404) },
    { name: "save own offer with invalid values (nothing stored)", method: "POST", path: `/testbeds/${T.hanbitImagingOpen}/edit`, form: invalidOffer, scope: "own", expect: hospitalOnly(400) },
    { name: "publish an already open offer (not allowed, nothing changes)", method: "POST", path: `/testbeds/${T.hanbitImagingOpen}/edit`, form: { intent: "publish" }, scope: "own", state: "open", expect: hospitalOnly("redirect") },
    { name: "close another hospital's offer", method: "POST", path: `/testbeds/${T.nuriRehabOpen}/edit`, form: { intent: "close" }, scope: "other", expect: hospitalOnly(404) },
    { name: "save another hospital's offer", method: "POST", path: `/testbeds/${T.nuriRehabOpen}/edit`, form: { intent: "save", title: "탈취", description: "탈취" }, scope: "other", expect: hospitalOnly(404) },
  ],
  "routes/testbeds.requests._index": [
    { name: "own requests (received or sent)", method: "GET", path: "/testbeds/requests", scope: "own", expect: sides(200, 200) },
    { name: "bogus tab and page", method: "GET", path: "/testbeds/requests?tab=%00&page=-4", scope: "own", expect: sides(200, 200) },
  ],
  "routes/testbeds.requests.$id": [
    { name: "request between the two actors", method: "GET", path: `/testbeds/requests/${R.lumenImagingRequested}`, scope: "own", state: "requested", expect: sides(200, 200) },
    { name: "another company's request to the hospital", method: "GET", path: `/testbeds/requests/${R.cardiosenseEcgCompleted}`, scope: "other", state: "completed", expect: sides(200, 404) },
    { name: "request between two other organisations", method: "GET", path: `/testbeds/requests/${R.mindwaveDtxInProgress}`, scope: "other", state: "in-progress", expect: sides(404, 404) },
    { name: "malformed id", method: "GET", path: "/testbeds/requests/not-a-uuid", scope: "other", expect: sides(404, 404) },
    { name: "complete without an outcome (nothing changes)", method: "POST", path: `/testbeds/requests/${R.lumenImagingRequested}`, form: { intent: "complete", outcome: "" }, scope: "own", expect: sides(400, 400) },
    { name: "unknown intent", method: "POST", path: `/testbeds/requests/${R.lumenImagingRequested}`, form: { intent: "steal" }, scope: "own", expect: sides(400, 400) },
    { name: "decline without a reason", method: "POST", path: `/testbeds/requests/${R.lumenImagingRequested}`, form: { intent: "decline", reason: "" }, scope: "own", expect: sides(400, 400) },
    { name: "approve a request between two other organisations", method: "POST", path: `/testbeds/requests/${R.mindwaveDtxInProgress}`, form: { intent: "approve" }, scope: "other", expect: sides(404, 404) },
    { name: "approve a completed request (not allowed, nothing changes)", method: "POST", path: `/testbeds/requests/${R.cardiosenseEcgCompleted}`, form: { intent: "approve" }, scope: "own", state: "completed", expect: sides("redirect", 404) },
    { name: "the company approves its own request (the hospital's action)", method: "POST", path: `/testbeds/requests/${R.lumenImagingRequested}`, form: { intent: "start" }, scope: "own", state: "requested", expect: sides("redirect", 404) },
  ],
  "routes/certifications": [
    { name: "own certification checklist", method: "GET", path: "/certifications", scope: "own", expect: companyOnly(200) },
    { name: "save with an unknown code and status", method: "POST", path: "/certifications", form: { intent: "save", code: "bogus", status: "done" }, scope: "own", expect: companyOnly(400) },
    { name: "remove a code not on the list (no-op)", method: "POST", path: "/certifications", form: { intent: "remove", code: "gmp" }, scope: "own", expect: companyOnly("redirect") },
    { name: "unknown intent", method: "POST", path: "/certifications", form: { intent: "verify", code: "iso-13485" }, scope: "own", expect: companyOnly(400) },
  ],
  "routes/certifications.$id.evidence": [
    { name: "own evidence file", method: "GET", path: `/certifications/${C.lumenIso13485}/evidence`, scope: "own", expect: { visitor: "login", hospital: 404, company: 200, investor: 404, operator: 200 } },
    { name: "another company's evidence file", method: "GET", path: `/certifications/${C.mindwaveIso13485}/evidence`, scope: "other", expect: { visitor: "login", hospital: 404, company: 404, investor: 404, operator: 200 } },
    { name: "malformed id", method: "GET", path: "/certifications/nope/evidence", scope: "other", expect: { visitor: "login", hospital: 404, company: 404, investor: 404, operator: 404 } },
  ],
  "routes/admin.certifications": [
    { name: "evidence waiting for a check", method: "GET", path: "/admin/certifications", scope: "other", expect: operatorOnly(200) },
    { name: "verified list with a bogus page", method: "GET", path: "/admin/certifications?show=verified&page=abc", scope: "other", expect: operatorOnly(200) },
    { name: "verify with a malformed id", method: "POST", path: "/admin/certifications", form: { intent: "verify", certId: "nope" }, scope: "other", expect: operatorOnly(400) },
    { name: "verify an unknown certification", method: "POST", path: "/admin/certifications", form: { intent: "verify", certId: NO_SUCH }, scope: "other", expect: operatorOnly(404) },
    { name: "verify one already verified (no change)", method: "POST", path: "/admin/certifications", form: { intent: "verify", certId: C.lumenMfds2 }, scope: "other", expect: operatorOnly("redirect") },
  ],
};
