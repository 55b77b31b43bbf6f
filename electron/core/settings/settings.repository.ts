import type { Kysely } from 'kysely';
import type { SettingRow } from '../../contract';
import type { DB } from '../db/schema';
import { SETTING_BY_KEY, SETTING_DEFS, type SettingDef } from './settings.defaults';

export type SettingValue = number | string | boolean;

/** The effective settings: stored overrides over the standards' defaults. */
export class Settings {
  constructor(private readonly values: Map<string, SettingValue>) {}

  number(key: string): number {
    const v = this.values.get(key) ?? SETTING_BY_KEY.get(key)?.default;
    if (typeof v !== 'number') throw new Error(`setting ${key} is not a number`);
    return v;
  }

  string(key: string): string {
    const v = this.values.get(key) ?? SETTING_BY_KEY.get(key)?.default;
    if (typeof v !== 'string') throw new Error(`setting ${key} is not text`);
    return v;
  }
}

export async function loadSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute();
  return new Settings(new Map(rows.map((r) => [r.key, JSON.parse(r.value_json) as SettingValue])));
}

export async function listSettings(db: Kysely<DB>, group?: string): Promise<SettingRow[]> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.key, r]));
  return SETTING_DEFS.filter((d) => !group || d.group === group).map((d) => toRow(d, stored.get(d.key)));
}

export function toRow(
  d: SettingDef,
  stored?: { value_json: string; updated_at: string | null; updated_by: string | null },
): SettingRow {
  return {
    key: d.key,
    group: d.group,
    value: stored ? (JSON.parse(stored.value_json) as SettingValue) : d.default,
    defaultValue: d.default,
    unit: d.unit,
    source: d.source,
    confirmed: d.confirmed,
    updatedAt: stored?.updated_at ?? null,
    updatedBy: stored?.updated_by ?? null,
  };
}

/** Writes every known setting that is not stored yet, with the standard's value. */
export async function seedSettings(db: Kysely<DB>): Promise<void> {
  const stored = new Set((await db.selectFrom('settings').select('key').execute()).map((r) => r.key));
  const missing = SETTING_DEFS.filter((d) => !stored.has(d.key));
  if (missing.length === 0) return;
  await db
    .insertInto('settings')
    .values(
      missing.map((d) => ({ key: d.key, value_json: JSON.stringify(d.default), updated_at: null, updated_by: null })),
    )
    .execute();
}

/** One setting's stored value, inserted or replaced. */
export async function storeSetting(
  db: Kysely<DB>,
  key: string,
  value: { value_json: string; updated_at: string; updated_by: string | null },
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, ...value })
    .onConflict((oc) => oc.column('key').doUpdateSet(value))
    .execute();
}
