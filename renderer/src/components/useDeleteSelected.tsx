import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RefObject } from 'react';
import type { DataGridHandle } from './DataGrid';
import { showFailure } from './failure';

/** Confirm, move the grid's selected rows to the recycle bin, tell how many, refresh. */
export function useDeleteSelected(
  grid: RefObject<DataGridHandle | null>,
  remove: (ids: number[]) => Promise<{ count: number }>,
) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  return () => {
    const ids = grid.current?.selectedIds() ?? [];
    if (ids.length === 0) return;
    modal.confirm({
      title: t('common.deleteConfirm', { count: ids.length }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { count } = await remove(ids);
          void message.success(t('common.deleted', { count }));
          grid.current?.clearSelection();
          grid.current?.refresh();
        } catch (err) {
          showFailure(err);
        }
      },
    });
  };
}
