import { useTranslation } from "react-i18next";

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Download links; /files/:id checks the reader's organisation again. */
export function FileList({ files }: { files: { id: string; filename: string; sizeBytes: number }[] }) {
  const { t } = useTranslation("applications");
  return (
    <ul>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/files/${f.id}`} download aria-label={t("detail.download", { name: f.filename })}>
            {f.filename}
          </a>{" "}
          <span className="muted">({size(f.sizeBytes)})</span>
        </li>
      ))}
    </ul>
  );
}
