import type { TFunction } from 'i18next';
import { DEFECT_GRADES, type UpgradeRow } from '@contract';

/** A factor's value in words: the defect grade by name (一般/严重/危急), years, customers. */
function valueText(t: TFunction, factor: string, value: number): string {
  if (factor === 'defect')
    return value > 0 ? t(`equipment.grades.${DEFECT_GRADES[value - 1]}`) : t('upgrades.noDefect');
  if (factor === 'age') return t('upgrades.years', { count: value });
  if (factor === 'consequence') return t('upgrades.households', { count: value });
  return t('upgrades.conditionLevel', { value });
}

/** Why a request has its priority, factor by factor, for the list's tooltip and the approval sheet. */
export const priorityBreakdown = (t: TFunction, parts: UpgradeRow['priorityParts']): string =>
  parts
    .map((p) =>
      t('upgrades.breakdown', {
        factor: t(`upgrades.factors.${p.factor}`),
        value: valueText(t, p.factor, p.value),
        points: p.points,
        weight: p.weight,
      }),
    )
    .join('；');
