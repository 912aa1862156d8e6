import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLng } from "~/modules/i18n/config";
import { I18N_SCRIPT_ID, StringsProvider, type StringsByLng } from "~/modules/i18n/strings";

/**
 * The page's strings come in their own script (app/modules/i18n/strings.ts),
 * loaded `async` next to this bundle: hydrate only once it ran, so the first
 * browser render has the same text as the server's. A failed load still
 * hydrates (keys instead of text) rather than leaving the page inert.
 */
async function strings(): Promise<StringsByLng> {
  const el = document.getElementById(I18N_SCRIPT_ID) as HTMLScriptElement | null;
  const lng = el?.dataset.lng;
  const all = (window.__mbI18n ??= {});
  if (!el || !isLng(lng)) return { strings: all, versions: {} };
  if (!all[lng]) {
    await new Promise<void>((resolve) => {
      el.addEventListener("load", () => resolve());
      el.addEventListener("error", () => resolve());
    });
  }
  return { strings: window.__mbI18n ?? all, versions: { [lng]: new URL(el.src).searchParams.get("v") ?? "" } };
}

void strings().then((value) =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <StringsProvider value={value}>
          <RemixBrowser />
        </StringsProvider>
      </StrictMode>,
    );
  }),
);
