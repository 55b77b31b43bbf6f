import type { Kysely } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_vegetation';
import * as m0003 from './0003_search';
import * as m0004 from './0004_attachments';
import * as m0005 from './0005_staff';
import * as m0006 from './0006_roster';
import * as m0007 from './0007_upgrades';
import * as m0008 from './0008_search_office';
import * as m0009 from './0009_lightning';
import * as m0010 from './0010_database_sizes';
import * as m0011 from './0011_sign_in_failures';
import * as m0012 from './0012_hazard_deadlines';
import * as m0013 from './0013_trimming_planner';
import * as m0014 from './0014_import_layouts';
import * as m0015 from './0015_upgrade_request_numbers';
import * as m0016 from './0016_line_tower_counts';
import * as m0017 from './0017_line_towers';
import * as m0018 from './0018_township_positions';

export interface Migration {
  id: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Append-only and statically imported: the app is bundled, so nothing scans the disk for migrations. */
export const migrations: Migration[] = [
  { id: '0001_foundation', up: m0001.up },
  { id: '0002_vegetation', up: m0002.up },
  { id: '0003_search', up: m0003.up },
  { id: '0004_attachments', up: m0004.up },
  { id: '0005_staff', up: m0005.up },
  { id: '0006_roster', up: m0006.up },
  { id: '0007_upgrades', up: m0007.up },
  { id: '0008_search_office', up: m0008.up },
  { id: '0009_lightning', up: m0009.up },
  { id: '0010_database_sizes', up: m0010.up },
  { id: '0011_sign_in_failures', up: m0011.up },
  { id: '0012_hazard_deadlines', up: m0012.up },
  { id: '0013_trimming_planner', up: m0013.up },
  { id: '0014_import_layouts', up: m0014.up },
  { id: '0015_upgrade_request_numbers', up: m0015.up },
  { id: '0016_line_tower_counts', up: m0016.up },
  { id: '0017_line_towers', up: m0017.up },
  { id: '0018_township_positions', up: m0018.up },
];
