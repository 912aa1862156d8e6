/** Server-only door to the list query parser: a .server module, so the /pitches page's browser bundle does not pull zod in. */
export { parsePitchListQuery } from "./schemas";
