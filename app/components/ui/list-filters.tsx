import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { EmptyState } from "./misc";
import { Pagination } from "./pagination";

/**
 * The filter card above a public list (needs, pitches, testbeds): a visually
 * hidden heading, the fields in a grid, then apply and reset.
 */
export function FilterPanel({
  titleId,
  title,
  applyLabel,
  resetLabel,
  resetTo,
  children,
}: {
  titleId: string;
  title: string;
  applyLabel: string;
  resetLabel: string;
  resetTo: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={titleId} style={{ marginBottom: 20 }}>
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      {/* A plain GET form: works without JavaScript and keeps the URL shareable. */}
      <Form method="get" role="search" aria-labelledby={titleId}>
        <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))", alignItems: "end" }}>
          {children}
          <div className="btn-row">
            <button type="submit" className="btn btn-primary">
              {applyLabel}
            </button>
            <Link to={resetTo}>{resetLabel}</Link>
          </div>
        </div>
      </Form>
    </section>
  );
}

/** The free-text search (`q`) across the whole first row of a FilterPanel, with its hint. */
export function SearchFilter({ id, label, hint, value }: { id: string; label: string; hint: string; value: string | undefined }) {
  return (
    <div className="field" style={{ gridColumn: "1 / -1" }}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" name="q" defaultValue={value} maxLength={100} aria-describedby={`${id}-hint`} />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/** A select in a FilterPanel; with `anyLabel`, an empty "any" option comes first. */
export function OptionFilter({
  id,
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel?: string;
  options: readonly { value: string | number; label: string }[];
  value: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Below a FilterPanel: the live count, the rows (or an empty state) and the page links. */
export function ListResults<T>({
  countLabel,
  rows,
  renderRow,
  emptyTitle,
  emptyBody,
  page,
  pageCount,
}: {
  countLabel: string;
  rows: readonly T[];
  renderRow: (row: T) => ReactNode;
  emptyTitle: string;
  emptyBody: string;
  page: number;
  pageCount: number;
}) {
  return (
    <>
      <p className="muted" role="status">
        {countLabel}
      </p>
      {rows.length ? <div className="stack">{rows.map(renderRow)}</div> : <EmptyState title={emptyTitle}>{emptyBody}</EmptyState>}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
