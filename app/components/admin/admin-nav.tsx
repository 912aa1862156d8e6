import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TABS = [
  { to: "/admin/funnel", key: "funnel" },
  { to: "/admin", key: "verification", end: true },
  { to: "/admin/certifications", key: "certifications" },
  { to: "/admin/moderation", key: "moderation" },
  { to: "/admin/orgs", key: "orgs" },
  { to: "/admin/users", key: "users" },
  { to: "/admin/programs", key: "programs" },
  { to: "/admin/audit", key: "audit" },
] as const;

/** The operator console's tabs: wrap onto several lines on a phone, never hide one. */
export function AdminNav() {
  const { t } = useTranslation("admin");
  return (
    <nav className="admin-nav" aria-label={t("nav.label")}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={"end" in tab ? tab.end : false} prefetch="intent">
              {t(`nav.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
