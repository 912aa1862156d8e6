import type { AppLoadContext } from "@remix-run/node";

export function clientIp(context: AppLoadContext | undefined): string | null {
  return typeof context?.clientIp === "string" ? context.clientIp : null;
}
