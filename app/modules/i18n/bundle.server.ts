import { createHash } from "node:crypto";
import { supportedLngs, type Lng } from "./config";
import { resources } from "./resources";
import type { StringsByLng } from "./strings";

/**
 * Each language's strings as one script (see strings.ts), built once per
 * process. The version is a hash of the script itself, so a deploy that
 * changes a string changes the URL and no browser keeps an old copy.
 */
type Bundle = { body: string; version: string };
const bundles = new Map<Lng, Bundle>(
  supportedLngs.map((lng) => {
    const body = `(self.__mbI18n=self.__mbI18n||{})[${JSON.stringify(lng)}]=${JSON.stringify(resources[lng])};\n`;
    return [lng, { body, version: createHash("sha256").update(body).digest("hex").slice(0, 16) }];
  }),
);

export function i18nBundle(lng: Lng): Bundle {
  return bundles.get(lng)!;
}

/** What the server render reads: every language's resources in process, and each script's version. */
export const serverStrings: StringsByLng = {
  strings: resources,
  versions: Object.fromEntries(supportedLngs.map((lng) => [lng, bundles.get(lng)!.version])),
};
