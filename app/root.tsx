import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { useEffect, useState } from "react";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import stylesHref from "~/styles/app.css";
import { SiteFooter, SiteHeader } from "~/components/layout";
import { ToastView } from "~/components/ui/toast";
import { fallbackLng, isLng, type Lng } from "~/modules/i18n/config";
import { getLocale, lngCookieHeader } from "~/modules/i18n/i18n.server";
import { i18nBundle } from "~/modules/i18n/bundle.server";
import { I18N_SCRIPT_ID, i18nScriptSrc, useStrings, type Strings } from "~/modules/i18n/strings";
import { errorKey, metaT, pageTitle } from "~/modules/i18n/meta";
import { getSession } from "~/modules/auth/session.server";
import { countUnread } from "~/modules/notifications/notifications.server";
import { getDb } from "~/utils/db.server";
import { readToast } from "~/utils/toast.server";
import { useNonce } from "~/utils/nonce";
import { Stylesheet } from "~/utils/inline-css";
import { localName } from "~/utils/format";

// The app's stylesheet is inlined in <head> (see Stylesheet); route stylesheets stay links.
export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

// An error anywhere below (a 404 included) is shown by the ErrorBoundary here, with this title.
export const meta: MetaFunction = (args) => (args.error ? pageTitle(args, `errors.${errorKey(args.error)}.title`) : [{ title: metaT(args)("meta.site") }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await getLocale(request);
  const url = new URL(request.url);
  const headers = new Headers();
  const asked = url.searchParams.get("lng");
  if (isLng(asked)) headers.append("Set-Cookie", lngCookieHeader(asked));
  const { toast, clear } = await readToast(request);
  if (clear) headers.append("Set-Cookie", clear);
  // A database outage must not take the shell (and its strings) down with it:
  // pages below report the outage themselves with a 503.
  const current = await getSession(request).catch(() => null);
  if (current?.setCookie) headers.append("Set-Cookie", current.setCookie);
  const me = current?.user ?? null;
  // The header bell: one indexed count, and never a reason for the shell to fail.
  const unread = me ? await getDb().then((db) => countUnread(db, me.id)).catch(() => 0) : 0;
  return data(
    {
      lng,
      // The strings themselves are a separate, immutable script (modules/i18n/strings.ts):
      // the page names only the version of the active language's.
      i18nVersion: i18nBundle(lng).version,
      toast,
      me: me && {
        name: me.name,
        email: me.email,
        role: me.role,
        // English readers see the English name where the organisation gave one.
        org: { name: localName(lng, me.org.name, me.org.nameEn), slug: me.org.slug, kind: me.org.kind, status: me.org.status },
      },
      unread,
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

const EMPTY: Strings = {};

/**
 * One i18next instance per language's strings, shared by every render in this
 * process (server) or page (browser): the strings never change while it runs,
 * and building an instance per request cost CPU on every page.
 */
const instances = new WeakMap<Strings, Map<Lng, I18n>>();
function i18nFor(lng: Lng, res: Strings): I18n {
  let byLng = instances.get(res);
  if (!byLng) instances.set(res, (byLng = new Map()));
  let inst = byLng.get(lng);
  if (!inst) {
    inst = createInstance();
    void inst.use(initReactI18next).init({
      lng,
      fallbackLng,
      resources: { [lng]: res },
      defaultNS: "common",
      interpolation: { escapeValue: false },
      initImmediate: false,
      react: { useSuspense: false },
    });
    memoizePlainLookups(inst);
    byLng.set(lng, inst);
  }
  return inst;
}

/** The options `getFixedT` (useTranslation's `t`) adds to every call; with nothing else, a key always gives the same text. */
const FIXED_T_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);

/**
 * A page calls `t` hundreds of times and i18next resolves each call from
 * scratch (key parsing, fallbacks, interpolation, post-processing): a tenth of
 * a signed-in page's server time. The strings never change while an instance
 * lives, so a call without interpolation values, count, context or defaults is
 * remembered per namespace and key; every other call goes to i18next as before.
 */
function memoizePlainLookups(inst: I18n) {
  const translate = inst.t.bind(inst) as (key: unknown, options?: unknown) => unknown;
  const memo = new Map<string, unknown>();
  const plain = (options: unknown): options is { lng?: unknown; lngs?: unknown; ns?: unknown; keyPrefix?: unknown } => {
    if (options === undefined) return true;
    if (typeof options !== "object" || options === null) return false;
    for (const k in options) if (!FIXED_T_OPTIONS.has(k) && (options as Record<string, unknown>)[k] !== undefined) return false;
    return true;
  };
  const lookup = (key: unknown, options?: unknown) => {
    if (typeof key !== "string" || !plain(options)) return translate(key, options);
    const ns = options?.ns;
    const id = `${options?.lng ?? ""}\u0000${options?.lngs ?? ""}\u0000${Array.isArray(ns) ? ns.join(",") : (ns ?? "")}\u0000${options?.keyPrefix ?? ""}\u0000${key}`;
    if (memo.has(id)) return memo.get(id);
    const text = translate(key, options);
    // Keys come from the code (and vocabulary codes); a bound keeps a surprise from growing it forever.
    if (memo.size >= 20_000) memo.clear();
    memo.set(id, text);
    return text;
  };
  inst.t = lookup as unknown as I18n["t"];
}

/**
 * The active language's strings: in process on the server, from the
 * `/i18n/<lng>` script in the browser. Only when the language changes without
 * a page load (the cookie changed in another tab) are they missing here; then
 * that language's script is loaded and the page renders again.
 */
function useLngStrings(lng: Lng, version: string | undefined): Strings | undefined {
  const { strings } = useStrings();
  const [, setLoaded] = useState(0);
  const have = strings[lng];
  useEffect(() => {
    if (have || !version) return;
    const script = document.createElement("script");
    script.src = i18nScriptSrc(lng, version);
    script.onload = () => setLoaded((n) => n + 1);
    document.head.append(script);
  }, [have, lng, version]);
  return have;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lng: Lng = rootData?.lng ?? fallbackLng;
  const { versions } = useStrings();
  const version = rootData?.i18nVersion ?? versions[lng];
  const i18n = i18nFor(lng, useLngStrings(lng, version) ?? EMPTY);
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Stylesheet href={stylesHref} />
        <Links />
        {/* zod 4 probes `new Function` when a module builds its first object schema; our CSP
            (no 'unsafe-eval') blocks and reports it. Switched off before any module runs. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true};" }} />
        {/* The active language's strings (cached for a year); entry.client.tsx hydrates once they ran. */}
        {version ? <script id={I18N_SCRIPT_ID} nonce={nonce} src={i18nScriptSrc(lng, version)} data-lng={lng} async /> : null}
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Renders nothing in production; reloads the page on rebuild in `npm run dev`. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <div className="shell">
      <SiteHeader />
      <main id="main" className="main">
        {toast ? <ToastView toast={toast} /> : null}
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 503 ? "unavailable" : "serverError";
  return (
    <div className="shell">
      <SiteHeader />
      <main id="main" className="main">
        <section className="error-page" aria-labelledby="error-title">
          <p className="error-code">{status}</p>
          <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
          <p>{t(`errors.${key}.body`)}</p>
          <a className="btn btn-primary" href="/">
            {t("errors.home")}
          </a>
        </section>
      </main>
      <SiteFooter />
    </div>
  );
}
