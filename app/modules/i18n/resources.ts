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
import enPitches from "~/locales/en/pitches.json";
import koPitches from "~/locales/ko/pitches.json";
import enEvents from "~/locales/en/events.json";
import koEvents from "~/locales/ko/events.json";
import enDeals from "~/locales/en/deals.json";
import koDeals from "~/locales/ko/deals.json";
import enTestbeds from "~/locales/en/testbeds.json";
import koTestbeds from "~/locales/ko/testbeds.json";

/**
 * Every namespace in both languages. Server-only in practice: the browser
 * loads just the active language, as a script (see strings.ts, bundle.server.ts).
 * `resources.test.ts` fails when a key exists in one language only.
 */
export const resources = {
  ko: { common: koCommon, auth: koAuth, org: koOrg, admin: koAdmin, needs: koNeeds, applications: koApplications, pitches: koPitches, events: koEvents, deals: koDeals, testbeds: koTestbeds },
  en: { common: enCommon, auth: enAuth, org: enOrg, admin: enAdmin, needs: enNeeds, applications: enApplications, pitches: enPitches, events: enEvents, deals: enDeals, testbeds: enTestbeds },
} as const;

export const namespaces = Object.keys(resources.ko) as (keyof typeof resources.ko)[];
