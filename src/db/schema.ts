import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

// Table types for Kysely, kept beside the migrations in src/db/migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type RegionTable = { id: string; name: string };

export type InstantieKind = 'gemeente' | 'uwv' | 'sw_bedrijf';
export type InstantieTable = {
  id: string;
  name: string;
  kind: InstantieKind;
  region_id: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
};

export type Role = 'kandidaat' | 'werkgever' | 'consulent' | 'beheerder' | 'auditor';
export type MembershipTable = {
  id: Generated<string>;
  user_id: string;
  role: Role;
  instantie_id: string | null;
  employer_id: string | null;
  created_at: Generated<Date>;
};

export type PsoLevel = 'geen' | 'aspirant' | 'basistrede' | 'trede_1' | 'trede_2' | 'trede_3';
export type EmployerTable = {
  id: Generated<string>;
  name: string;
  kvk_number: string;
  sector: string;
  pso_level: ColumnType<PsoLevel, PsoLevel | undefined, PsoLevel>;
  pso_evidence_date: ColumnType<string | null, string | null | undefined, string | null>;
  code_sociale_ondernemingen: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EmployerLocationTable = { id: Generated<string>; employer_id: string; name: string; postcode: string };

export type EmployerCategory = 'preferred' | 'committed' | 'business_as_usual';
export type EmployerCategoryTable = {
  employer_id: string;
  instantie_id: string;
  category: EmployerCategory;
  since: Timestamp;
};
export type EmployerCategoryChangeTable = {
  id: Generated<string>;
  employer_id: string;
  instantie_id: string;
  from_category: EmployerCategory | null;
  to_category: EmployerCategory;
  reason: string;
  decided_by: string;
  decided_at: Timestamp;
};

export type RegieLevel = 'zelf' | 'samen' | 'begeleid';
export type Availability = 'beschikbaar' | 'binnenkort' | 'niet_beschikbaar';
export type DutchLevel = 'A0' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
export type WorkExperience = { title: string; employer: string; years: number };
export type LanguageSkill = { language: string; level: DutchLevel };

/**
 * Candidates and vacancies also hold `match_terms` (migration 0006), candidates `home_point`
 * (migration 0009) and vacancies `point` (migration 0010), kept by the database and read only by
 * matching's SQL.
 */
export type CandidateTable = {
  id: Generated<string>;
  instantie_id: string;
  user_id: string | null;
  consultant_user_id: string | null;
  pseudonym: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  travel_radius_km: number | null;
  travel_modes: ColumnType<string[], string[] | undefined, string[]>;
  hours_per_week: number | null;
  days: ColumnType<string[], string[] | undefined, string[]>;
  wished_occupations: ColumnType<string[], string[] | undefined, string[]>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  work_experience: ColumnType<WorkExperience[], string | undefined, string>;
  education_level: string | null;
  languages: ColumnType<LanguageSkill[], string | undefined, string>;
  dutch_level: DutchLevel | null;
  support_needs: ColumnType<string[], string[] | undefined, string[]>;
  participation_step: number | null;
  regie_level: ColumnType<RegieLevel, RegieLevel | undefined, RegieLevel>;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  about: string | null;
  availability: ColumnType<Availability, Availability | undefined, Availability>;
  availability_confirmed_at: Timestamp;
  availability_expires_at: Timestamp;
  visibility: Json<Record<string, string>>;
  anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  /** Whether a consent in `consent` stands; kept by the database (migration 0009), never written. */
  consent_given: ColumnType<boolean, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ConsentTable = {
  id: Generated<string>;
  candidate_id: string;
  scope: Generated<string>;
  given_at: Generated<Date>;
  given_by: string;
  recorded_as: 'kandidaat' | 'consulent_met_kandidaat';
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
};

export type VacancyStatus = 'concept' | 'open' | 'filled' | 'closed';
export type VacancyTable = {
  id: Generated<string>;
  employer_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  postcode: string;
  hours_per_week: number;
  contract_type: string;
  occupation_uri: string | null;
  required_skills: ColumnType<string[], string[] | undefined, string[]>;
  nice_skills: ColumnType<string[], string[] | undefined, string[]>;
  support_offered: ColumnType<string[], string[] | undefined, string[]>;
  suitability: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<VacancyStatus, VacancyStatus | undefined, VacancyStatus>;
  published_until: ColumnType<string | null, string | null | undefined, string | null>;
  required_dutch_level: ColumnType<DutchLevel | null, DutchLevel | null | undefined, DutchLevel | null>;
  /** When it went online (migration 0004); null for concepts and for rows written straight as open. */
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Open hiring: what the work asks of the body, judged by the candidate (migration 0007). */
  physical_requirements: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type AccessLogTable = {
  id: Generated<string>;
  at: Generated<Date>;
  viewer_user_id: string;
  viewer_role: string;
  candidate_id: string;
  fields: string[];
  context: string;
};

export type EventTable = {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  subject_type: string;
  subject_id: string;
  action: string;
  reason: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
};

export type ApiTokenTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

/** better-auth's user table, read by our queries for names and e-mail addresses. */
export type UserTable = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type Database = MatchingDatabase & {
  region: RegionTable;
  instantie: InstantieTable;
  membership: MembershipTable;
  employer: EmployerTable;
  employer_location: EmployerLocationTable;
  employer_category: EmployerCategoryTable;
  employer_category_change: EmployerCategoryChangeTable;
  candidate: CandidateTable;
  consent: ConsentTable;
  vacancy: VacancyTable;
  access_log: AccessLogTable;
  event: EventTable;
  api_token: ApiTokenTable;
  user: UserTable;
} & NotificationsDatabase &
  PlacementsDatabase;

export type Candidate = Selectable<CandidateTable>;
export type NewCandidate = Insertable<CandidateTable>;
export type CandidateUpdate = Updateable<CandidateTable>;
export type Employer = Selectable<EmployerTable>;
export type Vacancy = Selectable<VacancyTable>;
export type NewVacancy = Insertable<VacancyTable>;

export type ReuseLevel = 'transversal' | 'cross-sector' | 'sector-specific' | 'occupation-specific';
export type EscoConceptTable = {
  uri: string;
  kind: 'occupation' | 'skill';
  label: string;
  alt_labels: ColumnType<string[], string[] | undefined, string[]>;
  isco_group: string | null;
  description: string | null;
  search_text: string;
  /** ESCO's reuse level of a skill (migration 0006); null for occupations and when unknown. */
  reuse_level: ColumnType<ReuseLevel | null, ReuseLevel | null | undefined, ReuseLevel | null>;
  source: ColumnType<'builtin' | 'import', 'builtin' | 'import' | undefined, 'builtin' | 'import'>;
  updated_at: Generated<Date>;
};
export type EscoOccupationSkillTable = { occupation_uri: string; skill_uri: string; relation: 'essential' | 'optional' };
export type EscoBroaderTable = { uri: string; broader_uri: string };
export type IscoGroupTable = { code: string; label: string };
export type PostcodeAreaTable = {
  pc4: string;
  latitude: number;
  longitude: number;
  place: string | null;
  municipality: string | null;
  /** ll_to_earth(latitude, longitude), kept by the database (migration 0008-postcode-regions). */
  point: GeneratedAlways<string>;
};
/** PC2 areas with their centre and radius, kept by a trigger on postcode_area (migration 0008-postcode-regions). */
export type PostcodeRegionTable = { pc2: string; latitude: number; longitude: number; radius_km: number };
export type MatchWeightsTable = {
  instantie_id: string;
  version: number;
  weights: ColumnType<Record<string, number>, string, string>;
  created_at: Generated<Date>;
  created_by: string | null;
  /** Why the beheerder saved this version (migration 0005-weights-reason); null for older rows. */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MatchLogTable = {
  id: Generated<string>;
  at: Generated<Date>;
  viewer_user_id: string;
  viewer_role: string;
  direction: 'vacancies_for_candidate' | 'candidates_for_vacancy' | 'candidates_by_criteria';
  subject_id: string | null;
  query: ColumnType<Record<string, unknown>, string | undefined, string>;
  weights_version: string;
  shown_ids: string[];
  keep_until: string;
};
export type ProfileViewCountTable = { user_id: string; day: string; views: ColumnType<number, number | undefined, number> };
export type ScrapingFlagTable = {
  id: Generated<string>;
  user_id: string;
  day: string;
  views: number;
  daily_limit: number;
  flagged_at: Generated<Date>;
  handled_at: Date | null;
  handled_by: string | null;
};
export type SavedSearchTable = {
  id: Generated<string>;
  candidate_id: string;
  name: string;
  filters: ColumnType<Record<string, unknown>, string, string>;
  alert_weekly: ColumnType<boolean, boolean | undefined, boolean>;
  last_alert_at: Date | null;
  last_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
};

/** Tables of issue 3 (migration 0002-matching). */
export type MatchingDatabase = {
  esco_concept: EscoConceptTable;
  esco_occupation_skill: EscoOccupationSkillTable;
  esco_broader: EscoBroaderTable;
  isco_group: IscoGroupTable;
  postcode_area: PostcodeAreaTable;
  postcode_region: PostcodeRegionTable;
  match_weights: MatchWeightsTable;
  match_log: MatchLogTable;
  profile_view_count: ProfileViewCountTable;
  scraping_flag: ScrapingFlagTable;
  saved_search: SavedSearchTable;
};

export type NotificationTable = {
  id: Generated<string>;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  link: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
};
export type MailOutboxTable = {
  id: Generated<string>;
  notification_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  link: string | null;
  created_at: Generated<Date>;
  next_attempt_at: Generated<Date>;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
};
export type AvailabilityReminderKind = 'before' | 'expired' | 'consultant';
export type AvailabilityReminderTable = {
  candidate_id: string;
  kind: AvailabilityReminderKind;
  expires_at: Date;
  sent_at: Generated<Date>;
};

/** Tables of notifications and mail (migration 0003-notifications). */
export type NotificationsDatabase = {
  notification: NotificationTable;
  mail_outbox: MailOutboxTable;
  availability_reminder: AvailabilityReminderTable;
};

export type ApplicationState = 'new' | 'in_conversation' | 'offer' | 'placed' | 'declined' | 'withdrawn' | 'expired';
export type ApplicationStarter = 'candidate' | 'employer' | 'consultant' | 'waiting_list';
export type Invitation = 'with_consultant' | 'with_candidate' | 'accepted';
export type ApplicationTable = {
  id: Generated<string>;
  candidate_id: string;
  vacancy_id: string;
  employer_id: string;
  instantie_id: string;
  started_by: ApplicationStarter;
  invitation: Invitation | null;
  state: ColumnType<ApplicationState, ApplicationState | undefined, ApplicationState>;
  identity_revealed: ColumnType<boolean, boolean | undefined, boolean>;
  consultant_reads: ColumnType<boolean, boolean | undefined, boolean>;
  closed_reason: string | null;
  closed_by: string | null;
  decline_told_at: Date | null;
  created_by: string;
  created_at: Timestamp;
  state_changed_at: Timestamp;
  last_activity_at: Timestamp;
};
export type ApplicationStepTable = {
  id: Generated<string>;
  application_id: string;
  from_state: ApplicationState | null;
  to_state: ApplicationState;
  action: string;
  actor_user_id: string | null;
  actor_role: string | null;
  reason: string | null;
  at: Timestamp;
};
export type MessageAuthorRole = 'candidate' | 'employer' | 'consultant';
export type ApplicationMessageTable = {
  id: Generated<string>;
  application_id: string;
  author_user_id: string;
  author_role: MessageAuthorRole;
  body: string;
  created_at: Timestamp;
};

export type PlacementKind = 'proefplaatsing' | 'dienstverband' | 'dienstverband_lks' | 'leerwerktraject' | 'detachering' | 'beschut_werk';
export type PlacementStatus = 'awaiting_instantie' | 'active' | 'ended' | 'rejected' | 'cancelled';
export type PlacementFollowUp = 'contract' | 'extension' | 'stopped';
export type PlacementTable = {
  id: Generated<string>;
  application_id: string;
  candidate_id: string;
  employer_id: string;
  vacancy_id: string;
  instantie_id: string;
  route: EmployerCategory;
  kind: PlacementKind;
  status: PlacementStatus;
  /** Dates as 'YYYY-MM-DD' strings (pg returns date columns as strings, see connection.ts). */
  start_date: string;
  end_date: string | null;
  hours_per_week: number;
  support: ColumnType<string, string | undefined, string>;
  conditions: ColumnType<string, string | undefined, string>;
  intended_contract_months: number | null;
  positive_advice_reference: string | null;
  positive_advice_date: string | null;
  starts_unless_objection_at: Date | null;
  registered_by: string;
  registered_at: Timestamp;
  started_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
  ended_at: Date | null;
  end_reason: string | null;
  follow_up: PlacementFollowUp | null;
  evaluation: string | null;
};
export type AgreementParty = 'candidate' | 'employer' | 'instantie';
export type PlacementConfirmationTable = {
  placement_id: string;
  party: AgreementParty;
  user_id: string;
  confirmed_at: Timestamp;
};

export type Provision = 'loonwaardebepaling' | 'loonkostensubsidie' | 'jobcoach' | 'werkplekaanpassing' | 'no_riskpolis';
export type SupportBudgetTable = {
  instantie_id: string;
  year: number;
  provision: Provision;
  /** Money in whole euros. */
  amount_euros: number;
  updated_by: string;
  updated_at: Timestamp;
};
export type SupportRequestStatus = 'requested' | 'approved' | 'rejected' | 'withdrawn';
export type SupportRequestTable = {
  id: Generated<string>;
  placement_id: string;
  instantie_id: string;
  provision: Provision;
  status: SupportRequestStatus;
  budget_year: number;
  amount_euros: number;
  spent_euros: ColumnType<number, number | undefined, number>;
  jobcoach_hours: number | null;
  loonwaarde_percent: number | null;
  subsidy_percent: number | null;
  explanation: ColumnType<string, string | undefined, string>;
  due_date: string;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  approved_by_default: ColumnType<boolean, boolean | undefined, boolean>;
};

export type WaitingListStatus = 'waiting' | 'taken' | 'withdrawn';
export type WaitingListEntryTable = {
  id: Generated<string>;
  vacancy_id: string;
  candidate_id: string;
  status: ColumnType<WaitingListStatus, WaitingListStatus | undefined, WaitingListStatus>;
  requirements_accepted_at: Timestamp;
  joined_at: Timestamp;
  left_at: Date | null;
  application_id: string | null;
};

/** Tables of contact, applications, placements, support and open hiring (migration 0007-placements). */
export type PlacementsDatabase = {
  application: ApplicationTable;
  application_step: ApplicationStepTable;
  application_message: ApplicationMessageTable;
  placement: PlacementTable;
  placement_confirmation: PlacementConfirmationTable;
  support_budget: SupportBudgetTable;
  support_request: SupportRequestTable;
  waiting_list_entry: WaitingListEntryTable;
};
