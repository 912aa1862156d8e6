import { DEMO_EVENT_IDS, DEMO_PITCH_IDS } from "../../db/seed/demo-pitch-ids";
import { all, operatorOnly, signedIn, type Actor, type Cell, type Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for the pitch events ("나는 바이오벤처다" rounds),
 * merged into MATRIX by authz-matrix.ts. The company actor is 루멘헬스케어
 * (selected in the autumn round), the investor actor 한강바이오파트너스'
 * 서지우 (registered in the autumn round, not in the spring round). Demo ids
 * are fixed by db/seed/demo-events.ts. POST cells never change demo data:
 * invalid bodies (400), another organisation's pitch (400), ids of nothing
 * (404), closed windows and closed rounds (400), or no-ops (redirect).
 */
const E = DEMO_EVENT_IDS;
const P = DEMO_PITCH_IDS;
const unknown = "00000000-0000-4000-8000-000000000000";
const companyOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company: o, investor: 404, operator: 404 });
const investorOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company: 404, investor: o, operator: 404 });
const rating = (pitchId: string, team = "4") => ({ intent: "rate", pitchId, team, technology: "4", market: "4", comment: "matrix" });

export const EVENTS_ROWS: Record<string, Cell[]> = {
  "routes/events._index": [
    { name: "public list of rounds", method: "GET", path: "/events", scope: "public", expect: all(200) },
    { name: "malformed page falls back to the first", method: "GET", path: "/events?page=abc%00", scope: "public", expect: all(200) },
    { name: "page far past the end", method: "GET", path: "/events?page=9999", scope: "public", expect: all(200) },
  ],
  "routes/events.new": [
    { name: "new round form", method: "GET", path: "/events/new", scope: "own", expect: operatorOnly(200) },
    { name: "create a round without a name or dates (nothing stored)", method: "POST", path: "/events/new", form: { name: "", startsAt: "2027-02-30T10:00", applyOpensOn: "x" }, scope: "own", expect: operatorOnly(400) },
  ],
  "routes/events.$id._index": [
    { name: "past round (closed, cohort selected)", method: "GET", path: `/events/${E.autumnRound}`, scope: "public", state: "closed", expect: all(200) },
    { name: "round with its window open", method: "GET", path: `/events/${E.springRound}`, scope: "public", state: "open", expect: all(200) },
    { name: "malformed id", method: "GET", path: "/events/not-a-uuid", scope: "public", expect: all(404) },
    { name: "unknown id", method: "GET", path: `/events/${unknown}`, scope: "public", expect: all(404) },
    { name: "unknown intent", method: "POST", path: `/events/${E.springRound}`, form: { intent: "steal" }, scope: "public", expect: signedIn(400) },
    { name: "apply with a malformed pitch id", method: "POST", path: `/events/${E.springRound}`, form: { intent: "apply", pitchId: "x" }, scope: "own", state: "window open", expect: companyOnly(400) },
    { name: "apply with another company's pitch", method: "POST", path: `/events/${E.springRound}`, form: { intent: "apply", pitchId: P.mindwaveDtx }, scope: "other", state: "window open", expect: companyOnly(400) },
    { name: "apply after the window closed", method: "POST", path: `/events/${E.autumnRound}`, form: { intent: "apply", pitchId: P.lumenLungAi }, scope: "own", state: "closed", expect: companyOnly(400) },
    { name: "apply to an unknown round", method: "POST", path: `/events/${unknown}`, form: { intent: "apply", pitchId: P.lumenLungAi }, scope: "other", expect: companyOnly(404) },
    { name: "withdraw after the window closed (no-op)", method: "POST", path: `/events/${E.autumnRound}`, form: { intent: "withdraw" }, scope: "own", state: "selected, closed", expect: companyOnly("redirect") },
    { name: "rate with an out-of-range score", method: "POST", path: `/events/${E.autumnRound}`, form: rating(P.lumenLungAi, "9"), scope: "other", expect: investorOnly(400) },
    { name: "rate in a closed round (ratings final)", method: "POST", path: `/events/${E.autumnRound}`, form: rating(P.cardiosenseEcg), scope: "other", state: "registered, closed", expect: investorOnly(400) },
    { name: "rate in a round the investor did not register for", method: "POST", path: `/events/${E.springRound}`, form: rating(P.cardiosenseEcg), scope: "other", state: "not registered", expect: investorOnly(404) },
    { name: "register for a closed round", method: "POST", path: `/events/${E.autumnRound}`, form: { intent: "register" }, scope: "own", state: "closed", expect: investorOnly(400) },
    { name: "unregister after rating (no-op)", method: "POST", path: `/events/${E.autumnRound}`, form: { intent: "unregister" }, scope: "own", state: "rated, closed", expect: investorOnly("redirect") },
    { name: "decide with a malformed application id", method: "POST", path: `/events/${E.springRound}`, form: { intent: "decide", applicationId: "x", decision: "selected" }, scope: "other", expect: operatorOnly(400) },
    { name: "decide an application that does not exist", method: "POST", path: `/events/${E.springRound}`, form: { intent: "decide", applicationId: unknown, decision: "selected" }, scope: "other", expect: operatorOnly(404) },
    { name: "close a round already closed (no-op)", method: "POST", path: `/events/${E.autumnRound}`, form: { intent: "close" }, scope: "other", state: "closed", expect: operatorOnly("redirect") },
  ],
  "routes/events.$id.edit": [
    { name: "edit a round", method: "GET", path: `/events/${E.springRound}/edit`, scope: "other", expect: operatorOnly(200) },
    { name: "malformed id", method: "GET", path: "/events/nope/edit", scope: "other", expect: operatorOnly(404) },
    { name: "unknown id", method: "GET", path: `/events/${unknown}/edit`, scope: "other", expect: operatorOnly(404) },
    { name: "save with an empty name (nothing stored)", method: "POST", path: `/events/${E.springRound}/edit`, form: { intent: "save", name: "" }, scope: "other", expect: operatorOnly(400) },
    { name: "save an unknown round", method: "POST", path: `/events/${unknown}/edit`, form: { intent: "save", name: "x" }, scope: "other", expect: operatorOnly(404) },
  ],
  "routes/events.$id.results": [
    {
      name: "results of a past round (founder: own pitch; investor: own ratings; operator: all)",
      method: "GET",
      path: `/events/${E.autumnRound}/results`,
      scope: "own",
      state: "company selected, investor registered",
      expect: { visitor: "login", hospital: 404, company: 200, investor: 200, operator: 200 },
    },
    {
      name: "another cohort company's results",
      method: "GET",
      path: `/events/${E.autumnRound}/results?pitch=${P.genomeplusPanel}`,
      scope: "other",
      expect: { visitor: "login", hospital: 404, company: 404, investor: 404, operator: 200 },
    },
    { name: "a pitch that was not selected", method: "GET", path: `/events/${E.autumnRound}/results?pitch=${P.mindwaveDtx}`, scope: "other", expect: signedIn(404) },
    { name: "a round the company did not apply to and the investor did not register for", method: "GET", path: `/events/${E.springRound}/results`, scope: "other", expect: { visitor: "login", hospital: 404, company: 404, investor: 404, operator: 200 } },
    { name: "malformed ids", method: "GET", path: `/events/${E.autumnRound}/results?pitch=abc`, scope: "public", expect: signedIn(404) },
    { name: "unknown round", method: "GET", path: `/events/${unknown}/results`, scope: "public", expect: signedIn(404) },
  ],
};
