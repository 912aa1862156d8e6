import { createContext, useContext } from "react";
import type { Lng } from "./config";

/**
 * The UI strings of each language, out of the page payload.
 *
 * The server renders with the in-process resources (entry.server.tsx provides
 * them). The browser gets the active language as a separate script,
 * `/i18n/<lng>?v=<hash of its content>`, cached for a year and immutable, so a
 * page's HTML and `.data` carry only the language and the hash, not ≈55 KB of
 * strings per request. entry.client.tsx waits for that script before it
 * hydrates, so the first render in the browser has the same strings as the
 * server's.
 */
export type Strings = Record<string, Record<string, unknown>>;
export type StringsByLng = { strings: Partial<Record<Lng, Strings>>; versions: Partial<Record<Lng, string>> };

declare global {
  interface Window {
    /** Set by the `/i18n/<lng>` script: that language's namespaces. */
    __mbI18n?: Partial<Record<Lng, Strings>>;
  }
}

export const I18N_SCRIPT_ID = "mb-i18n";
export const i18nScriptSrc = (lng: Lng, version: string) => `/i18n/${lng}?v=${version}`;

const StringsContext = createContext<StringsByLng>({ strings: {}, versions: {} });
export const StringsProvider = StringsContext.Provider;
export const useStrings = () => useContext(StringsContext);
