import { DEMO_CALL_IDS, DEMO_NEED_IDS } from "../../db/seed/demo-need-ids";
import { all, operatorOnly, type Actor, type Cell, type Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for the needs and program-call routes (merged into
 * MATRIX by authz-matrix.ts). The hospital actor is 한빛대학교병원; "another
 * hospital" is 서울누리병원. Demo ids are fixed by the seed (db/seed/demo-needs.ts).
 * POST cells never change demo data: invalid bodies (400), other organisations'
 * ids (404), or idempotent actions (an NDA already accepted, a status change
 * that is not allowed from the current status).
 */
const N = DEMO_NEED_IDS;
const hospitalOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: o, company: 404, investor: 404, operator: 404 });
const companyOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company: o, investor: 404, operator: 404 });
const ownerOnly: Record<Actor, Outcome> = { visitor: 404, hospital: 200, company: 404, investor: 404, operator: 404 };
const invalidNeed = { intent: "save", title: "", summary: "" };

export const NEEDS_ROWS: Record<string, Cell[]> = {
  "routes/needs._index": [
    { name: "public list of open needs", method: "GET", path: "/needs", scope: "public", expect: all(200) },
    { name: "Korean search with filters", method: "GET", path: `/needs?q=${encodeURIComponent("영상을")}&area=radiology&sort=closing&deadline=always-on`, scope: "public", expect: all(200) },
    { name: "control characters in the search", method: "GET", path: "/needs?q=%00%01%E2%80%8B&page=999999", scope: "public", expect: all(200) },
    { name: "malformed query parameters fall back to defaults", method: "GET", path: "/needs?page=abc&sort=%00&area=nope&deadline=x&q=%25_%5C&type=", scope: "public", expect: all(200) },
  ],
  "routes/needs.new": [
    { name: "need form (verified hospitals)", method: "GET", path: "/needs/new", scope: "own", expect: hospitalOnly(200) },
    { name: "post an invalid need (nothing stored)", method: "POST", path: "/needs/new", form: { intent: "publish", title: "", summary: "", trlMin: "12" }, scope: "own", expect: hospitalOnly(400) },
  ],
  "routes/needs.$id._index": [
    { name: "own open need", method: "GET", path: `/needs/${N.hanbitLungCt}`, scope: "own", state: "open, NDA not accepted", expect: all(200) },
    { name: "need whose NDA the company accepted", method: "GET", path: `/needs/${N.hanbitDeid}`, scope: "own", state: "open, NDA accepted", expect: all(200) },
    { name: "another hospital's open need", method: "GET", path: `/needs/${N.nuriFall}`, scope: "other", state: "open", expect: all(200) },
    { name: "own draft", method: "GET", path: `/needs/${N.hanbitStrokeDraft}`, scope: "own", state: "draft", expect: ownerOnly },
    { name: "another hospital's draft", method: "GET", path: `/needs/${N.nuriMedicationDraft}`, scope: "other", state: "draft", expect: all(404) },
    { name: "closed need (summary stays readable)", method: "GET", path: `/needs/${N.hanbitPolypClosed}`, scope: "own", state: "closed", expect: all(200) },
    { name: "malformed id", method: "GET", path: "/needs/not-a-uuid", scope: "public", expect: all(404) },
    { name: "unknown id", method: "GET", path: "/needs/00000000-0000-4000-8000-000000000000", scope: "public", expect: all(404) },
    { name: "accept an NDA already accepted (idempotent)", method: "POST", path: `/needs/${N.hanbitDeid}`, form: { intent: "accept-nda" }, scope: "other", state: "NDA accepted", expect: companyOnly("redirect") },
    { name: "accept the NDA of another hospital's draft", method: "POST", path: `/needs/${N.nuriMedicationDraft}`, form: { intent: "accept-nda" }, scope: "other", state: "draft", expect: companyOnly(404) },
    { name: "unknown intent", method: "POST", path: `/needs/${N.hanbitLungCt}`, form: { intent: "steal" }, scope: "other", expect: companyOnly(400) },
  ],
  "routes/needs.$id.edit": [
    { name: "edit own need", method: "GET", path: `/needs/${N.hanbitLungCt}/edit`, scope: "own", state: "open", expect: hospitalOnly(200) },
    { name: "edit own draft", method: "GET", path: `/needs/${N.hanbitStrokeDraft}/edit`, scope: "own", state: "draft", expect: hospitalOnly(200) },
    { name: "edit another hospital's need", method: "GET", path: `/needs/${N.nuriFall}/edit`, scope: "other", state: "open", expect: hospitalOnly(404) },
    { name: "edit another hospital's draft", method: "GET", path: `/needs/${N.nuriMedicationDraft}/edit`, scope: "other", state: "draft", expect: hospitalOnly(404) },
    { name: "malformed id", method: "GET", path: "/needs/not-a-uuid/edit", scope: "other", expect: hospitalOnly(404) },
    { name: "save own need with invalid values (nothing stored)", method: "POST", path: `/needs/${N.hanbitLungCt}/edit`, form: invalidNeed, scope: "own", expect: hospitalOnly(400) },
    { name: "save another hospital's need", method: "POST", path: `/needs/${N.nuriFall}/edit`, form: { intent: "save", title: "탈취", summary: "탈취" }, scope: "other", expect: hospitalOnly(404) },
    { name: "close another hospital's need", method: "POST", path: `/needs/${N.nuriFall}/edit`, form: { intent: "close" }, scope: "other", expect: hospitalOnly(404) },
    { name: "publish an already open need (not allowed, nothing changes)", method: "POST", path: `/needs/${N.hanbitLungCt}/edit`, form: { intent: "publish" }, scope: "own", state: "open", expect: hospitalOnly("redirect") },
  ],
  "routes/calls._index": [{ name: "program calls", method: "GET", path: "/calls", scope: "public", expect: all(200) }],
  "routes/calls.new": [
    { name: "new call form", method: "GET", path: "/calls/new", scope: "own", expect: operatorOnly(200) },
    { name: "create a call without a name", method: "POST", path: "/calls/new", form: { name: "" }, scope: "own", expect: operatorOnly(400) },
  ],
  "routes/calls.$id._index": [
    { name: "a call and its open needs", method: "GET", path: `/calls/${DEMO_CALL_IDS.alwaysOn}`, scope: "public", expect: all(200) },
    { name: "malformed call id", method: "GET", path: "/calls/nope", scope: "public", expect: all(404) },
    { name: "unknown call id", method: "GET", path: "/calls/00000000-0000-4000-8000-000000000000", scope: "public", expect: all(404) },
    { name: "save a call with an empty name", method: "POST", path: `/calls/${DEMO_CALL_IDS.alwaysOn}`, form: { intent: "save", name: "" }, scope: "own", expect: operatorOnly(400) },
    { name: "unknown intent", method: "POST", path: `/calls/${DEMO_CALL_IDS.overseas}`, form: { intent: "delete" }, scope: "own", expect: operatorOnly(400) },
  ],
};
