import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";

export function CallPeriod({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { i18n } = useTranslation();
  if (!startsOn && !endsOn) return <>—</>;
  const f = (d: string | null) => (d ? formatDate(`${d}T00:00:00+09:00`, i18n.language) : "");
  return (
    <>
      {f(startsOn)} ~ {f(endsOn)}
    </>
  );
}
