import { randomBytes } from "node:crypto";

/** URL slug from the ASCII part of a name ("루멘 Lumen Health" → "lumen-health"), else a short random one. */
export function slugBase(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return ascii.length >= 3 ? ascii : `org-${randomBytes(3).toString("hex")}`;
}
