/** Client-safe: notification kinds and the i18n key (namespace `applications`) that renders each. */
export const notificationKinds = ["application.new", "application.status", "message.new", "nda.accepted"] as const;
/** Meeting requests and deal pipeline: rendered from namespace `deals` (notify.*). */
export const dealNotificationKinds = ["meeting.requested", "meeting.accepted", "meeting.declined", "meeting.cancelled", "deal.passed", "deal.invested"] as const;
/** Moderation (operator hid / restored an item): rendered from namespace `admin` (notify.*). */
export const moderationNotificationKinds = ["moderation.hidden", "moderation.restored"] as const;
/** Pitch events: cohort announcements, rendered from namespace `events` (notify.*). */
export const eventNotificationKinds = ["event.selected", "event.not-selected"] as const;
/** Testbeds (가늠터) and certification verification: rendered from namespace `testbeds` (notify.*). */
export const testbedNotificationKinds = ["testbed.request.new", "testbed.request.status", "certification.verified"] as const;
export type NotificationKind =
  | (typeof notificationKinds)[number]
  | (typeof dealNotificationKinds)[number]
  | (typeof moderationNotificationKinds)[number]
  | (typeof eventNotificationKinds)[number]
  | (typeof testbedNotificationKinds)[number];

export type NotificationParams = Record<string, string | number>;

/** `application.status` has one text per status so every language can phrase it naturally. */
export function notificationKey(kind: string, params: NotificationParams): string {
  if (kind === "application.status" && typeof params.status === "string" && /^[a-z]+$/.test(params.status)) return `applications:notify.status.${params.status}`;
  if ((notificationKinds as readonly string[]).includes(kind)) return `applications:notify.${kind.replace(".", "_")}`;
  if (kind === "deal.passed" && typeof params.reason === "string" && /^[a-z-]+$/.test(params.reason)) return `deals:notify.deal_passed.${params.reason}`;
  if ((dealNotificationKinds as readonly string[]).includes(kind)) return `deals:notify.${kind.replace(".", "_")}`;
  if ((moderationNotificationKinds as readonly string[]).includes(kind)) return `admin:notify.${kind.replace(".", "_")}`;
  if ((eventNotificationKinds as readonly string[]).includes(kind)) return `events:notify.${kind.replace(/[.-]/g, "_")}`;
  if (kind === "testbed.request.status" && typeof params.status === "string" && /^[a-z-]+$/.test(params.status)) return `testbeds:notify.status.${params.status.replace("-", "_")}`;
  if (kind === "certification.verified" && typeof params.code === "string" && /^[a-z0-9-]+$/.test(params.code)) return `testbeds:notify.certVerified.${params.code}`;
  if ((testbedNotificationKinds as readonly string[]).includes(kind)) return `testbeds:notify.${kind.replace(/\./g, "_")}`;
  return "applications:notify.unknown";
}
