import { useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type Variant = "primary" | "danger" | "ghost" | "default";

export function Button({ variant = "default", size, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" }) {
  const cls = ["btn", variant !== "default" ? `btn-${variant}` : "", size ? `btn-${size}` : "", className ?? ""].filter(Boolean).join(" ");
  return <button className={cls} {...rest} />;
}

/**
 * A submit button that shows a pending label while its form is submitting,
 * and ignores a second click (double submit) until the server answers.
 */
export function SubmitButton({ children, pendingText, name, value, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pendingText: ReactNode; size?: "sm" }) {
  const nav = useNavigation();
  const pending = nav.state === "submitting" && (name === undefined || nav.formData?.get(name) === value);
  return (
    <Button type="submit" name={name} value={value} aria-disabled={pending || undefined} disabled={pending} {...rest}>
      {pending ? pendingText : children}
    </Button>
  );
}
