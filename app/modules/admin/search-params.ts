/** Reading an operator list's query string: anything malformed falls back to the default. */

/** A free-text filter: NUL bytes dropped (PostgreSQL refuses them), trimmed, at most 100 characters. */
export function searchText(sp: URLSearchParams, key: string) {
  return (sp.get(key) ?? "").replace(/\u0000/g, "").trim().slice(0, 100);
}

/** The `page` parameter as a page number from 1; anything else is page 1. */
export function pageParam(sp: URLSearchParams) {
  const page = Number(sp.get("page"));
  return Number.isInteger(page) && page > 0 && page < 100000 ? page : 1;
}
