import { DEMO_PITCH_IDS } from "../../db/seed/demo-pitch-ids";
import { DEMO_DEAL_IDS, DEMO_MEETING_IDS } from "../../db/seed/demo-deals";
import type { Actor, Cell, Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for meeting requests, .ics downloads and the deal
 * pipeline (merged into MATRIX by authz-matrix.ts). The actors: company =
 * 루멘헬스케어 (company1), investor = 한강바이오파트너스 (investor1). Ids are
 * the fixed demo ids of db/seed/demo-deals.ts:
 * - lumenHangangAccepted: between the two actors (both sides see it);
 * - lumenSparkPending: investor2 → company1 (the investor actor gets 404);
 * - cardiosenseHangangPending: investor1 → another company (the company actor gets 404);
 * - mindwaveSparkDeclined: neither actor's;
 * - deals hangang*: investor1's own; spark*: investor2's (404 for everyone here).
 * POST cells send invalid bodies (400), actions the actor may not take or on
 * others' ids (404), finished requests (400) or idempotent no-ops, so the demo
 * data does not change.
 */

const NO_SUCH = "00000000-0000-4000-8000-000000000000";
const P = DEMO_PITCH_IDS;
const M = DEMO_MEETING_IDS;
const D = DEMO_DEAL_IDS;
const sides = (company: Outcome, investor: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company, investor, operator: 404 });
const investorOnly = (o: Outcome): Record<Actor, Outcome> => sides(404, o);

