import type { TFunction } from 'i18next';
import { navigate } from '../../navigation';

/**
 * A grid cell showing a line's name that opens the line's file (一线一档) — the same in every
 * ledger that names a line. The row must carry `lineId` (and the cell the name).
 */
export const lineNameCell = (t: TFunction) => (p: { value?: string | null; data?: { lineId?: number | null } }) => {
  const lineId = p.data?.lineId;
  if (!p.value || typeof lineId !== 'number') return p.value ?? '';
  return (
    <a
      title={t('lineFile.open')}
      data-testid="line-file-link"
      onClick={(e) => {
        e.stopPropagation();
        navigate('lineFile', { lineId });
      }}
    >
      {p.value}
    </a>
  );
};
