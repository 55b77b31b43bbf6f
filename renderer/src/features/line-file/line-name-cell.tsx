import type { TFunction } from 'i18next';
import { navigate } from '../../navigation';

/**
 * A grid cell showing a line's name that opens the line's file (一线一档) — the same in every
 * ledger that names a line. The row carries the line's id in `lineId` (on the lines register: `id`).
 */
export const lineNameCell =
  (t: TFunction, idKey: 'lineId' | 'id' = 'lineId') =>
  (p: { value?: string | null; data?: { lineId?: number | null; id?: number } }) => {
    const lineId = p.data?.[idKey];
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
