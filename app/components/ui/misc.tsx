import type { ReactNode } from "react";

export function Card({ children, className, ...rest }: { children: ReactNode; className?: string } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section className={["card", className].filter(Boolean).join(" ")} {...rest}>
      {children}
    </section>
  );
}

export type BadgeTone = "default" | "success" | "warn" | "danger" | "info";
export function Badge({ tone = "default", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={tone === "default" ? "badge" : `badge badge-${tone}`}>{children}</span>;
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "warn"; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

export function PageHead({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {actions ? <div className="btn-row">{actions}</div> : null}
    </div>
  );
}

/**
 * A data table in a focusable, scrollable region (wide tables scroll sideways
 * on phones), named by `label` or by the element `labelledBy` points at.
 */
export function ScrollTable({ label, labelledBy, head, children, testId }: { label?: string; labelledBy?: string; head: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
