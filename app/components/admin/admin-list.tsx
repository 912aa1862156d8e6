import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { EmptyState, ScrollTable } from "~/components/ui/misc";
import { Pagination } from "~/components/ui/pagination";

/** The GET search form above an operator list (organisations, users, audit log); a reset link when given. */
export function AdminFilters({ submitLabel, reset, children }: { submitLabel: string; reset?: { to: string; label: string }; children: ReactNode }) {
  return (
    <Form method="get" className="admin-filters" role="search" style={{ marginBottom: 16 }}>
      {children}
      <div className="btn-row">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
        {reset ? (
          <Link to={reset.to} className="btn btn-ghost">
            {reset.label}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/**
 * A paged operator list: the count, then the table in a scrollable region
 * named after the page (or an empty state), then the page links.
 */
export function AdminTable({
  count,
  label,
  emptyTitle,
  empty,
  head,
  children,
  page,
  pageCount,
  testId,
}: {
  count: string;
  label: string;
  emptyTitle: string;
  empty: boolean;
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  page: number;
  pageCount: number;
  testId?: string;
}) {
  return (
    <>
      <p className="muted">{count}</p>
      {empty ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <ScrollTable label={label} head={head} testId={testId}>
          {children}
        </ScrollTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
