/** Server-only door to the form schemas: a .server module, so pages that parse only in their loader/action do not ship zod to the browser. */
export * from "./schemas";
