import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId } from "react";

type Common = { label: ReactNode; name: string; errors?: string[] | null; hint?: ReactNode };

function describedBy(id: string, hint: ReactNode, errors?: string[] | null) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] | null }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its hint and error message next to it. */
export function TextField({ label, name, errors, hint, id: givenId, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input type="text" {...rest} id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextAreaField({ label, name, errors, hint, id: givenId, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea {...rest} id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  placeholder,
  id: givenId,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select {...rest} id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A group of checkboxes or radios inside a fieldset with a legend. */
export function ChoiceField({
  label,
  name,
  errors,
  hint,
  options,
  type = "checkbox",
  defaultValue,
}: Common & { options: { value: string; label: string }[]; type?: "checkbox" | "radio"; defaultValue?: string[] | string | null }) {
  const id = useId();
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset className="field" aria-describedby={describedBy(id, hint, errors)} aria-invalid={errors?.length ? true : undefined}>
      <legend>{label}</legend>
      <div className="choices">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type={type} name={name} value={o.value} defaultChecked={selected.has(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="form-error" role="alert">
      {children}
    </div>
  );
}

type ConformMeta = { id: string; name: string; initialValue?: unknown; errors?: string[] };

/**
 * Props for our field components from a Conform field: id, name and the value
 * last typed (kept after a failed submit). Errors are passed separately so
 * they can be translated.
 */
export function conformField(meta: ConformMeta) {
  return {
    id: meta.id,
    name: meta.name,
    defaultValue: typeof meta.initialValue === "string" ? meta.initialValue : undefined,
  };
}
