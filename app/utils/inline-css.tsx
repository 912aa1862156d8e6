import { createContext, useContext } from "react";

/**
 * The app's stylesheet, inlined in the page instead of linked.
 *
 * It is small (≈ 3 KB gzipped), and a linked stylesheet is a request the
 * browser must finish before it paints anything: on a slow mobile connection
 * that is a round trip or two before the first paint. The server reads the
 * built file once (entry.server.tsx provides the reader); the browser renders
 * the same text it finds in the page, so hydration changes nothing. Without a
 * reader, or for a file too big to inline, it stays a normal link.
 */
export type CssReader = (href: string) => string | null;
const CssReaderContext = createContext<CssReader | null>(null);
export const CssReaderProvider = CssReaderContext.Provider;

/** Above this many bytes a stylesheet is linked (then the browser's cache pays off). */
export const INLINE_CSS_MAX_BYTES = 30_000;

const seen = new Map<string, string | null>();
function fromPage(href: string): string | null {
  if (!seen.has(href)) {
    const el = Array.from(document.querySelectorAll("style[data-href]")).find((s) => s.getAttribute("data-href") === href);
    seen.set(href, el ? el.textContent : null);
  }
  return seen.get(href)!;
}

export function Stylesheet({ href }: { href: string }) {
  const read = useContext(CssReaderContext);
  const css = read ? read(href) : typeof document === "undefined" ? null : fromPage(href);
  if (css === null) return <link rel="stylesheet" href={href} />;
  return <style data-href={href} dangerouslySetInnerHTML={{ __html: css }} />;
}
