import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Page links that keep the other query parameters (filters, search). */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const sp = new URLSearchParams(location.search);
    sp.set("page", String(p));
    return `${location.pathname}?${sp.toString()}`;
  };
  const pages: number[] = [];
  for (let p = Math.max(1, page - 2); p <= Math.min(pageCount, page + 2); p++) pages.push(p);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? <a href={href(page - 1)}>{t("pagination.prev")}</a> : null}
      {pages.map((p) =>
        p === page ? (
          <span key={p} aria-current="page">
            {p}
          </span>
        ) : (
          <a key={p} href={href(p)} aria-label={t("pagination.page", { page: p })}>
            {p}
          </a>
        ),
      )}
      {page < pageCount ? <a href={href(page + 1)}>{t("pagination.next")}</a> : null}
    </nav>
  );
}
