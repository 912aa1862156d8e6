import type { OrgKind } from "../../../db/schema";

/** Who is looking, as the visibility rules of needs, pitches and testbeds ask it. */
export type OrgViewer = { userId: string; orgId: string; orgKind: OrgKind; orgStatus: string };

/** The signed-in user as a viewer. */
export function viewerOf(user: { id: string; org: { id: string; kind: OrgKind; status: string } }): OrgViewer {
  return { userId: user.id, orgId: user.org.id, orgKind: user.org.kind, orgStatus: user.org.status };
}
