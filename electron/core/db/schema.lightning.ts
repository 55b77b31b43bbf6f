import type { Generated } from 'kysely';
import type { SoftDeleted, Versioned } from './schema.columns';

/** Lightning protection (migration 0009): devices, tests, campaigns, rectifications, trips. */
export interface LightningDevicesTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  kind: string;
  code: string;
  site: string;
  line_id: number | null;
  tower: string | null;
  site_name: string | null;
  model: string | null;
  rated_kv: number | null;
  install_date: string | null;
  soil_resistivity: number | null;
  transformer_kva: number | null;
  has_ground_wire: number;
  radial_electrodes: number;
  near_station: number;
  u1ma_initial: number | null;
  notes: string | null;
}

export interface LightningTestsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  device_id: number;
  tested_on: string;
  tester: string;
  instrument: string | null;
  weather: string | null;
  grounding_ohm: number | null;
  insulation_mohm: number | null;
  u1ma_kv: number | null;
  leakage_ua: number | null;
  counter_ok: number | null;
  campaign_id: number | null;
  verdict: string | null;
  judgement_json: string;
  notes: string | null;
}

export interface LightningCampaignsTable {
  id: Generated<number>;
  name: string;
  deadline: string;
  created_at: string;
  created_by: string;
}

export interface LightningCampaignDevicesTable {
  campaign_id: number;
  device_id: number;
  due_on: string;
  team_id: number | null;
  planned_on: string | null;
}

export interface LightningRectificationsTable {
  id: Generated<number>;
  device_id: number;
  test_id: number;
  grade: string;
  reason: string;
  found_on: string;
  due_on: string;
  status: string;
  retest_id: number | null;
  closed_on: string | null;
}

export interface LightningTripsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  line_id: number;
  occurred_at: string;
  towers: string | null;
  reclosed: number;
  damage: string | null;
  notes: string | null;
}

export interface LightningTripDevicesTable {
  trip_id: number;
  device_id: number;
}
