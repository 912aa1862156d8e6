import { useTranslation } from "react-i18next";
import { termLabel, type TaxonomyKind, type Term } from "~/modules/taxonomy/vocabulary";
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

/** A list filter over vocabulary terms: "any" first, labels in the reader's language. */
export function TermSelect({ id, name, label, anyLabel, terms, value }: { id: string; name: string; label: string; anyLabel: string; terms: Term[]; value: string | undefined }) {
  const { i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {terms.map((x) => (
          <option key={x.code} value={x.code}>
            {i18n.language === "en" ? x.label.en : x.label.ko}
          </option>
        ))}
      </select>
    </div>
  );
}
