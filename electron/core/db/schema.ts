import type { Generated } from 'kysely';
import type { SoftDeleted, Versioned } from './schema.columns';
import type {
  OfficeCalendarTable,
  OutageWindowsTable,
  TeamTownshipsTable,
  TeamUnavailabilityTable,
  TrimmingMonthsTable,
  WorkPackageRecordsTable,
  WorkPackagesTable,
} from './schema.trimming';
import type {
  LightningCampaignDevicesTable,
  LightningCampaignsTable,
  LightningDevicesTable,
  LightningRectificationsTable,
  LightningTestsTable,
  LightningTripDevicesTable,
  LightningTripsTable,
} from './schema.lightning';
import type {
  LineTownshipsTable,
  LineTowersTable,
  LinesTable,
  TeamsTable,
  TownshipsTable,
  VillagesTable,
} from './schema.reference';

export type {
  LineTownshipsTable,
  LineTowersTable,
  LinesTable,
  TeamsTable,
  TownshipsTable,
  VillagesTable,
} from './schema.reference';

export interface UsersTable extends Versioned {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  /** null until the first-run setup sets it: there is no default password. */
  password_hash: string | null;
  must_change_password: number;
  active: number;
  last_login_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  method: string;
  entity: string | null;
  entity_id: string | null;
  summary: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string | null;
  updated_by: string | null;
}

export interface VegetationRecordsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  line_id: number;
  tower_from: number;
  tower_to: number;
  township_id: number | null;
  village_id: number | null;
  landowner: string | null;
  landowner_phone: string | null;
  species: string;
  tree_count: number;
  tree_height: number | null;
  vertical_distance: number | null;
  horizontal_distance: number | null;
  tree_class: string;
  planted_in_zone: number;
  action: string;
  planned_date: string | null;
  team_id: number | null;
  status: string;
  distance_after: number | null;
  completed_date: string | null;
  next_due_date: string | null;
  /** The day the hazard was found: 紧急/重大 deadlines count from it (a row written by another program may lack it: then the day it was entered). */
  found_date: string | null;
  /** The day it must be dealt with by (grade and found date, or cycle); the plan date never moves it. */
  deadline: string | null;
  /** Why the work was planned for after the deadline (audited when set). */
  late_reason: string | null;
  /** deadline while open, next_due_date once done: indexed, decides "overdue". */
  due_date: string | null;
  hazard_grade: string;
  hazard_basis_json: string;
  notes: string | null;
}

export interface VegetationDisputesTable {
  id: Generated<number>;
  version: Generated<number>;
  record_id: number;
  parties_json: string;
  law_explained: number;
  coordination_level: string;
  compensation_agreed: number | null;
  compensation_paid: number | null;
  paid_date: string | null;
  status: string;
  /** The record's status before it was blocked, restored when the dispute closes. */
  status_before: string;
  opened_at: string;
  closed_at: string | null;
  close_note: string | null;
}

export interface VegetationDisputeEntriesTable {
  id: Generated<number>;
  dispute_id: number;
  entry_date: string;
  party: string | null;
  content: string;
  created_by: string | null;
  created_at: string;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: string;
}

export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface AttachmentsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  thumbnail: Buffer | null;
  caption: string | null;
  created_by: string | null;
}

export interface StaffTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  employee_no: string;
  name: string;
  team_id: number | null;
  position: string | null;
  phone: string | null;
  hire_date: string | null;
  education: string | null;
  status: string;
  returned_from_break_on: string | null;
  notes: string | null;
}

export interface StaffSkillsTable {
  staff_id: number;
  skill: string;
  level: number;
}

export interface CertificatesTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  number: string;
  issue_date: string;
  expiry_date: string;
  last_review_date: string | null;
  extended_review: number;
  notes: string | null;
}

export interface TrainingSessionsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  course: string;
  category: string;
  date: string;
  hours: number;
  trainer: string | null;
  place: string | null;
  notes: string | null;
}

export interface TrainingAttendeesTable {
  session_id: number;
  staff_id: number;
  score: number | null;
  passed: number;
}

export interface RepairAreasTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  name: string;
  kind: string;
  arrival_minutes: number;
  restore_minutes: number | null;
  crews_per_shift: number;
  peak_extra_crews: number;
  sort: number;
}

export interface DutySeasonsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  name: string;
  kind: string;
  start_date: string;
  end_date: string;
  shifts_json: string;
  peak_days_json: string;
  notes: string | null;
  published_version: number;
  published_at: string | null;
  published_json: string | null;
}

