import type { TFunction } from 'i18next';
import { z } from 'zod';
import { REPAIR_SOURCES, repairInput, type ReferenceOptions, type RepairAreaRow } from '@contract';
import type { FieldDef } from '../../components/FormDrawer';
import type { DutyCrew } from './useDutyCrews';

/** The form picks the crew on duty as one choice; the core gets its season, day, shift and number. */
export const repairForm = z.preprocess((v) => {
  const values = { ...(v as Record<string, unknown>) };
  const [seasonId, dutyDate, shift, , crew] = typeof values.crewKey === 'string' ? values.crewKey.split('|') : [];
  delete values.crewKey;
  return {
    ...values,
    seasonId: seasonId ? Number(seasonId) : null,
    dutyDate: dutyDate ?? null,
    shift: shift ?? null,
    crew: crew ? Number(crew) : null,
  };
}, repairInput);

export function repairFormValues(row: Record<string, unknown>): Record<string, unknown> {
  const crewKey = row.seasonId
    ? `${String(row.seasonId)}|${String(row.dutyDate)}|${String(row.shift)}|${String(row.areaId)}|${String(row.crew)}`
    : undefined;
  return { ...row, crewKey };
}

export function repairFields(
  t: TFunction,
  areas: RepairAreaRow[],
  refs: ReferenceOptions,
  crews: DutyCrew[],
  values: Record<string, unknown>,
): FieldDef[] {
  const received =
    typeof values.receivedAt === 'string'
      ? values.receivedAt
      : typeof (values.receivedAt as { format?: unknown } | undefined)?.format === 'function'
        ? (values.receivedAt as { format(f: string): string }).format('YYYY-MM-DDTHH:mm')
        : null;
  // The crews of the chosen area on duty when the call came in.
  const onDuty = crews.filter(
    (c) => c.areaId === values.areaId && (!received || (c.from <= received && received < c.to)),
  );
  return [
    {
      name: 'source',
      label: t('repairs.source'),
      kind: 'select',
      required: true,
      options: REPAIR_SOURCES.map((s) => ({ value: s, label: t(`repairs.sources.${s}`) })),
    },
    { name: 'orderNo', label: t('repairs.orderNo'), kind: 'text' },
    { name: 'receivedAt', label: t('repairs.receivedAt'), kind: 'datetime', required: true },
    {
      name: 'areaId',
      label: t('repairs.area'),
      kind: 'select',
      required: true,
      options: areas.map((a) => ({
        value: a.id,
        label: `${a.name}（${t('repairs.promise', { value: a.arrivalMinutes })}）`,
      })),
    },
    {
      name: 'lineId',
      label: t('repairs.line'),
      kind: 'select',
      options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
    },
    {
      name: 'crewKey',
      label: t('repairs.crew'),
      kind: 'select',
      options: onDuty.map((c) => ({ value: c.value, label: c.label })),
      help: t('repairs.crewHelp'),
    },
    { name: 'fault', label: t('repairs.fault'), kind: 'textarea', required: true, span: 24 },
    { name: 'arrivedAt', label: t('repairs.arrivedAt'), kind: 'datetime' },
    { name: 'restoredAt', label: t('repairs.restoredAt'), kind: 'datetime' },
    { name: 'delayCause', label: t('repairs.delayCause'), kind: 'text', span: 24 },
  ];
}
