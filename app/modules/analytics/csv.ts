/**
 * CSV the way Korean offices open it: UTF-8 with a byte-order mark (Excel
 * otherwise reads Korean as mojibake), CRLF line ends, RFC 4180 quoting, and
 * text cells that a spreadsheet would run as a formula neutralised.
 */
export type CsvCell = string | number | null | undefined;

const BOM = "\uFEFF";

/** A text cell starting with = + - @ (or a tab / carriage return) would be a formula: prefix an apostrophe. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  // Numbers stay numbers (a negative number is not a formula).
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : neutralise(v.replace(/\u0000/g, ""));
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * Content-Disposition for a download named in Korean: an ASCII fallback for
 * old clients and the real name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_").replace(/_+/g, "_") || "export.csv";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
