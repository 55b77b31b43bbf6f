import type { TFunction } from 'i18next';
import { CLEARANCE_ACTIONS, TREE_CLASSES, VEGETATION_STATUSES, type ReferenceOptions } from '@contract';
import type { FieldDef } from '../../components/FormDrawer';

export function vegetationFields(
  t: TFunction,
  refs: ReferenceOptions,
  townshipId: number | null | undefined,
): FieldDef[] {
  const villages = refs.villages.filter((v) => !townshipId || v.townshipId === townshipId);
  return [
    {
      name: 'lineId',
      label: t('vegetation.line'),
      kind: 'select',
      required: true,
      options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
    },
    {
      name: 'towerRange',
      label: t('vegetation.towerRange'),
      kind: 'text',
      required: true,
      placeholder: t('vegetation.towerRangeHelp'),
    },
    {
      name: 'townshipId',
      label: t('vegetation.township'),
      kind: 'select',
      options: refs.townships.map((x) => ({ value: x.id, label: x.name })),
    },
    {
      name: 'villageId',
      label: t('vegetation.village'),
      kind: 'select',
      options: villages.map((x) => ({ value: x.id, label: x.name })),
    },
    { name: 'landowner', label: t('vegetation.landowner'), kind: 'text' },
    { name: 'landownerPhone', label: t('vegetation.landownerPhone'), kind: 'text' },
    { name: 'species', label: t('vegetation.species'), kind: 'text', required: true },
    { name: 'treeCount', label: t('vegetation.treeCount'), kind: 'integer', required: true, min: 1 },
    { name: 'treeHeight', label: t('vegetation.treeHeight'), kind: 'number' },
    {
      name: 'treeClass',
      label: t('vegetation.treeClass'),
      kind: 'select',
      required: true,
      options: TREE_CLASSES.map((c) => ({ value: c, label: t(`vegetation.treeClasses.${c}`) })),
    },
    { name: 'verticalDistance', label: t('vegetation.verticalDistance'), kind: 'number' },
    { name: 'horizontalDistance', label: t('vegetation.horizontalDistance'), kind: 'number' },
    {
      name: 'action',
      label: t('vegetation.action'),
      kind: 'select',
      required: true,
      options: CLEARANCE_ACTIONS.map((a) => ({ value: a, label: t(`vegetation.actions.${a}`) })),
    },
    {
      name: 'status',
      label: t('vegetation.status'),
      kind: 'select',
      required: true,
      options: VEGETATION_STATUSES.map((s) => ({ value: s, label: t(`vegetation.statuses.${s}`) })),
    },
    { name: 'foundDate', label: t('vegetation.foundDate'), kind: 'date', help: t('vegetation.foundDateHelp') },
    { name: 'plannedDate', label: t('vegetation.plannedDate'), kind: 'date' },
    { name: 'lateReason', label: t('vegetation.lateReason'), kind: 'text', help: t('vegetation.lateReasonHelp') },
    {
      name: 'teamId',
      label: t('vegetation.team'),
      kind: 'select',
      options: refs.teams.map((x) => ({ value: x.id, label: x.name })),
    },
    { name: 'completedDate', label: t('vegetation.completedDate'), kind: 'date' },
    { name: 'distanceAfter', label: t('vegetation.distanceAfter'), kind: 'number' },
    {
      name: 'plantedInZone',
      label: t('vegetation.plantedInZone'),
      kind: 'checkbox',
      span: 24,
      help: t('vegetation.plantedInZoneHelp'),
    },
    { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
  ];
}
