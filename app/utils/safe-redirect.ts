/**
 * Only same-site paths are followed after sign-in: `//evil.example`,
 * `https://…` and backslash tricks fall back to `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (!to || typeof to !== "string") return fallback;
  const v = to.trim();
  if (!v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\") || v.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(v)) return fallback;
  return v;
}
