import type { MethodName } from '../contract';
import type { Handlers } from './context';
import { accountsHandlers } from './accounts/accounts.handlers';
import { attachmentsHandlers } from './attachments/attachments.handlers';
import { auditHandlers } from './audit/audit.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { changesHandlers } from './changes/changes.handlers';
import { dashboardHandlers } from './dashboard/dashboard.handlers';
import { demoHandlers } from './demo/demo.handlers';
import { searchHandlers } from './search/search.handlers';
import { excelHandlers } from './excel/excel.handlers';
import { filesHandlers } from './files/files.handlers';
import { recycleHandlers } from './recycle/recycle.handlers';
import { referenceHandlers } from './reference/reference.handlers';
import { towerHandlers } from './reference/towers.handlers';
import { lineFileHandlers } from './line-file/line-file.handlers';
import { lineRiskHandlers } from './line-file/line-risk.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { staffHandlers } from './staff/staff.handlers';
import { repairsHandlers } from './roster/repairs.handlers';
import { rosterHandlers } from './roster/roster.handlers';
import { upgradesHandlers } from './upgrades/upgrades.handlers';
import { lightningHandlers } from './lightning/lightning.handlers';
import { campaignHandlers } from './lightning/lightning.campaigns';
import { tripHandlers } from './lightning/lightning.trips';
import { disputeHandlers } from './vegetation/disputes.handlers';
import { vegetationHandlers } from './vegetation/vegetation.handlers';
import { draftHandlers } from './trimming/trimming.draft';
import { trimmingHandlers } from './trimming/trimming.handlers';
import { monthHandlers } from './trimming/trimming.month';
import { outageHandlers } from './trimming/trimming.outages';
import { printHandlers } from './trimming/trimming.prints';
import { teamHandlers } from './trimming/trimming.teams';

/** Every contract method has exactly one handler: a missing one fails the type check here. */
export const handlers: Handlers<MethodName> = {
  ...accountsHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...referenceHandlers,
  ...towerHandlers,
  ...lineFileHandlers,
  ...lineRiskHandlers,
  ...vegetationHandlers,
  ...disputeHandlers,
  ...recycleHandlers,
  ...demoHandlers,
  ...backupHandlers,
  ...filesHandlers,
  ...excelHandlers,
  ...dashboardHandlers,
  ...searchHandlers,
  ...attachmentsHandlers,
  ...staffHandlers,
  ...rosterHandlers,
  ...repairsHandlers,
  ...upgradesHandlers,
  ...lightningHandlers,
  ...campaignHandlers,
  ...tripHandlers,
  ...changesHandlers,
  ...trimmingHandlers,
  ...draftHandlers,
  ...monthHandlers,
  ...outageHandlers,
  ...printHandlers,
  ...teamHandlers,
};
