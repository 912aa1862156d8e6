import { useTranslation } from "react-i18next";
import { termLabel, type TaxonomyKind } from "~/modules/taxonomy/vocabulary";
import { Badge } from "./ui/misc";

/** Vocabulary codes shown as badges in the reader's language. */
export function TermBadges({ kind, codes, tone = "info" }: { kind: TaxonomyKind; codes: string[] | undefined; tone?: "info" | "success" | "default" }) {
  const { i18n } = useTranslation();
  if (!codes?.length) return null;
  return (
    <span className="tags">
      {codes.map((c) => (
        <Badge key={c} tone={tone}>
          {termLabel(kind, c, i18n.language)}
        </Badge>
      ))}
    </span>
  );
}
