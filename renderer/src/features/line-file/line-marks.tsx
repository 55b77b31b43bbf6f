import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { LineFile } from '@contract';
import { navigate } from '../../navigation';

// What a record on the line looks like and says, the same on the strip and on the map:
// its colour, its hover text, and the page that opens it.

export const GRADE_COLOURS = { emergency: '#cf1322', major: '#fa8c16', general: '#d4b106' } as const;
export const DEVICE_COLOURS = { passed: '#389e0d', due: '#d48806', failed: '#f5222d', rectifying: '#722ed1' } as const;
export const DEFECT_COLOURS = { critical: '#cf1322', serious: '#fa8c16', general: '#d4b106' } as const;
/** This year's trips darkest, the two before lighter. */
export const TRIP_COLOURS = ['#a8071a', '#fa541c', '#8c8c8c'] as const;
export const upgradeColour = (status: string) =>
  status === 'submitted' ? '#1677ff' : status === 'approved' || status === 'funded' ? '#13c2c2' : '#595959';

type Of<K extends keyof LineFile> = LineFile[K] extends (infer R)[] ? R : never;
export interface MarkText {
  tip: string;
  open: () => void;
}

/** One clickable mark: a hover title, Enter or a click opens its record. */
export function Mark({ testId, text, children }: { testId: string; text: MarkText; children: ReactNode }) {
  return (
    <g
      data-testid={testId}
      role="button"
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={text.open}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && text.open()}
    >
      <title>{text.tip}</title>
      {children}
    </g>
  );
}

/** A lightning device: a triangle for an arrester, a circle for a ground, coloured by its state. */
export function DeviceSymbol({ d, cx, cy, r }: { d: Of<'devices'>; cx: number; cy: number; r: number }) {
  const fill = DEVICE_COLOURS[d.state];
  return d.kind === 'arrester' ? (
    <polygon points={`${cx},${cy - r} ${cx + r},${cy + r} ${cx - r},${cy + r}`} fill={fill} data-state={d.state} />
  ) : (
    <circle cx={cx} cy={cy} r={r} fill={fill} data-state={d.state} />
  );
}

const range = (a: number, b: number) => (a === b ? `#${a}` : `#${a}–#${b}`);

export const hazardText = (t: TFunction, h: Of<'hazards'>): MarkText => ({
  tip: t('lineFile.tip.hazard', {
    range: range(h.from, h.to),
    grade: t(`vegetation.grades.${h.grade}`),
    species: h.species,
    count: h.treeCount,
    status: t(`vegetation.statuses.${h.status}`),
  }),
  open: () => navigate('vegetation', { open: h.id }),
});

export const deviceText = (t: TFunction, d: Of<'devices'>): MarkText => ({
  tip: t('lineFile.tip.device', {
    code: d.code,
    kind: t(`lightning.kinds.${d.kind}`),
    tower: d.tower,
    state: t(`lineFile.deviceStates.${d.state}`),
    tested: d.lastTestedOn ? t('lineFile.tip.tested', { date: d.lastTestedOn }) : '',
  }),
  open: () => navigate('lightningDevices', { search: d.code }),
});

export const tripText = (t: TFunction, lineId: number, trip: Of<'trips'>, towers: number[]): MarkText => ({
  tip: t('lineFile.tip.trip', {
    at: trip.occurredAt.replace('T', ' '),
    towers: range(Math.min(...towers), Math.max(...towers)),
    reclosed: trip.reclosed ? t('lineFile.tip.reclosed') : '',
  }),
  open: () => navigate('trips', { lineId, year: Number(trip.occurredAt.slice(0, 4)) }),
});

export const defectText = (t: TFunction, d: Of<'defects'>): MarkText => ({
  tip: t('lineFile.tip.defect', {
    code: d.code,
    name: d.name,
    tower: d.tower,
    grade: t(`equipment.grades.${d.grade}`),
  }),
  open: () => navigate('equipment', { search: d.code }),
});

export const upgradeText = (t: TFunction, u: Of<'upgrades'>): MarkText => ({
  tip: t('lineFile.tip.upgrade', {
    no: u.requestNo ?? '',
    code: u.equipmentCode,
    tower: u.tower,
    status: t(`upgrades.statuses.${u.status}`),
  }),
  open: () => navigate('upgrades', { open: u.id }),
});

/** How old a trip is against the file's year: 0 this year, 1 last year, 2 before. */
export const tripAge = (file: LineFile, occurredAt: string) =>
  Math.min(2, Math.max(0, Number(file.asOf.slice(0, 4)) - Number(occurredAt.slice(0, 4))));