export const DEALS_ROWS: Record<string, Cell[]> = {
  "routes/pitches.$id.meet": [
    { name: "meeting request form on a published pitch", method: "GET", path: `/pitches/${P.lumenLungAi}/meet`, scope: "other", expect: investorOnly(200) },
    { name: "form when a request is already pending (shows its link)", method: "GET", path: `/pitches/${P.cardiosenseEcg}/meet`, scope: "other", state: "pending", expect: investorOnly(200) },
    { name: "form on a draft pitch", method: "GET", path: `/pitches/${P.lumenPathologyDraft}/meet`, scope: "other", state: "draft", expect: investorOnly(404) },
    { name: "form on an archived pitch", method: "GET", path: `/pitches/${P.mindwaveArchived}/meet`, scope: "other", state: "archived", expect: investorOnly(404) },
    { name: "form with a malformed id", method: "GET", path: "/pitches/not-a-uuid/meet", scope: "other", expect: investorOnly(404) },
    { name: "request without any time slot", method: "POST", path: `/pitches/${P.lumenLungAi}/meet`, form: { slot1: "", durationMinutes: "60", message: "" }, scope: "other", expect: investorOnly(400) },
    { name: "request with a slot in the past", method: "POST", path: `/pitches/${P.lumenLungAi}/meet`, form: { slot1: "2020-01-01T10:00", durationMinutes: "60", message: "안녕하세요" }, scope: "other", expect: investorOnly(400) },
    { name: "request on a draft pitch", method: "POST", path: `/pitches/${P.lumenPathologyDraft}/meet`, form: { slot1: "2030-01-01T10:00", durationMinutes: "60", message: "x" }, scope: "other", state: "draft", expect: investorOnly(404) },
  ],
  "routes/meetings._index": [
    { name: "own meetings list", method: "GET", path: "/meetings", scope: "own", expect: sides(200, 200) },
    { name: "list with a bogus page", method: "GET", path: "/meetings?page=-3", scope: "own", expect: sides(200, 200) },
  ],
  "routes/meetings.$id._index": [
    { name: "meeting between the two actors' organisations", method: "GET", path: `/meetings/${M.lumenHangangAccepted}`, scope: "own", state: "accepted", expect: sides(200, 200) },
    { name: "another investor's request to the company", method: "GET", path: `/meetings/${M.lumenSparkPending}`, scope: "other", state: "pending", expect: sides(200, 404) },
    { name: "the investor's request to another company", method: "GET", path: `/meetings/${M.cardiosenseHangangPending}`, scope: "other", state: "pending", expect: sides(404, 200) },
    { name: "a request between two other organisations", method: "GET", path: `/meetings/${M.mindwaveSparkDeclined}`, scope: "other", state: "declined", expect: sides(404, 404) },
    { name: "no such request", method: "GET", path: `/meetings/${NO_SUCH}`, scope: "other", expect: sides(404, 404) },
    { name: "malformed id", method: "GET", path: "/meetings/1'%20or%201=1", scope: "other", expect: sides(404, 404) },
    { name: "decline without a reason", method: "POST", path: `/meetings/${M.lumenSparkPending}`, form: { intent: "decline", reason: "" }, scope: "other", state: "pending", expect: sides(400, 404) },
    { name: "accept a slot that does not exist", method: "POST", path: `/meetings/${M.lumenSparkPending}`, form: { intent: "accept", slot: "7" }, scope: "other", state: "pending", expect: sides(400, 404) },
    { name: "accept a meeting that is already accepted (investor may not accept)", method: "POST", path: `/meetings/${M.lumenHangangAccepted}`, form: { intent: "accept", slot: "1" }, scope: "own", state: "accepted", expect: sides(400, 404) },
    { name: "cancel a meeting that is already accepted (company may not cancel)", method: "POST", path: `/meetings/${M.lumenHangangAccepted}`, form: { intent: "cancel" }, scope: "own", state: "accepted", expect: sides(404, 400) },
    { name: "unknown intent", method: "POST", path: `/meetings/${M.lumenHangangAccepted}`, form: { intent: "delete" }, scope: "own", expect: sides(400, 400) },
    { name: "decline a request between two other organisations", method: "POST", path: `/meetings/${M.mindwaveSparkDeclined}`, form: { intent: "decline", reason: "timing" }, scope: "other", expect: sides(404, 404) },
  ],
  "routes/meetings.$id[.ics]": [
    { name: "calendar file of the actors' accepted meeting", method: "GET", path: `/meetings/${M.lumenHangangAccepted}.ics`, scope: "own", state: "accepted", expect: sides(200, 200) },
    { name: "calendar file of the investor's accepted meeting with another company", method: "GET", path: `/meetings/${M.mindwaveHangangPast}.ics`, scope: "other", state: "accepted", expect: sides(404, 200) },
    { name: "calendar file of a pending request", method: "GET", path: `/meetings/${M.lumenSparkPending}.ics`, scope: "other", state: "pending", expect: sides(404, 404) },
    { name: "calendar file of the investor's pending request", method: "GET", path: `/meetings/${M.cardiosenseHangangPending}.ics`, scope: "other", state: "pending", expect: sides(404, 404) },
    { name: "calendar file of no such meeting", method: "GET", path: `/meetings/${NO_SUCH}.ics`, scope: "other", expect: sides(404, 404) },
  ],
  "routes/pipeline._index": [
    { name: "own pipeline (board)", method: "GET", path: "/pipeline", scope: "own", expect: investorOnly(200) },
    { name: "own pipeline (table)", method: "GET", path: "/pipeline?view=table", scope: "own", expect: investorOnly(200) },
    { name: "watch a pitch already in the pipeline (idempotent → its deal)", method: "POST", path: "/pipeline", form: { intent: "watch", pitchId: P.lumenLungAi }, scope: "own", expect: investorOnly("redirect") },
    { name: "watch a draft pitch", method: "POST", path: "/pipeline", form: { intent: "watch", pitchId: P.lumenPathologyDraft }, scope: "other", state: "draft", expect: investorOnly(404) },
    { name: "watch with a malformed pitch id", method: "POST", path: "/pipeline", form: { intent: "watch", pitchId: "x' or 1=1" }, scope: "other", expect: investorOnly(400) },
  ],
  "routes/pipeline.$id": [
    { name: "own deal", method: "GET", path: `/pipeline/${D.hangangLumen}`, scope: "own", expect: investorOnly(200) },
    { name: "another investor's deal", method: "GET", path: `/pipeline/${D.sparkLumen}`, scope: "other", expect: investorOnly(404) },
    { name: "no such deal", method: "GET", path: `/pipeline/${NO_SUCH}`, scope: "other", expect: investorOnly(404) },
    { name: "malformed id", method: "GET", path: "/pipeline/..%2F..%2Fetc", scope: "other", expect: investorOnly(404) },
    { name: "commit without an amount", method: "POST", path: `/pipeline/${D.hangangLumen}`, form: { intent: "stage", stage: "committed", amountKrw: "" }, scope: "own", expect: investorOnly(400) },
    { name: "pass without a reason", method: "POST", path: `/pipeline/${D.hangangLumen}`, form: { intent: "stage", stage: "passed" }, scope: "own", expect: investorOnly(400) },
    { name: "empty note", method: "POST", path: `/pipeline/${D.hangangLumen}`, form: { intent: "note", body: " " }, scope: "own", expect: investorOnly(400) },
    { name: "unknown intent", method: "POST", path: `/pipeline/${D.hangangLumen}`, form: { intent: "delete" }, scope: "own", expect: investorOnly(400) },
    { name: "pass another investor's deal", method: "POST", path: `/pipeline/${D.sparkLumen}`, form: { intent: "stage", stage: "passed", passReason: "team" }, scope: "other", expect: investorOnly(404) },
    { name: "note on another investor's deal", method: "POST", path: `/pipeline/${D.sparkLumen}`, form: { intent: "note", body: "엿보기" }, scope: "other", expect: investorOnly(404) },
  ],
};
