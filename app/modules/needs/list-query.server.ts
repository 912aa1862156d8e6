/** Server-only door to the list query parser: a .server module, so the /needs page's browser bundle does not pull zod in. */
export { parseListQuery } from "./schemas";
