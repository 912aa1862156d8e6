import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/misc";
import { statusTone, type ApplicationStatusCode } from "~/modules/applications/status-options";

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("applications");
  const tone = statusTone[status as ApplicationStatusCode] ?? "default";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}
