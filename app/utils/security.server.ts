/**
 * Security in one visible place: response headers with a nonce-based CSP, and
 * the Origin check for every state-changing request. Cookie attributes live in
 * app/modules/auth/session.server.ts; rate limits in app/utils/rate-limit.server.ts.
 */

export function securityHeaders(nonce: string, mode: "production" | "development"): Map<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${mode === "development" ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${mode === "development" ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return new Map([
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  ]);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginInput = {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  /** The request carries a session cookie (someone is signed in). */
  hasSession?: boolean;
};

/**
 * CSRF defence. A browser always sends Origin on a POST (and Sec-Fetch-Site),
 * so a cross-site form or fetch is refused. A signed-in request (session
 * cookie) that carries none of Origin, Referer or Sec-Fetch-Site is refused
 * too: whatever strips them, it must not act on someone's session. Without a
 * session (sign-in, sign-up, password reset by a script) such a request has
 * no one to act for and is let through; see the README decision "CSRF".
 */
export function originCheck(input: OriginInput): { ok: true } | { ok: false; reason: string } {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (!input.host) return { ok: false, reason: "no-host" };
  const sameHost = (url: string) => {
    try {
      return new URL(url).host === input.host;
    } catch {
      return false;
    }
  };
  if (input.origin && input.origin !== "null") {
    return sameHost(input.origin) ? { ok: true } : { ok: false, reason: "origin-mismatch" };
  }
  if (input.origin === "null") return { ok: false, reason: "origin-null" };
  if (input.referer) {
    return sameHost(input.referer) ? { ok: true } : { ok: false, reason: "referer-mismatch" };
  }
  if (input.secFetchSite && input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") {
    return { ok: false, reason: "sec-fetch-site" };
  }
  if (input.secFetchSite) return { ok: true };
  return input.hasSession ? { ok: false, reason: "no-origin-with-session" } : { ok: true };
}
