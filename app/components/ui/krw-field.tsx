import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatKrw } from "~/utils/format";
import { TextField } from "./field";

/**
 * A KRW amount typed as digits (commas, spaces and 원/₩ allowed), with the
 * amount read back in words under it as it is typed.
 */
export function KrwField(props: {
  label: string;
  id: string;
  name: string;
  defaultValue?: string;
  errors?: string[];
  hint: ReactNode;
  /** The read-back line for a formatted amount, e.g. "= 3억 원". */
  preview: (amount: string) => string;
}) {
  const { i18n } = useTranslation();
  const [value, setValue] = useState(props.defaultValue ?? "");
  const digits = value.replace(/[,\s원₩]/g, "");
  const preview = /^\d{1,15}$/.test(digits) ? props.preview(formatKrw(Number(digits), i18n.language)) : null;
  return (
    <TextField
      label={props.label}
      id={props.id}
      name={props.name}
      defaultValue={props.defaultValue}
      inputMode="numeric"
      onChange={(e) => setValue(e.currentTarget.value)}
      hint={
        <>
          {props.hint}
          {preview ? (
            <>
              {" "}
              <strong aria-live="polite">{preview}</strong>
            </>
          ) : null}
        </>
      }
      errors={props.errors}
    />
  );
}
