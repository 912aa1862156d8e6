import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "~/root";

function LangSwitch() {
  const { i18n, t } = useTranslation();
  const location = useLocation();
  const href = (lng: string) => {
    const sp = new URLSearchParams(location.search);
    sp.set("lng", lng);
    return `${location.pathname}?${sp.toString()}`;
  };
  return (
    <nav className="lang-switch" aria-label={t("nav.language")}>
      <a href={href("ko")} hrefLang="ko" lang="ko" aria-current={i18n.language === "ko" ? "true" : undefined}>
        한국어
      </a>
      <a href={href("en")} hrefLang="en" lang="en" aria-current={i18n.language === "en" ? "true" : undefined}>
        English
      </a>
    </nav>
  );
}

/**
 * On a phone the main navigation scrolls sideways; bring the current section
 * into view (it was often off-screen, e.g. 대시보드 or 관리 at the end).
 */
function useCurrentNavItemInView() {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const nav = ref.current;
    const current = nav?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
    const left = current.getBoundingClientRect().left - nav.getBoundingClientRect().left + nav.scrollLeft;
    if (left < nav.scrollLeft || left + current.offsetWidth > nav.scrollLeft + nav.clientWidth) {
      nav.scrollLeft = Math.max(0, left - (nav.clientWidth - current.offsetWidth) / 2);
    }
  }, [pathname]);
  return ref;
}

export function SiteHeader() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const me = data?.me ?? null;
  const navRef = useCurrentNavItemInView();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container bar">
        <Link to="/" className="brand" aria-label={t("brand.home")}>
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span>
            {t("brand.name")} <small>{t("brand.tagline")}</small>
          </span>
        </Link>
        <nav className="nav" aria-label={t("nav.main")} ref={navRef}>
          {/* Sections join this list as their issues land (pitches, testbeds, events). */}
          <NavLink to="/needs">{t("nav.needs")}</NavLink>
          {me && (me.org.kind === "hospital" || me.org.kind === "company") ? <NavLink to="/applications">{t("nav.applications")}</NavLink> : null}
          {me && (me.org.kind === "investor" || me.org.kind === "company" || me.org.kind === "operator") ? <NavLink to="/pitches">{t("pitches:nav.pitches")}</NavLink> : null}
          <NavLink to="/testbeds">{t("testbeds:nav")}</NavLink>
          <NavLink to="/events">{t("events:nav")}</NavLink>
          {me && (me.org.kind === "company" || me.org.kind === "investor") ? <NavLink to="/meetings">{t("deals:nav.meetings")}</NavLink> : null}
          {me?.org.kind === "investor" && me.org.status === "verified" ? <NavLink to="/pipeline">{t("deals:nav.pipeline")}</NavLink> : null}
          {me ? <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink> : null}
          {me?.org.kind === "operator" ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
        </nav>
        <div className="header-actions">
          <LangSwitch />
          {me ? (
            <>
              <Link to="/notifications" className="btn btn-sm btn-ghost" aria-label={t("applications:notifications.bellLabel", { count: data?.unread ?? 0 })}>
                {t("applications:notifications.bell", { count: data?.unread ?? 0 })}
              </Link>
              <span className="user-chip">
                {me.name} · {me.org.name}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="btn btn-sm">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className="btn btn-sm btn-ghost">
                {t("nav.login")}
              </Link>
              <Link to="/signup" className="btn btn-sm btn-primary">
                {t("nav.signup")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>© 2026 MediBridge · {t("footer.contact")}</p>
      </div>
    </footer>
  );
}
