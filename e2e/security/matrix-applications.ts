import type { APIRequestContext } from "@playwright/test";
import type { Actor, Cell, Outcome } from "./matrix-types";

/**
 * Authorization-matrix rows for the applications routes (merged into MATRIX
 * by authz-matrix.ts). Ids come from `lookupApplicationIds` below, read from
 * the pages their owners see:
 * - ownApp: 루멘헬스케어 (company) → 한빛대학교병원 (hospital): both sides are actors;
 * - hospitalOnlyApp: another company → 한빛: the company actor must get 404;
 * - companyOnlyApp: 루멘 → another hospital (서울누리): the hospital actor must get 404;
 * - ownFile / hospitalOnlyFile: attachments on ownApp / hospitalOnlyApp.
 * POST cells send invalid bodies (400) or actions the actor may not take (404),
 * so the demo data is not changed.
 */

const NO_SUCH = "00000000-0000-4000-8000-000000000000";
const both = (o: Outcome, rest: Outcome = 404): Record<Actor, Outcome> => ({ visitor: "login", hospital: o, company: o, investor: rest, operator: rest });
const sides = (hospital: Outcome, company: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital, company, investor: 404, operator: 404 });

export const APPLICATIONS_ROWS: Record<string, Cell[]> = {
  "routes/needs.$id.apply": [
    { name: "apply page of an open need (company already applied: shows the link)", method: "GET", path: ({ ids }) => `/needs/${ids.ownAppNeed}/apply`, scope: "own", expect: sides(404, 200) },
    { name: "apply page of a need that does not exist", method: "GET", path: `/needs/${NO_SUCH}/apply`, scope: "other", expect: sides(404, 404) },
    { name: "apply page with a malformed id", method: "GET", path: "/needs/not-a-uuid/apply", scope: "other", expect: sides(404, 404) },
    { name: "apply without an approach", method: "POST", path: ({ ids }) => `/needs/${ids.ownAppNeed}/apply`, form: { approach: "", trl: "12" }, scope: "own", expect: sides(404, 400) },
  ],
  "routes/applications._index": [
    { name: "own applications list", method: "GET", path: "/applications", scope: "own", expect: both(200) },
    { name: "list with a bogus filter and page", method: "GET", path: "/applications?status=bogus&page=-3", scope: "own", expect: both(200) },
  ],
  "routes/applications.$id": [
    { name: "application between the two actors' organisations", method: "GET", path: ({ ids }) => `/applications/${ids.ownApp}`, scope: "own", expect: both(200) },
    { name: "another company's application to the hospital", method: "GET", path: ({ ids }) => `/applications/${ids.hospitalOnlyApp}`, scope: "other", expect: sides(200, 404) },
    { name: "the company's application to another hospital", method: "GET", path: ({ ids }) => `/applications/${ids.companyOnlyApp}`, scope: "other", expect: sides(404, 200) },
    { name: "no such application", method: "GET", path: `/applications/${NO_SUCH}`, scope: "other", expect: both(404) },
    { name: "malformed id", method: "GET", path: "/applications/1'%20or%201=1", scope: "other", expect: both(404) },
    { name: "decline without a reason", method: "POST", path: ({ ids }) => `/applications/${ids.ownApp}`, form: { intent: "decline", reason: "" }, scope: "own", expect: both(400) },
    { name: "empty message", method: "POST", path: ({ ids }) => `/applications/${ids.ownApp}`, form: { intent: "message", body: "" }, scope: "own", expect: both(400) },
    { name: "unknown intent", method: "POST", path: ({ ids }) => `/applications/${ids.ownApp}`, form: { intent: "delete" }, scope: "own", expect: both(400) },
    { name: "company tries the hospital's accept", method: "POST", path: ({ ids }) => `/applications/${ids.companyOnlyApp}`, form: { intent: "accept" }, scope: "own", state: "company side", expect: sides(404, 404) },
    { name: "decline another company's application without a reason", method: "POST", path: ({ ids }) => `/applications/${ids.hospitalOnlyApp}`, form: { intent: "decline" }, scope: "other", expect: sides(400, 404) },
    { name: "message on another hospital's application", method: "POST", path: ({ ids }) => `/applications/${ids.companyOnlyApp}`, form: { intent: "message", body: "" }, scope: "other", expect: sides(404, 400) },
    { name: "shortlist an application that is already decided", method: "POST", path: ({ ids }) => `/applications/${ids.decidedApp}`, form: { intent: "shortlist" }, scope: "own", state: "accepted", expect: sides(400, 404) },
  ],
  "routes/files.$id": [
    { name: "attachment of the actors' shared application", method: "GET", path: ({ ids }) => `/files/${ids.ownFile}`, scope: "own", expect: both(200) },
    { name: "attachment of another company's application", method: "GET", path: ({ ids }) => `/files/${ids.hospitalOnlyFile}`, scope: "other", expect: sides(200, 404) },
    { name: "no such attachment", method: "GET", path: `/files/${NO_SUCH}`, scope: "other", expect: both(404) },
    { name: "path tricks in the id", method: "GET", path: "/files/..%2F..%2Fetc%2Fpasswd", scope: "other", expect: both(404) },
  ],
  "routes/notifications": [
    { name: "own notifications", method: "GET", path: "/notifications?page=abc", scope: "own", expect: both(200, 200) },
    { name: "unknown intent", method: "POST", path: "/notifications", form: { intent: "bogus" }, scope: "own", expect: both(400, 400) },
    { name: "open a notification id that is not the actor's", method: "POST", path: "/notifications", form: { intent: "open", id: "999999999" }, scope: "other", expect: both(404, 404) },
    {
      name: "open another user's notification",
      method: "POST",
      path: "/notifications",
      form: ({ ids }) => ({ intent: "open", id: ids.hospitalNotification }),
      scope: "other",
      expect: { visitor: "login", hospital: "redirect", company: 404, investor: 404, operator: 404 },
    },
  ],
};

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

