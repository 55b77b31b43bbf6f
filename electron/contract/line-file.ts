import { z } from 'zod';
import { EVERYONE, query } from './method';
import { id } from './common';
import { DEFECT_GRADES, UPGRADE_STATUSES } from './upgrades';
import { HAZARD_GRADES, VEGETATION_STATUSES } from './vegetation';
import { LIGHTNING_DEVICE_TYPES } from './lightning';
import { TOWER_KINDS } from './reference';

/** A device on the strip: passed, due (never tested, or overdue), failed (red: its last test), or a rectification still open. */
export const STRIP_DEVICE_STATES = ['passed', 'due', 'failed', 'rectifying'] as const;

/** 线路档案 (一线一档): everything recorded along one line, tower by tower, as it stood at a date. */
export const lineFile = z.object({
  line: z.object({
    id,
    name: z.string(),
    voltage: z.string(),
    towerCount: z.number().int().nullable(),
    lengthKm: z.number().nullable(),
  }),
  /** The strip runs #1 to this: the tower count, or the highest tower anything names. */
  lastTower: z.number().int(),
  /** The last day the file shows: today, or 31 Dec of the year asked for. */
  asOf: z.string(),
  /** The tower records; a position only where both coordinates were recorded (WGS-84 degrees). */
  towers: z.array(
    z.object({
      number: z.number().int(),
      kind: z.enum(TOWER_KINDS),
      longitude: z.number().nullable(),
      latitude: z.number().nullable(),
    }),
  ),
  /** Townships whose seat has a position: the map view writes the names of those near the line. */
  places: z.array(z.object({ name: z.string(), longitude: z.number(), latitude: z.number() })),
  hazards: z.array(
    z.object({
      id,
      from: z.number().int(),
      to: z.number().int(),
      grade: z.enum(HAZARD_GRADES),
      status: z.enum(VEGETATION_STATUSES),
      species: z.string(),
      treeCount: z.number().int(),
    }),
  ),
  devices: z.array(
    z.object({
      id,
      code: z.string(),
      kind: z.enum(LIGHTNING_DEVICE_TYPES),
      tower: z.number().int().nullable(),
      state: z.enum(STRIP_DEVICE_STATES),
      lastTestedOn: z.string().nullable(),
    }),
  ),
  trips: z.array(z.object({ id, occurredAt: z.string(), towers: z.array(z.number().int()), reclosed: z.boolean() })),
  defects: z.array(
    z.object({
      id,
      code: z.string(),
      name: z.string(),
      tower: z.number().int().nullable(),
      grade: z.enum(DEFECT_GRADES),
    }),
  ),
  upgrades: z.array(
    z.object({
      id,
      requestNo: z.string().nullable(),
      equipmentCode: z.string(),
      tower: z.number().int().nullable(),
      status: z.enum(UPGRADE_STATUSES),
    }),
  ),
  figures: z.object({
    openHazards: z.object({ emergency: z.number(), major: z.number(), general: z.number() }),
    /** 补偿 paid in disputes over the line's hazards, up to the date (元). */
    compensationPaid: z.number(),
    devicesDue: z.number(),
    devicesFailed: z.number(),
    tripsThisYear: z.number(),
    tripsLastYear: z.number(),
    openDefects: z.number(),
    requestsWaiting: z.number(),
    repairCalls: z.number(),
    /** Calls in the year that arrived within their area's promise, of those that have arrived. */
    repairsArrivedOnTime: z.number(),
    repairsArrived: z.number(),
  }),
});
export type LineFile = z.infer<typeof lineFile>;

/** What adds to a line's risk score; each has a weight in the settings (lineRisk.*). */
export const RISK_FACTORS = [
  'riskEmergencyHazard',
  'riskMajorHazard',
  'riskDeviceOverdue',
  'riskDeviceFailed',
  'riskTripsPer100',
  'riskCriticalDefect',
  'riskSeriousDefect',
  'riskPromiseBroken',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** 线路风险排序: every line's score, highest first, with what made it up. */
export const lineRiskRow = z.object({
  lineId: id,
  lineName: z.string(),
  towerCount: z.number().int().nullable(),
  score: z.number(),
  parts: z.array(
    z.object({
      factor: z.enum(RISK_FACTORS),
      /** How many (for trips: per 100 towers, or on the whole line without a tower count). */
      count: z.number(),
      weight: z.number(),
      points: z.number(),
    }),
  ),
});
export type LineRiskRow = z.infer<typeof lineRiskRow>;

const header = z.string().trim().min(1).max(60);

/** The ranking's workbook headers in the reader's language (the core writes no display text). */
export const lineRiskHeaders = z.object({
  sheet: header,
  countsSheet: header,
  rank: header,
  line: header,
  towerCount: header,
  score: header,
  factors: z.object(Object.fromEntries(RISK_FACTORS.map((f) => [f, header])) as Record<RiskFactor, typeof header>),
});
export type LineRiskHeaders = z.infer<typeof lineRiskHeaders>;

export const lineFileMethods = {
  'lineRisk.list': query(EVERYONE, z.object({}), z.object({ rows: z.array(lineRiskRow), asOf: z.string() })),
  /** The ranking as a workbook: points per factor on the first sheet, the counts behind them on the second. */
  'lineRisk.export': query(
    EVERYONE,
    z.object({ headers: lineRiskHeaders }),
    z.object({ fileId: z.string(), name: z.string() }),
  ),
  'lineFile.get': query(
    EVERYONE,
    z.object({ lineId: id, year: z.number().int().min(2000).max(2100).optional() }),
    lineFile,
  ),
} as const;
