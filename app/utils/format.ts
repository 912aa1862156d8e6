import { intlLocale } from "../modules/i18n/config";

/**
 * Intl formatters are costly to build (a list page formats dozens of dates and
 * amounts per render) and immutable once built: one per locale and options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, kind: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f =
      kind === "date"
        ? new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "Asia/Seoul" })
        : // 24-hour clock: Node's ICU writes "PM" where browsers write "오후", which broke
          // hydration and showed English in Korean pages; "13:31" reads the same everywhere.
          new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Seoul" });
    formatters.set(key, f);
  }
  return f;
}
function numberFormat(kind: "compactEn" | "ko"): Intl.NumberFormat {
  let f = formatters.get(kind) as Intl.NumberFormat | undefined;
  if (!f) {
    f = kind === "compactEn" ? new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }) : new Intl.NumberFormat("ko-KR");
    formatters.set(kind, f);
  }
  return f;
}

/** A count or figure with thousands separators and at most one decimal ("12,345.6"). */
export function formatNumber(n: number, lng: string): string {
  const locale = intlLocale(lng);
  const key = `decimal:${locale}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return f.format(n);
}

/**
 * KRW the way readers expect it: Korean "3억 원", "1억 5,000만 원", "5,000만 원";
 * English "KRW 300M". Amounts under 10,000 are written out in full.
 */
export function formatKrw(amount: number | null | undefined, lng: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  if (lng === "en") {
    return `KRW ${numberFormat("compactEn").format(amount)}`;
  }
  const n = Math.round(amount);
  const ko = numberFormat("ko");
  if (n < 10_000) return `${ko.format(n)}원`;
  const eok = Math.floor(n / 100_000_000);
  const man = Math.floor((n % 100_000_000) / 10_000);
  const parts: string[] = [];
  if (eok) parts.push(`${ko.format(eok)}억`);
  if (man) parts.push(`${ko.format(man)}만`);
  return `${parts.join(" ")} 원`;
}

export function formatKrwRange(min: number | null | undefined, max: number | null | undefined, lng: string): string {
  if (min == null && max == null) return "—";
  if (min != null && max != null) return min === max ? formatKrw(min, lng) : `${formatKrw(min, lng)} ~ ${formatKrw(max, lng)}`;
  return min != null ? (lng === "en" ? `from ${formatKrw(min, lng)}` : `${formatKrw(min, lng)} 이상`) : lng === "en" ? `up to ${formatKrw(max, lng)}` : `${formatKrw(max, lng)} 이하`;
}

export function formatDate(d: Date | string | null | undefined, lng: string): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return dateFormat(intlLocale(lng), "date").format(date);
}

export function formatDateTime(d: Date | string | null | undefined, lng: string): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return dateFormat(intlLocale(lng), "dateTime").format(date);
}

/**
 * A name for this reader: the English one for English readers where it was given.
 * `reader` is the language, or whether the reader reads English.
 */
export function localName(reader: string | boolean, name: string, nameEn?: string | null): string {
  return (reader === true || reader === "en") && nameEn ? nameEn : name;
}
