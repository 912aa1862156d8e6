import type { Lng } from "~/modules/i18n/config";
import { resources } from "~/modules/i18n/resources";

/** The default NDA text in the author's language (used when the field is left empty). */
export function defaultNdaText(lng: Lng): string {
  return resources[lng].needs.nda.default;
}