export interface StaffAbsencesTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  staff_id: number;
  kind: string;
  from_date: string;
  to_date: string;
  notes: string | null;
}

export interface RosterAssignmentsTable {
  id: Generated<number>;
  season_id: number;
  date: string;
  shift: string;
  area_id: number;
  crew: number;
  staff_id: number;
  override_reason: string | null;
  created_at: string;
  created_by: string | null;
}

export interface RepairCallsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  source: string;
  order_no: string | null;
  received_at: string;
  area_id: number;
  line_id: number | null;
  fault: string;
  season_id: number | null;
  duty_date: string | null;
  shift: string | null;
  crew: number | null;
  crew_names: string | null;
  arrived_at: string | null;
  restored_at: string | null;
  delay_cause: string | null;
}

export interface EquipmentTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  kind: string;
  code: string;
  name: string;
  line_id: number | null;
  location: string | null;
  model: string | null;
  capacity: string | null;
  install_year: number | null;
  condition: number;
  defect_grade: string | null;
  defect_found_on: string | null;
  notes: string | null;
}

export interface UpgradeRequestsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  equipment_id: number;
  problem: string;
  proposed_work: string;
  project_type: string;
  estimated_cost: number;
  customers_affected: number;
  notes: string | null;
  status: string;
  requested_by: string;
  /** JG-2026-0012 (技改) / DX-2026-0003 (大修), given when first submitted. */
  request_no: string | null;
  approvals_json: string;
  budget_year: number | null;
  project_no: string | null;
  funding_year: number | null;
  funding_source: string | null;
  approved_amount: number | null;
  accepted_on: string | null;
  inspectors: string | null;
}

export interface UpgradePunchItemsTable {
  id: Generated<number>;
  request_id: number;
  text: string;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface UpgradeEventsTable {
  id: Generated<number>;
  request_id: number;
  at: string;
  username: string;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
}

export interface BudgetsTable {
  year: number;
  budget: number;
  updated_at: string;
  updated_by: string | null;
}

export interface DatabaseSizesTable {
  day: string;
  bytes: number;
}

export interface SignInFailuresTable {
  key: string;
  username: string | null;
  address: string;
  failures: number;
  first_at: string;
  last_at: string;
  locked_until: string | null;
}

export interface ImportLayoutsTable {
  sheet: string;
  layout: string;
  mapping_json: string;
  saved_by: string;
  saved_at: string;
}

export interface DB {
  database_sizes: DatabaseSizesTable;
  import_layouts: ImportLayoutsTable;
  sign_in_failures: SignInFailuresTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  townships: TownshipsTable;
  villages: VillagesTable;
  teams: TeamsTable;
  lines: LinesTable;
  line_towers: LineTowersTable;
  line_townships: LineTownshipsTable;
  vegetation_records: VegetationRecordsTable;
  vegetation_disputes: VegetationDisputesTable;
  vegetation_dispute_entries: VegetationDisputeEntriesTable;
  schema_migrations: SchemaMigrationsTable;
  attachment_blobs: AttachmentBlobsTable;
  attachments: AttachmentsTable;
  staff: StaffTable;
  staff_skills: StaffSkillsTable;
  certificates: CertificatesTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  repair_areas: RepairAreasTable;
  duty_seasons: DutySeasonsTable;
  staff_absences: StaffAbsencesTable;
  roster_assignments: RosterAssignmentsTable;
  repair_calls: RepairCallsTable;
  equipment: EquipmentTable;
  upgrade_requests: UpgradeRequestsTable;
  upgrade_events: UpgradeEventsTable;
  budgets: BudgetsTable;
  upgrade_punch_items: UpgradePunchItemsTable;
  lightning_devices: LightningDevicesTable;
  lightning_tests: LightningTestsTable;
  lightning_campaigns: LightningCampaignsTable;
  lightning_campaign_devices: LightningCampaignDevicesTable;
  lightning_rectifications: LightningRectificationsTable;
  lightning_trips: LightningTripsTable;
  lightning_trip_devices: LightningTripDevicesTable;
  team_townships: TeamTownshipsTable;
  team_unavailability: TeamUnavailabilityTable;
  office_calendar: OfficeCalendarTable;
  work_packages: WorkPackagesTable;
  work_package_records: WorkPackageRecordsTable;
  outage_windows: OutageWindowsTable;
  trimming_months: TrimmingMonthsTable;
}
