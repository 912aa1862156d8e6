import { readFileSync } from "node:fs";
import path from "node:path";
import { INLINE_CSS_MAX_BYTES, type CssReader } from "./inline-css";

const cache = new Map<string, string | null>();

/** Built stylesheets (`/build/…css`, hashed so they never change) read once from public/; null → link it instead. */
export const readBuiltCss: CssReader = (href) => {
  if (cache.has(href)) return cache.get(href)!;
  let css: string | null = null;
  if (/^\/build\/[\w./-]+\.css$/.test(href) && !href.includes("..")) {
    try {
      const text = readFileSync(path.resolve("public", `.${href}`), "utf8");
      if (Buffer.byteLength(text) <= INLINE_CSS_MAX_BYTES && !/<\/style/i.test(text)) css = text;
    } catch {
      css = null;
    }
  }
  cache.set(href, css);
  return css;
};
