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
import { createInstance } from "i18next";
import { useMemo } from "react";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import stylesHref from "~/styles/app.css";
import { SiteFooter, SiteHeader } from "~/components/layout";
import { ToastView } from "~/components/ui/toast";
import { fallbackLng, isLng, type Lng } from "~/modules/i18n/config";
import { getLocale, lngCookieHeader } from "~/modules/i18n/i18n.server";
import { resources } from "~/modules/i18n/resources";
import { getSession } from "~/modules/auth/session.server";
import { countUnread } from "~/modules/notifications/notifications.server";
import { getDb } from "~/utils/db.server";
import { readToast } from "~/utils/toast.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "MediBridge 메디브릿지" }];

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
      // Only the active language's strings go to the browser.
      i18n: resources[lng],
      toast,
      me: me && {
        name: me.name,
        email: me.email,
        role: me.role,
        // English readers see the English name where the organisation gave one.
        org: { name: lng === "en" && me.org.nameEn ? me.org.nameEn : me.org.name, slug: me.org.slug, kind: me.org.kind, status: me.org.status },
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

const EMPTY = {};

function useI18nInstance(lng: Lng, res: unknown) {
  return useMemo(() => {
    const inst = createInstance();
    void inst.use(initReactI18next).init({
      lng,
      fallbackLng,
      resources: { [lng]: res as Record<string, Record<string, string>> },
      defaultNS: "common",
      interpolation: { escapeValue: false },
      initImmediate: false,
      react: { useSuspense: false },
    });
    return inst;
  }, [lng, res]);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lng: Lng = rootData?.lng ?? fallbackLng;
  // When the root loader could not run, strings fall back to their keys;
  // the root loader is written not to throw so this stays a corner case.
  const i18n = useI18nInstance(lng, rootData?.i18n ?? EMPTY);
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* zod 4 probes `new Function` when a module builds its first object schema; our CSP
            (no 'unsafe-eval') blocks and reports it. Switched off before any module runs. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true};" }} />
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
