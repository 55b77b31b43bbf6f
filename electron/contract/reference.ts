import { z } from 'zod';
import { EVERYONE, REFERENCE_EDITORS, command, query } from './method';
import {
  areaType,
  conductorType,
  countOutput,
  gridPage,
  gridRequest,
  gridRequestWith,
  id,
  idsInput,
  optionalDate,
  optionalText,
  recordMeta,
  requiredText,
  version,
  voltageLevel,
} from './common';

const editable = { id: id.optional(), version: version.optional() };

/** The most towers a distribution or sub-transmission line of a county has, with room to spare. */
export const MAX_TOWER_COUNT = 3000;

const coordinate = (limit: number) =>
  z
    .number()
    .finite()
    .min(-limit, { error: 'validation.coordinate' })
    .max(limit, { error: 'validation.coordinate' })
    .nullable()
    .optional();

/** A position is both numbers or neither. */
function positionPair(v: { longitude?: number | null; latitude?: number | null }, ctx: z.RefinementCtx) {
  if ((v.longitude == null) !== (v.latitude == null))
    ctx.addIssue({
      code: 'custom',
      path: [v.longitude == null ? 'longitude' : 'latitude'],
      message: 'validation.positionPair',
    });
}

export const townshipInput = z
  .object({
    ...editable,
    name: requiredText(40),
    /** Where the township's seat is (WGS-84): the line file's map view writes its name there. */
    longitude: coordinate(180),
    latitude: coordinate(90),
    notes: optionalText(500),
  })
  .superRefine(positionPair);
export const townshipRow = z.object({
  ...recordMeta,
  name: z.string(),
  notes: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  villageCount: z.number().int(),
});

export const villageInput = z.object({ ...editable, townshipId: id, name: requiredText(40), notes: optionalText(500) });
export const villageRow = z.object({
  ...recordMeta,
  townshipId: id,
  townshipName: z.string(),
  name: z.string(),
  notes: z.string().nullable(),
});

export const TEAM_KINDS = ['distribution', 'cable', 'line', 'station', 'other'] as const;
export const teamInput = z.object({
  ...editable,
  name: requiredText(40),
  kind: z.enum(TEAM_KINDS),
  phone: optionalText(30),
  notes: optionalText(500),
});
export const teamRow = z.object({
  ...recordMeta,
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
});

export const lineInput = z.object({
  ...editable,
  name: requiredText(40),
  code: optionalText(20),
  voltage: voltageLevel,
  conductor: conductorType,
  areaType,
  substation: optionalText(40),
  lengthKm: z.number().finite().min(0, { error: 'validation.not_negative' }).max(2000).nullable().optional(),
  /** 杆塔数: every tower range recorded on the line must lie within #1–#N. */
  towerCount: z
    .number()
    .int({ error: 'validation.integer' })
    .min(1, { error: 'validation.towerCount' })
    .max(MAX_TOWER_COUNT, { error: 'validation.towerCount' })
    .nullable()
    .optional(),
  commissionedDate: optionalDate,
  townshipIds: z.array(id).max(100).default([]),
  notes: optionalText(500),
});
export type LineInput = z.input<typeof lineInput>;
export const lineRow = z.object({
  ...recordMeta,
  name: z.string(),
  code: z.string().nullable(),
  voltage: voltageLevel,
  conductor: conductorType,
  areaType,
  substation: z.string().nullable(),
  lengthKm: z.number().nullable(),
  towerCount: z.number().int().nullable(),
  commissionedDate: z.string().nullable(),
  townshipIds: z.array(id),
  townshipNames: z.string(),
  notes: z.string().nullable(),
});
export type LineRow = z.infer<typeof lineRow>;

/** Everything forms need to fill their pickers, in one small call. */
export const referenceOptions = z.object({
  lines: z.array(z.object({ id, name: z.string(), voltage: voltageLevel, conductor: conductorType, areaType })),
  townships: z.array(z.object({ id, name: z.string() })),
  villages: z.array(z.object({ id, townshipId: id, name: z.string() })),
  teams: z.array(z.object({ id, name: z.string(), kind: z.enum(TEAM_KINDS) })),
});
export type ReferenceOptions = z.infer<typeof referenceOptions>;

/* ---------- towers: a line's 杆塔, one by one (一线一档) ---------- */

/** 耐张 strain, 直线 tangent, 转角 angle, 终端 terminal. */
export const TOWER_KINDS = ['strain', 'tangent', 'angle', 'terminal'] as const;

export const towerInput = z
  .object({
    ...editable,
    lineId: id,
    number: z
      .number()
      .int({ error: 'validation.integer' })
      .min(1, { error: 'validation.towerCount' })
      .max(MAX_TOWER_COUNT, { error: 'validation.towerCount' }),
    kind: z.enum(TOWER_KINDS),
    /** WGS-84 degrees, as a handheld GPS or the GIS export gives them. */
    longitude: coordinate(180),
    latitude: coordinate(90),
    /** 海拔 (m). */
    altitude: z.number().finite().min(-500).max(9000).nullable().optional(),
    notes: optionalText(500),
  })
  .superRefine(positionPair);
export const towerRow = z.object({
  ...recordMeta,
  lineId: id,
  lineName: z.string(),
  number: z.number().int(),
  kind: z.enum(TOWER_KINDS),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  altitude: z.number().nullable(),
  notes: z.string().nullable(),
});
export type TowerRow = z.infer<typeof towerRow>;
export const towerListInput = gridRequestWith({ lineId: id.optional() });

/** The same three methods for every reference table: list, save (create or update), delete to the bin. */
function referenceTable<R extends z.ZodType, I extends z.ZodType>(row: R, input: I) {
  return {
    list: query(EVERYONE, gridRequest, gridPage(row)),
    save: command(REFERENCE_EDITORS, input, row),
    delete: command(REFERENCE_EDITORS, idsInput, countOutput),
  };
}

const lines = referenceTable(lineRow, lineInput);
const townships = referenceTable(townshipRow, townshipInput);
const villages = referenceTable(villageRow, villageInput);
const teams = referenceTable(teamRow, teamInput);

export const referenceMethods = {
  'reference.options': query(EVERYONE, z.object({}), referenceOptions),
  'lines.list': lines.list,
  'lines.save': lines.save,
  'lines.delete': lines.delete,
  'townships.list': townships.list,
  'townships.save': townships.save,
  'townships.delete': townships.delete,
  'villages.list': villages.list,
  'villages.save': villages.save,
  'villages.delete': villages.delete,
  'teams.list': teams.list,
  'teams.save': teams.save,
  'teams.delete': teams.delete,
  'towers.list': query(EVERYONE, towerListInput, gridPage(towerRow)),
  'towers.save': command(REFERENCE_EDITORS, towerInput, towerRow),
  'towers.delete': command(REFERENCE_EDITORS, idsInput, countOutput),
} as const;
