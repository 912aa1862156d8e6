import { Link } from "@remix-run/react";

/** A row of links that switch a list's view; the current one is a primary button with aria-current="page". */
export function TabLinks<K extends string>({
  label,
  className = "btn-row",
  tabs,
  current,
}: {
  label: string;
  className?: string;
  tabs: readonly { key: K; to: string; label: string }[];
  current: K;
}) {
  return (
    <nav className={className} aria-label={label} style={{ marginBottom: 16 }}>
      {tabs.map((tab) => (
        <Link key={tab.key} to={tab.to} className={tab.key === current ? "btn btn-sm btn-primary" : "btn btn-sm"} aria-current={tab.key === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
