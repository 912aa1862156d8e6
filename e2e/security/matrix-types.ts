/** Types and shorthands shared by the authorization-matrix row files. */
export const ACTORS = ["visitor", "hospital", "company", "investor", "operator"] as const;
export type Actor = (typeof ACTORS)[number];

/** 200/400/404…: that status; "login": a redirect to /login; "redirect": any other redirect. */
export type Outcome = number | "login" | "redirect";

export type Cell = {
  /** What is being checked, for the report. */
  name: string;
  method: "GET" | "POST";
  /** Path, or a function of the actor's own organisation slug and the ids read by lookupIds. */
  path: string | ((ctx: { ownSlug: string | null; ids: Record<string, string> }) => string);
  form?: Record<string, string> | ((ctx: { ids: Record<string, string>; actor: Actor }) => Record<string, string>);
  scope: "own" | "other" | "public";
  state?: string;
  expect: Record<Actor, Outcome>;
};

export const all = (o: Outcome): Record<Actor, Outcome> => ({ visitor: o, hospital: o, company: o, investor: o, operator: o });
export const signedIn = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: o, company: o, investor: o, operator: o });
export const operatorOnly = (o: Outcome): Record<Actor, Outcome> => ({ visitor: "login", hospital: 404, company: 404, investor: 404, operator: o });

