import { DEMO_PITCH_IDS } from "../../db/seed/demo-pitch-ids";
import type { Actor, Cell, Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for the pitch routes (merged into MATRIX by
 * authz-matrix.ts). Actors: company = 루멘헬스케어 (owns lumenLungAi and the
 * lumenPathologyDraft draft), "another company" = 마인드웨이브 (mindwaveDtx,
 * mindwaveArchived); investor = 한강바이오파트너스 (verified, has bookmarked
 * cardiosenseEcg in the seed). Pitch contents and decks: owner, operators and
 * verified investors only; hospitals and other companies get 404.
 * POST cells never change demo data: invalid bodies (400), other
 * organisations' pitches (404), or no-ops (a bookmark that exists, publishing
 * a pitch that is already published).
 */
const P = DEMO_PITCH_IDS;
const NO_SUCH = "00000000-0000-4000-8000-000000000000";
const o = (company: Outcome, investor: Outcome, operator: Outcome, hospital: Outcome = 404): Record<Actor, Outcome> => ({ visitor: "login", hospital, company, investor, operator });
const companyOnly = (c: Outcome) => o(c, 404, 404);
const investorOnly = (i: Outcome) => o(404, i, 404);

export const PITCHES_ROWS: Record<string, Cell[]> = {
  "routes/pitches._index": [
    { name: "pitch list (investors, operators read-only; a company sees its own)", method: "GET", path: "/pitches", scope: "public", expect: o(200, 200, 200) },
    {
      name: "Korean search with filters",
      method: "GET",
      path: `/pitches?q=${encodeURIComponent("폐암")}&field=medical-imaging-ai&round=series-a&askMin=100000000&askMax=5000000000&signal=hospital&sort=match`,
      scope: "public",
      expect: o(200, 200, 200),
    },
    { name: "malformed query parameters fall back to defaults", method: "GET", path: "/pitches?page=abc&sort=%00&round=x&askMin=-1&q=%25_%5C&signal=zz", scope: "public", expect: o(200, 200, 200) },
  ],
  "routes/pitches.new": [
    { name: "new pitch form (companies)", method: "GET", path: "/pitches/new", scope: "own", expect: companyOnly(200) },
    { name: "post an invalid pitch (nothing stored)", method: "POST", path: "/pitches/new", form: { intent: "publish", title: "", oneLiner: "", trl: "12" }, scope: "own", expect: companyOnly(400) },
  ],
  "routes/pitches.$id._index": [
    { name: "own published pitch", method: "GET", path: `/pitches/${P.lumenLungAi}`, scope: "own", state: "published", expect: o(200, 200, 200) },
    { name: "another company's published pitch", method: "GET", path: `/pitches/${P.mindwaveDtx}`, scope: "other", state: "published", expect: o(404, 200, 200) },
    { name: "own draft", method: "GET", path: `/pitches/${P.lumenPathologyDraft}`, scope: "own", state: "draft", expect: o(200, 404, 404) },
    { name: "another company's archived pitch", method: "GET", path: `/pitches/${P.mindwaveArchived}`, scope: "other", state: "archived", expect: o(404, 200, 200) },
    { name: "malformed id", method: "GET", path: "/pitches/not-a-uuid", scope: "public", expect: o(404, 404, 404) },
    { name: "unknown id", method: "GET", path: `/pitches/${NO_SUCH}`, scope: "public", expect: o(404, 404, 404) },
    { name: "bookmark a pitch already bookmarked (idempotent)", method: "POST", path: `/pitches/${P.cardiosenseEcg}`, form: { intent: "bookmark" }, scope: "other", state: "bookmarked", expect: investorOnly("redirect") },
    { name: "unknown intent", method: "POST", path: `/pitches/${P.mindwaveDtx}`, form: { intent: "steal" }, scope: "other", expect: investorOnly(400) },
    { name: "bookmark another company's draft", method: "POST", path: `/pitches/${P.lumenPathologyDraft}`, form: { intent: "bookmark" }, scope: "other", state: "draft", expect: investorOnly(404) },
  ],
  "routes/pitches.$id.edit": [
    { name: "edit own pitch", method: "GET", path: `/pitches/${P.lumenLungAi}/edit`, scope: "own", state: "published", expect: companyOnly(200) },
    { name: "edit own draft", method: "GET", path: `/pitches/${P.lumenPathologyDraft}/edit`, scope: "own", state: "draft", expect: companyOnly(200) },
    { name: "edit another company's pitch", method: "GET", path: `/pitches/${P.mindwaveDtx}/edit`, scope: "other", expect: companyOnly(404) },
    { name: "malformed id", method: "GET", path: "/pitches/not-a-uuid/edit", scope: "other", expect: companyOnly(404) },
    { name: "save own pitch with invalid values (nothing stored)", method: "POST", path: `/pitches/${P.lumenLungAi}/edit`, form: { intent: "save", title: "", oneLiner: "" }, scope: "own", expect: companyOnly(400) },
    { name: "save another company's pitch", method: "POST", path: `/pitches/${P.mindwaveDtx}/edit`, form: { intent: "save", title: "탈취", oneLiner: "탈취" }, scope: "other", expect: companyOnly(404) },
    { name: "archive another company's pitch", method: "POST", path: `/pitches/${P.mindwaveDtx}/edit`, form: { intent: "archive" }, scope: "other", expect: companyOnly(404) },
    { name: "publish an already published pitch (not allowed, nothing changes)", method: "POST", path: `/pitches/${P.lumenLungAi}/edit`, form: { intent: "publish" }, scope: "own", state: "published", expect: companyOnly("redirect") },
  ],
  "routes/pitches.$id.deck": [
    { name: "deck of own pitch", method: "GET", path: `/pitches/${P.lumenLungAi}/deck`, scope: "own", state: "published", expect: o(200, 200, 200) },
    { name: "deck of another company's pitch", method: "GET", path: `/pitches/${P.mindwaveDtx}/deck`, scope: "other", state: "published", expect: o(404, 200, 200) },
    { name: "pitch without a deck", method: "GET", path: `/pitches/${P.lumenPathologyDraft}/deck`, scope: "own", state: "draft", expect: o(404, 404, 404) },
    { name: "unknown pitch", method: "GET", path: `/pitches/${NO_SUCH}/deck`, scope: "public", expect: o(404, 404, 404) },
    { name: "path tricks in the id", method: "GET", path: "/pitches/..%2F..%2Fetc%2Fpasswd/deck", scope: "public", expect: o(404, 404, 404) },
  ],
};
