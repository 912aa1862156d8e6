import { useTranslation } from "react-i18next";

/** Field errors are i18n keys (validation.*); this turns them into the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (errors: string[] | undefined | null) => (errors?.length ? errors.map((e) => t(e)) : undefined);
}
