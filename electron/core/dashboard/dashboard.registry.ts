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
 * What each module puts on the first screen and in the reminders. A module adds its panels by
 * adding one function here; the page draws whatever panels come back.
 */
export const PANEL_SOURCES: ((ctx: HandlerContext) => Promise<DashboardPanel[]>)[] = [
  vegetationPanels,
  trimmingPanels,
  staffPanels,
  rosterPanels,
  upgradesPanels,
  lightningPanels,
  lineRiskPanels,
];
export const REMINDER_SOURCES: ((ctx: HandlerContext) => Promise<Reminder[]>)[] = [
  vegetationReminders,
  trimmingReminders,
  staffReminders,
  upgradesReminders,
  lightningReminders,
  databaseReminders,
];
