import { useTranslation } from "react-i18next";
import { TextField } from "~/components/ui/field";

/** The PDF attachments input used by proposals and messages (the server checks signature and size). */
export function PdfFilesField({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("applications");
  return (
    <TextField label={t("fields.attachments")} id={id} name="attachments" type="file" accept="application/pdf,.pdf" multiple hint={t("apply.attachmentsHint")} errors={errors} />
  );
}
