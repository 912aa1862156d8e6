import enCommon from "~/locales/en/common.json";
import koCommon from "~/locales/ko/common.json";
import enAuth from "~/locales/en/auth.json";
import koAuth from "~/locales/ko/auth.json";
import enOrg from "~/locales/en/org.json";
import koOrg from "~/locales/ko/org.json";
import enAdmin from "~/locales/en/admin.json";
import koAdmin from "~/locales/ko/admin.json";

/**
 * Every namespace in both languages. Server-only in practice: the root loader
 * sends the browser just the active language (see root.tsx).
 * `resources.test.ts` fails when a key exists in one language only.
 */
export const resources = {
  ko: { common: koCommon, auth: koAuth, org: koOrg, admin: koAdmin },
  en: { common: enCommon, auth: enAuth, org: enOrg, admin: enAdmin },
} as const;

export const namespaces = Object.keys(resources.ko) as (keyof typeof resources.ko)[];
