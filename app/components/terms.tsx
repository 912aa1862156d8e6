import { useTranslation } from "react-i18next";
import { termLabel, type TaxonomyKind, type Term } from "~/modules/taxonomy/vocabulary";
import { ChoiceField } from "./ui/field";
import { OptionFilter } from "./ui/list-filters";
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
  const en = i18n.language === "en";
  return <OptionFilter id={id} name={name} label={label} anyLabel={anyLabel} options={terms.map((x) => ({ value: x.code, label: en ? x.label.en : x.label.ko }))} value={value} />;
}

const asList = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);

/** Checkboxes over vocabulary terms bound to a Conform field: the ticked ones stay ticked after a failed submit. */
export function TermChoiceField({
  label,
  terms,
  field,
  errors,
  hint,
}: {
  label: string;
  terms: Term[];
  field: { name: string; initialValue?: unknown };
  errors: string[] | undefined;
  hint?: string;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <ChoiceField
      label={label}
      name={field.name}
      options={terms.map((x) => ({ value: x.code, label: en ? x.label.en : x.label.ko }))}
      defaultValue={asList(field.initialValue)}
      hint={hint}
      errors={errors}
    />
  );
}
