import type { DashboardPanel, Reminder } from '../../contract';
import { databaseReminders } from '../backup/database-health';
import type { HandlerContext } from '../context';
import { lightningPanels, lightningReminders } from '../lightning/lightning.dashboard';
import { lineRiskPanels } from '../line-file/line-risk.handlers';
import { rosterPanels } from '../roster/roster.dashboard';
import { staffPanels, staffReminders } from '../staff/staff.dashboard';
import { upgradesPanels, upgradesReminders } from '../upgrades/upgrades.dashboard';
import { trimmingPanels, trimmingReminders } from '../trimming/trimming.dashboard';
import { vegetationPanels, vegetationReminders } from '../vegetation/vegetation.dashboard';

/**
 * One module's part of the first screen or the reminders, and the kinds of record it reads (the change
 * feed's names, as the audit log writes them). It is computed again only after a write touches one of
 * those kinds or the day turns; `reads: null` means every call (it depends on who asks).
 */
export interface DashboardSource<T> {
  name: string;
  reads: readonly string[] | null;
  compute: (ctx: HandlerContext) => Promise<T[]>;
}

// Every source reads the settings (its thresholds) and the reference registers (names, lines).
const REFERENCE = ['settings', 'lines', 'townships', 'villages', 'teams', 'towers'];
const VEGETATION = [...REFERENCE, 'vegetation'];
const TRIMMING = [...VEGETATION, 'packages', 'outages', 'calendar', 'trimmingMonths'];
const STAFF = [...REFERENCE, 'staff', 'certificates', 'training'];
const ROSTER = [...STAFF, 'seasons', 'roster', 'absences', 'repairs', 'repairAreas'];
const UPGRADES = [...REFERENCE, 'equipment', 'upgrades', 'budgets'];
const LIGHTNING = [...REFERENCE, 'lightningDevices', 'lightningTests', 'trips', 'campaigns'];
const LINE_RISK = [...VEGETATION, ...LIGHTNING, 'equipment', 'repairs', 'repairAreas'];

/** What each module puts on the first screen. A module adds its panels by adding one entry here. */
export const PANEL_SOURCES: DashboardSource<DashboardPanel>[] = [
  { name: 'vegetation', reads: VEGETATION, compute: vegetationPanels },
  { name: 'trimming', reads: TRIMMING, compute: trimmingPanels },
  { name: 'staff', reads: STAFF, compute: staffPanels },
  { name: 'roster', reads: ROSTER, compute: rosterPanels },
  { name: 'upgrades', reads: UPGRADES, compute: upgradesPanels },
  { name: 'lightning', reads: LIGHTNING, compute: lightningPanels },
  { name: 'lineRisk', reads: LINE_RISK, compute: lineRiskPanels },
];
export const REMINDER_SOURCES: DashboardSource<Reminder>[] = [
  { name: 'vegetation.reminders', reads: VEGETATION, compute: vegetationReminders },
  { name: 'trimming.reminders', reads: TRIMMING, compute: trimmingReminders },
  { name: 'staff.reminders', reads: STAFF, compute: staffReminders },
  { name: 'upgrades.reminders', reads: UPGRADES, compute: upgradesReminders },
  { name: 'lightning.reminders', reads: LIGHTNING, compute: lightningReminders },
  // For admins only, and about the file's size: asked every time.
  { name: 'database.reminders', reads: null, compute: databaseReminders },
];

/** Kinds of write that change nothing the first screen shows (a job's own end, a restore clear it anyway). */
const QUIET = ['jobs', 'database', 'backup', 'attachments', 'users'];

/** Every kind the first screen's cache knows; a write of any other kind makes it compute everything again. */
export const KNOWN_KINDS: ReadonlySet<string> = new Set([
  ...QUIET,
  ...[...PANEL_SOURCES, ...REMINDER_SOURCES].flatMap((s) => s.reads ?? []),
]);
