import path from 'node:path';
import { ApiError, parseSkillList } from '../../contract';
import { parseReadingList } from '../lightning/lightning.rules';
import type { Handlers, HandlerContext } from '../context';
import { currentUser } from '../context';
import { checkWritableFolder } from '../backup/backup.files';
import { regradeVegetation } from '../vegetation/vegetation.regrade';
import { SETTING_BY_KEY, parseSpeciesCycles, type SettingDef } from './settings.defaults';
import { listSettings, loadSettings, storeSetting, toRow, type SettingValue } from './settings.repository';

/** "04-30": a real month and day. */
const isMonthDay = (s: string) =>
  /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) &&
  !Number.isNaN(Date.parse(`2024-${s}T00:00:00Z`)) &&
  new Date(`2024-${s}T00:00:00Z`).getUTCDate() === Number(s.slice(3));

const invalid = (message: string, params?: Record<string, string | number>) =>
  new ApiError({ code: 'VALIDATION', message, params, issues: [{ path: ['value'], message, params }] });

function checkValue(def: SettingDef, value: SettingValue): void {
  if (typeof value !== typeof def.default) throw invalid('settings.wrongType');
  if (typeof value === 'number') {
    if (def.min !== undefined && value < def.min) throw invalid('validation.too_small', { minimum: def.min });
    if (def.max !== undefined && value > def.max) throw invalid('validation.too_big', { maximum: def.max });
  }
  if (def.key === 'vegetation.cycleMonthsBySpecies' && parseSpeciesCycles(value as string) === null)
    throw invalid('settings.speciesCycles');
  if (def.key === 'lightning.seasonDeadline' && !isMonthDay(value as string)) throw invalid('settings.monthDay');
  if ((def.key === 'staff.skills' || def.key === 'roster.requiredSkills') && parseSkillList(value as string) === null)
    throw invalid('settings.skillList');
  if (
    def.key === 'lightning.arrester.completeReadings' &&
    !parseReadingList(value as string)?.every((c) => c !== 'grounding')
  )
    throw invalid('settings.readingList');
  if (def.key === 'backup.folder' && (value as string).trim() !== '') checkBackupFolder((value as string).trim());
}

/** A backup folder must be a full path the app can write into now (a disk that is there, not read-only). */
function checkBackupFolder(folder: string): void {
  if (!path.isAbsolute(folder)) throw invalid('settings.folderAbsolute');
  try {
    checkWritableFolder(folder);
  } catch {
    throw invalid('settings.folderNotWritable', { folder });
  }
}

async function write(ctx: HandlerContext, key: string, value: SettingValue | null) {
  const def = SETTING_BY_KEY.get(key);
  if (!def)
    throw new ApiError({
      code: 'VALIDATION',
      message: 'settings.unknown',
      issues: [{ path: ['key'], message: 'settings.unknown' }],
    });
  const next = value ?? def.default;
  checkValue(def, next);
  const user = currentUser(ctx);
  const [before] = (await listSettings(ctx.db)).filter((s) => s.key === key);
  const updated = {
    value_json: JSON.stringify(next),
    updated_at: ctx.now.toISOString(),
    updated_by: value === null ? null : user.username,
  };
  await storeSetting(ctx.db, key, updated);
  // Judgements record the threshold they used: re-judge when a threshold changes.
  const regraded =
    key.startsWith('clearance.') || key.startsWith('vegetation.cycle') || key.startsWith('vegetation.deadline.')
      ? await regradeVegetation(ctx.db, await loadSettings(ctx.db))
      : 0;
  const setting = toRow(def, updated);
  ctx.audit({
    entity: 'settings',
    entityId: key,
    summary: value === null ? 'reset to default' : 'changed',
    before,
    after: { ...setting, regraded },
  });
  return { setting, regraded };
}

export const settingsHandlers: Handlers<'settings.list' | 'settings.update' | 'settings.reset'> = {
  'settings.list': async (input, ctx) => ({ rows: await listSettings(ctx.db, input.group) }),
  'settings.update': async (input, ctx) => write(ctx, input.key, input.value),
  'settings.reset': async (input, ctx) => write(ctx, input.key, null),
};
