import type { MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { serverStrings } from "./bundle.server";
import { fallbackLng, isLng, type Lng } from "./config";
import type { resources } from "./resources";
import type { Strings, StringsByLng } from "./strings";

/**
 * Page titles (and other `meta`) in the page's language.
 *
 * A route's `meta` runs on the server render and again in the browser on
 * every navigation, outside React, so it cannot use `useTranslation`. It gets
 * the language from the root loader's data (`matches`) and the strings from
 * where the page already has them: in process on the server, and in the
 * browser from the `/i18n/<lng>` script, which entry.client.tsx waits for
 * before it hydrates (see strings.ts). Nothing here puts strings into the
 * client bundle or the page's data.
 */

export const SITE_NAME = "MediBridge";
const SEPARATOR = " · ";

/** What `meta` receives that matters here; Remix's MetaArgs fit it. */
export type MetaArgsLike = { matches: ReadonlyArray<{ id: string; data?: unknown }> };

type Namespaces = (typeof resources)["ko"];
/** Every string leaf of a namespace as a dotted path ("list.title"); arrays are left out. */
type Leaves<T, P extends string = ""> = T extends string
  ? P
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]: Leaves<T[K], P extends "" ? K : `${P}.${K}`> }[keyof T & string]
      : never;
/** A key of the UI strings, "ns:path" ("needs:meta.list"), or a bare path in `common` ("errors.notFound.title"). */
export type MetaKey = Leaves<Namespaces["common"]> | { [NS in keyof Namespaces & string]: `${NS}:${Leaves<Namespaces[NS]>}` }[keyof Namespaces & string];
export type MetaT = (key: MetaKey) => string;

/** The page's language, as the root loader decided it (`?lng=`, the cookie, Accept-Language); Korean if unknown. */
export function metaLng({ matches }: MetaArgsLike): Lng {
  const root = matches.find((m) => m.id === "root")?.data;
  const lng = root !== null && typeof root === "object" ? (root as { lng?: unknown }).lng : undefined;
  return isLng(lng) ? lng : fallbackLng;
}

function stringsOf(lng: Lng): Strings | undefined {
  // `*.server` modules are empty in the browser build (Remix), so `serverStrings` is
  // undefined there and the strings are the ones the `/i18n/<lng>` script set.
  const server = (serverStrings as StringsByLng | undefined)?.strings[lng];
  if (server) return server;
  return typeof window === "undefined" ? undefined : window.__mbI18n?.[lng];
}

/**
 * A translator for `meta`. A key that is missing, or whose language's strings
 * have not loaded yet (the language changed without a page load: the root
 * renders again once they have), gives "" rather than the key.
 */
export function metaT(args: MetaArgsLike): MetaT {
  const strings = stringsOf(metaLng(args));
  return (key) => {
    const [ns, path] = key.includes(":") ? key.split(":", 2) : ["common", key];
    let value: unknown = strings?.[ns];
    for (const part of path.split(".")) value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    return typeof value === "string" ? value : "";
  };
}

type TitlePart = string | null | undefined | false;

/**
 * `[{ title }]` for a route's `meta`: its parts, then the site name, joined by " · ".
 * `title` is a key of the UI strings (`pageTitle(args, "needs:meta.list")`) or,
 * for titles built from loader data, a function of the page's `t` and language
 * returning the parts as text (`(t, lng) => [data?.need.title]`). Empty parts are
 * left out, so a page without data is titled with the site name alone.
 */
export function pageTitle(args: MetaArgsLike, title: MetaKey | ((t: MetaT, lng: Lng) => TitlePart | TitlePart[])): MetaDescriptor[] {
  const t = metaT(args);
  const parts = typeof title === "function" ? title(t, metaLng(args)) : t(title);
  const text = [...(Array.isArray(parts) ? parts : [parts]), SITE_NAME].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  return [{ title: text.join(SEPARATOR) }];
}

/**
 * Which `errors.*` strings describe an error: the same choice as the root
 * ErrorBoundary makes for the page body.
 */
export function errorKey(error: unknown): "notFound" | "forbidden" | "unavailable" | "serverError" {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 503 ? "unavailable" : "serverError";
}
