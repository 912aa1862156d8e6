import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PitchStatusBadge, RoundBadge } from "~/components/pitches/pitch-bits";
import { Card } from "~/components/ui/misc";
import { formatKrw, localName } from "~/utils/format";

export type BookmarkItem = { id: string; title: string; status: string; round: string | null; ask_krw: number | null; org_name: string; org_name_en: string | null };

/** The investor's own bookmarks (per person). */
export function PitchBookmarks({ items }: { items: BookmarkItem[] }) {
  const { t, i18n } = useTranslation("pitches");
  const en = i18n.language === "en";
  return (
    <Card aria-labelledby="pitch-bookmarks-title">
      <h2 id="pitch-bookmarks-title">{t("dashboard.bookmarks")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("dashboard.noBookmarks")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {items.map((b) => (
            <li key={b.id}>
              <Link to={`/pitches/${b.id}`}>{b.title}</Link>
              <div className="tags">
                <span className="muted">{localName(en, b.org_name, b.org_name_en)}</span>
                <RoundBadge round={b.round} />
                {b.status !== "published" ? <PitchStatusBadge status={b.status} /> : null}
                <span className="muted">{formatKrw(b.ask_krw, i18n.language)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/pitches">{t("dashboard.browse")}</Link>
      </p>
    </Card>
  );
}
