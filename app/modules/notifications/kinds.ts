/** Client-safe: notification kinds and the i18n key (namespace `applications`) that renders each. */
export const notificationKinds = ["application.new", "application.status", "message.new", "nda.accepted"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationParams = Record<string, string | number>;

/** `application.status` has one text per status so every language can phrase it naturally. */
export function notificationKey(kind: string, params: NotificationParams): string {
  if (kind === "application.status" && typeof params.status === "string" && /^[a-z]+$/.test(params.status)) return `applications:notify.status.${params.status}`;
  if ((notificationKinds as readonly string[]).includes(kind)) return `applications:notify.${kind.replace(".", "_")}`;
  return "applications:notify.unknown";
}
