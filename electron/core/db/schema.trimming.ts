import type { Generated } from 'kysely';

/** The tree-trimming planner (migration 0013). */
export interface TeamTownshipsTable {
  team_id: number;
  township_id: number;
}

export interface TeamUnavailabilityTable {
  id: Generated<number>;
  team_id: number;
  from_date: string;
  to_date: string;
  reason: string;
  created_at: string;
  created_by: string | null;
}

export interface OfficeCalendarTable {
  date: string;
  kind: string;
  name: string;
  updated_at: string;
  updated_by: string | null;
}

export interface WorkPackagesTable {
  id: Generated<number>;
  version: Generated<number>;
  team_id: number;
  date: string;
  days: number;
  last_date: string;
  line_id: number;
  method: string;
  status: string;
  minutes: number;
  order_no: string | null;
  orders_printed: Generated<number>;
  done_date: string | null;
  accepted_by: string | null;
  accepted_at: string | null;
  override_reason: string | null;
  cancel_reason: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkPackageRecordsTable {
  package_id: number;
  record_id: number;
  notified_on: string | null;
  distance_after: number | null;
}

export interface OutageWindowsTable {
  id: Generated<number>;
  version: Generated<number>;
  line_id: number;
  date: string;
  start_time: string;
  end_time: string;
  tower_from: number | null;
  tower_to: number | null;
  reason: string;
  customers_affected: number;
  status: string;
  requested_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  customers_notified_on: string | null;
  cancel_reason: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrimmingMonthsTable {
  month: string;
  status: string;
  approved_version: Generated<number>;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  snapshot_json: string | null;
}
