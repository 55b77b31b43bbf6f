import type { TFunction } from 'i18next';
import { DEFAULT_SHIFTS } from '@contract';

/**
 * A skill in the current language. Skills are the office's own list (setting staff.skills): the
 * default ones have English names; a skill the office added shows as it was written.
 */
export const skillName = (t: TFunction, skill: string): string => t(`skillNames.${skill}`, { defaultValue: skill });

/** Items in running text: 配电设备、电缆 in Chinese, "Distribution equipment, Cable" in English. */
export const listOf = (t: TFunction, items: readonly string[]): string => items.join(t('common.listSeparator'));

/** A name with a note after it: 城区（农村） in Chinese, "城区 (Rural)" in English. */
export const withNote = (t: TFunction, name: string, note: string): string => t('common.withNote', { name, note });

/** A skill in a tight spot (the roster's drag list): 配电设备 / "Equip.". */
export const skillShortName = (t: TFunction, skill: string): string =>
  t(`skillShortNames.${skill}`, { defaultValue: skill });

/**
 * A shift in the current language. A season's shifts are named by the planner; the default names
 * (白班, 夜班) have English ones, a shift the planner named otherwise shows as written.
 */
export const shiftName = (t: TFunction, shift: { code: string; name: string }): string =>
  DEFAULT_SHIFTS.some((d) => d.code === shift.code && d.name === shift.name)
    ? t(`roster.shiftNames.${shift.code}`, { defaultValue: shift.name })
    : shift.name;
