/**
 * Server-only door to Conform's zod parser, for routes that parse forms only in
 * their action: importing "@conform-to/zod/v4" directly from a route file keeps
 * the shared zod chunk (≈ 95 KB gzip) in that page's browser bundle even when
 * only the action uses it; a .server module is replaced by an empty one there.
 */
export { parseWithZod } from "@conform-to/zod/v4";
