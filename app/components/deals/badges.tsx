import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/misc";
import { meetingTone, stageTone, type DealStageCode, type MeetingStatusCode } from "~/modules/deals/deal-options";

export function StageBadge({ stage }: { stage: DealStageCode }) {
  const { t } = useTranslation("deals");
  return <Badge tone={stageTone[stage]}>{t(`stages.${stage}`)}</Badge>;
}

export function MeetingStatusBadge({ status }: { status: MeetingStatusCode }) {
  const { t } = useTranslation("deals");
  return <Badge tone={meetingTone[status]}>{t(`meetingStatus.${status}`)}</Badge>;
}
