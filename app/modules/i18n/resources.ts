import enCommon from "~/locales/en/common.json";
import koCommon from "~/locales/ko/common.json";
import enAuth from "~/locales/en/auth.json";
import koAuth from "~/locales/ko/auth.json";
import enOrg from "~/locales/en/org.json";
import koOrg from "~/locales/ko/org.json";
import enAdmin from "~/locales/en/admin.json";
import koAdmin from "~/locales/ko/admin.json";
import enNeeds from "~/locales/en/needs.json";
import koNeeds from "~/locales/ko/needs.json";
import enApplications from "~/locales/en/applications.json";
import koApplications from "~/locales/ko/applications.json";

/**
 * Every namespace in both languages. Server-only in practice: the root loader
 * sends the browser just the active language (see root.tsx).
 * `resources.test.ts` fails when a key exists in one language only.
 */
export const resources = {
  ko: { common: koCommon, auth: koAuth, org: koOrg, admin: koAdmin, needs: koNeeds, applications: koApplications },
  en: { common: enCommon, auth: enAuth, org: enOrg, admin: enAdmin, needs: enNeeds, applications: enApplications },
} as const;

export const namespaces = Object.keys(resources.ko) as (keyof typeof resources.ko)[];
