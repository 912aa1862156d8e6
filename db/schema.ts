import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Typed database schema. Every migration that changes a table changes this file too. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A STORED generated column: never written by the app. */
type GeneratedGrams = ColumnType<string[], never, never>;

export type OrgKind = "hospital" | "company" | "investor" | "operator";
export type OrgStatus = "pending" | "verified" | "rejected";
export type MemberRole = "owner" | "member";

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  kind: OrgKind;
  name: string;
  name_en: string | null;
  business_no: string | null;
  institution_type: string | null;
  description: Generated<string>;
  description_en: Generated<string>;
  website: string | null;
  region: string | null;
  growth_stage: string | null;
  products: Generated<string>;
  trl: number | null;
  thesis: Generated<string>;
  investor_type: string | null;
  council_member: Generated<boolean>;
  ticket_min_krw: number | null;
  ticket_max_krw: number | null;
  status: Generated<OrgStatus>;
  rejection_reason: string | null;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgTermsTable {
  org_id: string;
  kind: string;
  code: string;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface MembershipsTable {
  user_id: string;
  org_id: string;
  role: MemberRole;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  token_hash: string;
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_email: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_org_id: string | null;
  event: string;
  target_type: string | null;
  target_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  at: Timestamp;
}

export interface TaxonomyTermsTable {
  kind: string;
  code: string;
  label_ko: string;
  label_en: string;
  sort_order: number;
}

export type NeedStatus = "draft" | "open" | "closed" | "matched";
export type ApplicationStatus = "submitted" | "shortlisted" | "accepted" | "declined" | "withdrawn";
type NullableDateOnly = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ProgramCallsTable {
  id: Generated<string>;
  name: string;
  name_en: string | null;
  description: Generated<string>;
  eligibility: Generated<string>;
  budget_krw: number | null;
  starts_on: NullableDateOnly;
  ends_on: NullableDateOnly;
  status: Generated<"open" | "closed">;
  created_by: string | null;
  /** Idempotency token from the create form (migration 0009). */
  submission_id: string | null;
  created_at: Timestamp;
}

export interface NeedsTable {
  id: Generated<string>;
  org_id: string;
  author_id: string | null;
  status: Generated<NeedStatus>;
  title: string;
  summary: string;
  /** Confidential: only the owning hospital and companies that accepted this need's NDA. */
  details: Generated<string>;
  trl_min: number | null;
  trl_max: number | null;
  budget_min_krw: number | null;
  budget_max_krw: number | null;
  duration_months: number | null;
  deadline: NullableDateOnly;
  program_call_id: string | null;
  adoption_payer: Generated<string>;
  adoption_route: Generated<string>;
  adoption_reimbursement: Generated<string>;
  nda_version: Generated<number>;
  nda_text: Generated<string>;
  search_text: Generated<string>;
  /** Generated from search_text by the database (migration 0007); read only by search. */
  search_grams: GeneratedGrams;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  hidden_by: string | null;
  published_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  /** Idempotency token from the create form (unique per organisation). */
  submission_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NeedTermsTable {
  need_id: string;
  kind: string;
  code: string;
}

export interface NdaAcceptancesTable {
  id: Generated<string>;
  need_id: string;
  org_id: string;
  user_id: string;
  nda_version: number;
  accepted_at: Timestamp;
}

export interface ApplicationsTable {
  id: Generated<string>;
  need_id: string;
  company_org_id: string;
  submitted_by: string | null;
  status: Generated<ApplicationStatus>;
  approach: string;
  team: Generated<string>;
  trl: number | null;
  budget_krw: number | null;
  timeline: Generated<string>;
  decline_reason: string | null;
  decline_note: string | null;
  decided_at: NullableTimestamp;
  first_response_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  application_id: string;
  author_id: string | null;
  author_org_id: string;
  body: string;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  hidden_by: string | null;
  /** Idempotency token from the message form (unique per application). */
  submission_id: string | null;
  created_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  owner_org_id: string;
  uploaded_by: string | null;
  application_id: string | null;
  message_id: string | null;
  filename: string;
  storage_key: string;
  content_type: Generated<string>;
  size_bytes: number;
  sha256: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: Generated<string>;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export type PitchStatus = "draft" | "published" | "archived";
export type MeetingStatus = "pending" | "accepted" | "declined" | "cancelled";
export type DealStage = "watching" | "meeting" | "due-diligence" | "committed" | "invested" | "passed";
export type EventApplicationStatus = "applied" | "selected" | "not-selected" | "withdrawn";

export interface PitchesTable {
  id: Generated<string>;
  org_id: string;
  author_id: string | null;
  status: Generated<PitchStatus>;
  title: string;
  one_liner: string;
  problem: Generated<string>;
  solution: Generated<string>;
  market: Generated<string>;
  traction: Generated<string>;
  team: Generated<string>;
  ask_krw: number | null;
  round: string | null;
  trl: number | null;
  deck_attachment_id: string | null;
  search_text: Generated<string>;
  /** Generated from search_text by the database (migration 0007); read only by search. */
  search_grams: GeneratedGrams;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  hidden_by: string | null;
  published_at: NullableTimestamp;
  archived_at: NullableTimestamp;
  /** Idempotency token from the create form (migration 0009). */
  submission_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PitchTermsTable {
  pitch_id: string;
  kind: string;
  code: string;
}

export interface PitchBookmarksTable {
  user_id: string;
  pitch_id: string;
  org_id: string;
  created_at: Timestamp;
}

export interface PitchViewsTable {
  pitch_id: string;
  org_id: string;
  day: ColumnType<Date, Date | string | undefined, Date | string>;
  first_at: Timestamp;
}

export interface MeetingRequestsTable {
  id: Generated<string>;
  pitch_id: string;
  company_org_id: string;
  investor_org_id: string;
  requested_by: string | null;
  message: Generated<string>;
  slot_1: ColumnType<Date, Date | string, Date | string>;
  slot_2: NullableTimestamp;
  slot_3: NullableTimestamp;
  duration_minutes: Generated<number>;
  location: Generated<string>;
  status: Generated<MeetingStatus>;
  accepted_slot: number | null;
  decline_reason: string | null;
  decline_note: string | null;
  responded_by: string | null;
  responded_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface DealsTable {
  id: Generated<string>;
  investor_org_id: string;
  pitch_id: string;
  company_org_id: string;
  stage: Generated<DealStage>;
  committed_krw: number | null;
  invested_krw: number | null;
  invested_on: NullableDateOnly;
  pass_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DealStageChangesTable {
  id: Generated<number>;
  deal_id: string;
  from_stage: DealStage | null;
  to_stage: DealStage;
  changed_by: string | null;
  at: Timestamp;
}

/** Private to the investor organisation. */
export interface DealNotesTable {
  id: Generated<string>;
  deal_id: string;
  author_id: string | null;
  body: string;
  /** Idempotency token from the create form (migration 0009). */
  submission_id: string | null;
  created_at: Timestamp;
}

export interface PitchEventsTable {
  id: Generated<string>;
  name: string;
  name_en: string | null;
  description: Generated<string>;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  place: Generated<string>;
  online: Generated<boolean>;
  stage_focus: Generated<string>;
  apply_opens_on: ColumnType<Date, Date | string, Date | string>;
  apply_closes_on: ColumnType<Date, Date | string, Date | string>;
  cohort_size: number | null;
  status: Generated<"draft" | "open" | "closed">;
  created_by: string | null;
  /** Idempotency token from the create form (migration 0009). */
  submission_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventApplicationsTable {
  id: Generated<string>;
  event_id: string;
  pitch_id: string;
  company_org_id: string;
  applied_by: string | null;
  status: Generated<EventApplicationStatus>;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface EventInvestorsTable {
  event_id: string;
  user_id: string;
  org_id: string;
  registered_at: Timestamp;
}

/** The founder sees averages and comments, never the rater. */
export interface EventRatingsTable {
  id: Generated<string>;
  event_id: string;
  pitch_id: string;
  rater_user_id: string;
  rater_org_id: string;
  team: number;
  technology: number;
  market: number;
  comment: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TestbedRequestStatus = "requested" | "approved" | "declined" | "in-progress" | "completed" | "withdrawn";
export type CertificationStatus = "planned" | "in-progress" | "obtained";

export interface TestbedOffersTable {
  id: Generated<string>;
  org_id: string;
  author_id: string | null;
  status: Generated<"draft" | "open" | "closed">;
  title: string;
  department: Generated<string>;
  description: Generated<string>;
  equipment: Generated<string>;
  capacity: number | null;
  period_start: NullableDateOnly;
  period_end: NullableDateOnly;
  irb_status: Generated<string>;
  cost_support: Generated<string>;
  search_text: Generated<string>;
  /** Generated from search_text by the database (migration 0007); read only by search. */
  search_grams: GeneratedGrams;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  hidden_by: string | null;
  published_at: NullableTimestamp;
  /** Idempotency token from the create form (migration 0009). */
  submission_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TestbedOfferTermsTable {
  offer_id: string;
  kind: string;
  code: string;
}

export interface TestbedRequestsTable {
  id: Generated<string>;
  offer_id: string;
  hospital_org_id: string;
  company_org_id: string;
  requested_by: string | null;
  plan: string;
  preferred_start: NullableDateOnly;
  status: Generated<TestbedRequestStatus>;
  decline_reason: string | null;
  decline_note: string | null;
  outcome: string | null;
  decided_at: NullableTimestamp;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  confirmed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrackRecordsTable {
  id: Generated<string>;
  org_id: string;
  kind: Generated<string>;
  testbed_request_id: string | null;
  hospital_org_id: string | null;
  title: string;
  outcome: Generated<string>;
  completed_on: ColumnType<Date, Date | string, Date | string>;
  verified_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface OrgCertificationsTable {
  id: Generated<string>;
  org_id: string;
  code: string;
  status: CertificationStatus;
  status_on: NullableDateOnly;
  note: Generated<string>;
  evidence_attachment_id: string | null;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row (id 1): bumped by triggers on every write to what anonymous pages show (migration 0007). */
export interface PageGenerationTable {
  id: number;
  n: number;
}

export type MatchFitKind = "need-company" | "pitch-investor";

/** One stored match (migration 0008): left = need or pitch, right = company or investor organisation. */
export interface MatchFitsTable {
  kind: MatchFitKind;
  left_id: string;
  right_id: string;
  /** The shown 0–100 score (one decimal). */
  score: number;
  /** `FitDetail` (app/modules/matching/fits.server.ts): parts and suggestions in ko and en. */
  parts: ColumnType<unknown, string, string>;
  computed_at: Timestamp;
  /** sha1 of the content as written (score and parts); null on rows written before migration 0010. */
  digest: string | null;
}

export interface Database {
  page_generation: PageGenerationTable;
  match_fits: MatchFitsTable;
  organizations: OrganizationsTable;
  org_terms: OrgTermsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_reset_tokens: PasswordResetTokensTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  taxonomy_terms: TaxonomyTermsTable;
  program_calls: ProgramCallsTable;
  needs: NeedsTable;
  need_terms: NeedTermsTable;
  nda_acceptances: NdaAcceptancesTable;
  applications: ApplicationsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  notifications: NotificationsTable;
  pitches: PitchesTable;
  pitch_terms: PitchTermsTable;
  pitch_bookmarks: PitchBookmarksTable;
  pitch_views: PitchViewsTable;
  meeting_requests: MeetingRequestsTable;
  deals: DealsTable;
  deal_stage_changes: DealStageChangesTable;
  deal_notes: DealNotesTable;
  pitch_events: PitchEventsTable;
  event_applications: EventApplicationsTable;
  event_investors: EventInvestorsTable;
  event_ratings: EventRatingsTable;
  testbed_offers: TestbedOffersTable;
  testbed_offer_terms: TestbedOfferTermsTable;
  testbed_requests: TestbedRequestsTable;
  track_records: TrackRecordsTable;
  org_certifications: OrgCertificationsTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
