import type { Generated } from 'kysely';
import type { SoftDeleted, Versioned } from './schema.columns';

/** The reference registers: townships, villages, teams, lines and their towers. */
export interface TownshipsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  name: string;
  notes: string | null;
  longitude: number | null;
  latitude: number | null;
}

export interface VillagesTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  township_id: number;
  name: string;
  notes: string | null;
}

export interface TeamsTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  name: string;
  kind: string;
  phone: string | null;
  notes: string | null;
  /** Working hours a day and crew size: the trimming board's capacity (migration 0013). */
  hours_per_day: Generated<number>;
  crew_size: Generated<number>;
}

export interface LinesTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  name: string;
  code: string | null;
  voltage: string;
  conductor: string;
  area_type: string;
  substation: string | null;
  length_km: number | null;
  /** 杆塔数: bounds every tower range on the line; null = not known yet (no bound). */
  tower_count: number | null;
  commissioned_date: string | null;
  notes: string | null;
}

/** A line's towers one by one (optional: a line may have only its tower count). */
export interface LineTowersTable extends Versioned, SoftDeleted {
  id: Generated<number>;
  line_id: number;
  number: number;
  /** strain | tangent | angle | terminal (TOWER_KINDS). */
  kind: string;
  longitude: number | null;
  latitude: number | null;
  altitude: number | null;
  notes: string | null;
}

export interface LineTownshipsTable {
  line_id: number;
  township_id: number;
}
