import { intlLocale } from "../modules/i18n/config";

/**
 * KRW the way readers expect it: Korean "3억 원", "1억 5,000만 원", "5,000만 원";
 * English "KRW 300M". Amounts under 10,000 are written out in full.
 */
export function formatKrw(amount: number | null | undefined, lng: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  if (lng === "en") {
    return `KRW ${new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(amount)}`;
  }
  const n = Math.round(amount);
  if (n < 10_000) return `${n.toLocaleString("ko-KR")}원`;
  const eok = Math.floor(n / 100_000_000);
  const man = Math.floor((n % 100_000_000) / 10_000);
  const parts: string[] = [];
  if (eok) parts.push(`${eok.toLocaleString("ko-KR")}억`);
  if (man) parts.push(`${man.toLocaleString("ko-KR")}만`);
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
  return new Intl.DateTimeFormat(intlLocale(lng), { year: "numeric", month: "short", day: "numeric", timeZone: "Asia/Seoul" }).format(date);
}

export function formatDateTime(d: Date | string | null | undefined, lng: string): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  // 24-hour clock: Node's ICU writes "PM" where browsers write "오후", which broke
  // hydration and showed English in Korean pages; "13:31" reads the same everywhere.
  return new Intl.DateTimeFormat(intlLocale(lng), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Seoul",
  }).format(date);
}
