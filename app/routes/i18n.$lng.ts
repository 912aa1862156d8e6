import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLng } from "~/modules/i18n/config";
import { i18nBundle } from "~/modules/i18n/bundle.server";

/**
 * One language's UI strings as a script (see app/modules/i18n/strings.ts).
 * Asked for with the current version it is immutable for a year; any other
 * version (a page rendered before a deploy) gets today's strings, revalidated.
 * Public: the strings are the same for everyone.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLng(params.lng)) throw new Response("Not found", { status: 404 });
  const { body, version } = i18nBundle(params.lng);
  const asked = new URL(request.url).searchParams.get("v");
  const etag = `"${version}"`;
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": asked === version ? "public, max-age=31536000, immutable" : "public, no-cache",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
