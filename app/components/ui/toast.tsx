import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export type ToastData = { key: string; params?: Record<string, string | number>; kind: "success" | "error" | "info" };

export function ToastView({ toast }: { toast: ToastData }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  useEffect(() => setOpen(true), [toast]);
  if (!open) return null;
  return (
    <div className={`toast toast-${toast.kind}`} role="status" aria-live="polite">
      {t(toast.key, toast.params)}
      <button type="button" onClick={() => setOpen(false)} aria-label={t("actions.close")}>
        ×
      </button>
    </div>
  );
}
