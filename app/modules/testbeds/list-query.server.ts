/** Server-only door to the list query parser: a .server module, so the /testbeds page's browser bundle does not pull zod in. */
export { parseOfferListQuery } from "./schemas";
