/** Client-safe i18n configuration shared by server and browser. */
export const supportedLngs = ["ko", "en"] as const;
export type Lng = (typeof supportedLngs)[number];
export const fallbackLng: Lng = "ko";
export const LNG_COOKIE = "lng";

export function isLng(v: unknown): v is Lng {
  return v === "ko" || v === "en";
}

export function intlLocale(lng: string): string {
  return lng === "en" ? "en-US" : "ko-KR";
}
