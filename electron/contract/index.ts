import type { z } from 'zod';
import { accountsMethods } from './accounts';
import { attachmentsMethods } from './attachments';
import { auditMethods } from './audit';
import { backupMethods } from './backup';
import { changesMethods } from './changes';
import { dashboardMethods } from './dashboard';
import { excelMethods } from './excel';
import { searchMethods } from './search';
import { filesMethods } from './files';
import { jobsMethods } from './jobs';
import { demoMethods } from './demo';
import { recycleMethods } from './recycle';
import { referenceMethods } from './reference';
import { settingsMethods } from './settings';
import { staffMethods } from './staff';
import { rosterMethods } from './roster';
import { upgradesMethods } from './upgrades';
import { lightningMethods } from './lightning';
import { vegetationMethods } from './vegetation';
import { trimmingMethods } from './trimming';
import { lineFileMethods } from './line-file';

/** The whole API: every method the renderer may call, with its schemas and who may call it. */
export const contract = {
  ...accountsMethods,
  ...auditMethods,
  ...settingsMethods,
  ...referenceMethods,
  ...vegetationMethods,
  ...recycleMethods,
  ...demoMethods,
  ...backupMethods,
  ...filesMethods,
  ...jobsMethods,
  ...excelMethods,
  ...dashboardMethods,
  ...searchMethods,
  ...attachmentsMethods,
  ...staffMethods,
  ...rosterMethods,
  ...upgradesMethods,
  ...lightningMethods,
  ...changesMethods,
  ...trimmingMethods,
  ...lineFileMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel the preload script and the main process share. */
export const IPC_CHANNEL = 'griddesk:call';

export * from './method';
export * from './errors';
export * from './common';
export * from './dates';
export * from './accounts';
export * from './audit';
export * from './settings';
export * from './reference';
export * from './line-file';
export * from './vegetation';
export * from './recycle';
export * from './backup';
export * from './labels';
export * from './files';
export * from './jobs';
export * from './excel';
export * from './dashboard';
export * from './search';
export * from './attachments';
export * from './staff';
export * from './roster';
export * from './upgrades';
export * from './lightning';
export * from './wire';
export * from './changes';
export * from './trimming';
export * from './connection';
export * from './desktop-bridge';
