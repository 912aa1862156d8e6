import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLng, isLng, LNG_COOKIE, supportedLngs, type Lng } from "./config";
import { resources } from "./resources";

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    searchParamKey: "lng",
    order: ["searchParams", "custom", "header"],
    // Our own cookie reader: a plain `lng=en` cookie set by the server
    // (scripts/lib/server.ts) whenever `?lng=` is in the URL.
    findLocale: async (request) => {
      const cookie = request.headers.get("Cookie") ?? "";
      const m = /(?:^|;\s*)lng=(ko|en)\b/.exec(cookie);
      return m ? m[1] : null;
    },
  },
});

export async function getLocale(request: Request): Promise<Lng> {
  const lng = await detector.getLocale(request);
  return isLng(lng) ? lng : fallbackLng;
}

const cache = new Map<Lng, TFunction>();

/** A translator for server-side text (e-mails, CSV headers, meta). */
export async function getFixedT(lng: Lng, ns: string = "common"): Promise<TFunction> {
  const key = lng;
  let base = cache.get(key);
  if (!base) {
    const inst = createInstance();
    await inst.init({ lng, fallbackLng, resources, ns: Object.keys(resources.ko), defaultNS: "common", interpolation: { escapeValue: false } });
    base = inst.t;
    cache.set(key, base);
  }
  const t = base;
  return ((k: string, o?: Record<string, unknown>) => t(k, { ns, ...o })) as unknown as TFunction;
}

export function lngCookieHeader(lng: Lng): string {
  return `${LNG_COOKIE}=${lng}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