/**
 * Application, attachment and notification ids for the cells above, read
 * from `/applications` and its detail pages as the hospital and the company
 * see them. Attachments are added through the message form when none exist
 * (the seed has no files), one per shared application.
 */
export async function lookupApplicationIds(contexts: Map<Actor, APIRequestContext>): Promise<Record<string, string>> {
  const hospital = contexts.get("hospital")!;
  const company = contexts.get("company")!;
  const html = async (ctx: APIRequestContext, url: string) => (await ctx.get(url)).text();
  const appIds = async (ctx: APIRequestContext, query = "") => [...new Set([...(await html(ctx, `/applications${query}`)).matchAll(/href="\/applications\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
  const hospitalApps = await appIds(hospital);
  const companyApps = await appIds(company);
  const ownApp = hospitalApps.find((id) => companyApps.includes(id));
  const hospitalOnlyApp = hospitalApps.find((id) => !companyApps.includes(id));
  const companyOnlyApp = companyApps.find((id) => !hospitalApps.includes(id));
  const decidedApp = (await appIds(hospital, "?status=accepted")).find((id) => !companyApps.includes(id));
  if (!ownApp || !hospitalOnlyApp || !companyOnlyApp || !decidedApp) {
    throw new Error(`demo applications missing (own ${ownApp}, hospital-only ${hospitalOnlyApp}, company-only ${companyOnlyApp}, decided ${decidedApp}): are the demo needs seeded?`);
  }
  const needOf = async (appId: string) => /href="\/needs\/([0-9a-f-]{36})"/.exec(await html(hospital, `/applications/${appId}`))![1];
  const fileOn = async (ctx: APIRequestContext, appId: string) => {
    const find = async () => /href="\/files\/([0-9a-f-]{36})"/.exec(await html(ctx, `/applications/${appId}`))?.[1];
    const found = await find();
    if (found) return found;
    const res = await ctx.post(`/applications/${appId}`, {
      multipart: { intent: "message", body: "검토 자료 첨부합니다. (authorization matrix)", attachments: { name: "검토자료.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    if (res.status() !== 302) throw new Error(`could not attach a file to ${appId}: ${res.status()}`);
    return (await find())!;
  };
  const notif = /name="id" value="(\d+)"/.exec(await html(hospital, "/notifications"))?.[1] ?? "999999998";
  return {
    ownApp,
    ownAppNeed: await needOf(ownApp),
    hospitalOnlyApp,
    companyOnlyApp,
    decidedApp,
    ownFile: await fileOn(company, ownApp),
    hospitalOnlyFile: await fileOn(hospital, hospitalOnlyApp),
    hospitalNotification: notif,
  };
}
