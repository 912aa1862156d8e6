import type { DB } from "../../../db/client";

export type AuditEvent =
  | "login.ok"
  | "login.failed"
  | "login.throttled"
  | "logout"
  | "signup"
  | "password.changed"
  | "password.reset.requested"
  | "password.reset"
  | "org.verified"
  | "org.rejected"
  | "org.profile.updated"
  | "member.invited"
  | "member.joined"
  | "member.removed"
  | "role.changed"
  | "user.disabled"
  | "nda.accepted"
  | "confidential.viewed"
  | "pitch.deck.download"
  | "certification.verified"
  | "certification.unverified"
  | "certification.evidence.download"
  | "export"
  | "content.hidden"
  | "content.restored"
  | "user.enabled"
  | "event.created"
  | "event.updated"
  | "event.closed"
  | "event.reopened"
  | "event.application.decided"
  | "event.cohort.announced";

export type AuditEntry = {
  event: AuditEvent;
  actorUserId?: string | null;
  actorOrgId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Security events with who, which organisation, what and when (UTC, by the database). */
export async function audit(db: DB, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      event: e.event,
      actor_user_id: e.actorUserId ?? null,
      actor_org_id: e.actorOrgId ?? null,
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
      ip: e.ip ?? null,
    })
    .execute();
}
