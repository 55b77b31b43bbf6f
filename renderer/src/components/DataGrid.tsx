import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type IGetRowsParams,
  type CellKeyDownEvent,
  type GridState,
} from 'ag-grid-community';
import { gridLocale, gridTheme } from './grid-look';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '@contract';
import { call } from '../api/client';
import { entitiesOfList, useOthersChanges } from '../api/changes';
import { readViewState, VIEW_STATE_PREFIX, writeViewState, type ViewState } from './grid-view-state';
import { showFailure } from './failure';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Methods whose output is a grid page ({ rows, rowCount }). */
export type ListMethod = {
  [M in MethodName]: OutputOf<M> extends { rows: unknown[]; rowCount: number }
    ? InputOf<M> extends { startRow: number }
      ? M
      : never
    : never;
}[MethodName];
type RowOf<M extends ListMethod> = OutputOf<M>['rows'][number];
type ExtraParams<M extends ListMethod> = Omit<InputOf<M>, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>;

export interface DataGridHandle {
  /** Re-reads the rows the grid shows (after a save or delete). */
  refresh(): void;
  selectedIds(): number[];
  /** The selected rows as loaded (for actions that depend on their state). */
  selectedRows(): unknown[];
  clearSelection(): void;
  /** What the user sees: displayed columns in order with their headers, and the sort and filters. */
  view(): GridView;
}

export interface GridView {
  columns: { colId: string; header: string }[];
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, unknown>;
}

interface Props<M extends ListMethod> {
  method: M;
  columns: ColDef<RowOf<M>>[];
  params?: ExtraParams<M>;
  rowId?: (row: RowOf<M>) => string;
  selectable?: boolean;
  onOpen?: (row: RowOf<M>) => void;
  onDeleteKey?: () => void;
  onSelectionChanged?: (count: number) => void;
  onRowCount?: (count: number) => void;
  emptyTitle?: string;
  emptyHint?: string;
  /** Given while the page's own filters are on: an empty result then offers to clear them. */
  onClearFilters?: () => void;
  testId?: string;
}

const theme = gridTheme();
const BLOCK = 100;
// Options the grid gets as the same objects on every render: a new object is a change to AG Grid,
// which then works through its columns again.
const DEFAULT_COL_DEF = { sortable: true, resizable: true, minWidth: 70 };
const SELECTION_COLUMN = { pinned: 'left' as const, width: 44, suppressHeaderMenuButton: true };
const MULTI_ROW = { mode: 'multiRow' as const, checkboxes: true, headerCheckbox: false, enableClickSelection: false };

/**
 * The one grid every module uses: AG Grid's infinite row model over a list method, so paging,
 * sorting and filtering run in SQL and a million rows stay fast.
 */
function DataGridInner<M extends ListMethod>(props: Props<M>, ref: React.Ref<DataGridHandle>) {
  const { t, i18n } = useTranslation();
  const apiRef = useRef<GridApi<RowOf<M>> | null>(null);
  const paramsRef = useRef(props.params);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [columnFiltered, setColumnFiltered] = useState(false);
  const onRowCount = props.onRowCount;

  // How the user left this grid in this tab (sort, column filters, the top row): 返回 from a print page restores it.
  const stateKey = `${VIEW_STATE_PREFIX}${props.testId ?? props.method}`;
  const saved = useMemo(() => readViewState(stateKey), [stateKey]);
  const initialState = useMemo<GridState>(
    () => ({ sort: { sortModel: saved.sortModel }, filter: { filterModel: saved.filterModel } }),
    [saved],
  );
  const topRow = useRef(saved.top);

  // The first block is asked for at once, while the grid is still being built (it asks ~0.3 s later).
  const firstBlock = useRef<{ key: string; page: Promise<OutputOf<M>> } | null>(null);
  if (firstBlock.current === null) {
    const input = {
      ...(props.params ?? {}),
      startRow: 0,
      endRow: BLOCK,
      sortModel: saved.sortModel,
      filterModel: saved.filterModel,
    } as unknown as InputOf<M>;
    // failure: shown when the grid takes this page, by getRows' rejection handler below.
    const page = call(props.method, input);
    page.catch(() => undefined); // …and not reported twice
    firstBlock.current = { key: JSON.stringify(input), page };
  }

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        const input = {
          ...(paramsRef.current ?? {}),
          startRow: p.startRow,
          endRow: p.endRow,
          sortModel: p.sortModel,
          filterModel: p.filterModel,
        } as unknown as InputOf<M>;
        const early = firstBlock.current;
        const prefetched = early && early.key === JSON.stringify(input) ? early.page : null;
        if (early) firstBlock.current = { key: '', page: early.page }; // used once at most
        (prefetched ?? call(props.method, input)).then(
          (page) => {
            const { rows, rowCount: total } = page as unknown as { rows: RowOf<M>[]; rowCount: number };
            p.successCallback(rows, total);
            setRowCount(total);
            onRowCount?.(total);
            // Back where the user was: once, after the first rows of a restored view are in.
            const top = topRow.current;
            if (top > 0 && p.startRow === 0) {
              topRow.current = 0;
              setTimeout(() => apiRef.current?.ensureIndexVisible(Math.min(top, Math.max(0, total - 1)), 'top'));
            }
          },
          (err: unknown) => {
            p.failCallback();
            showFailure(err);
          },
        );
      },
    }),
    // The datasource stays the same object; parameter changes purge the cache instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.method],
  );

  useEffect(() => {
    paramsRef.current = props.params;
    apiRef.current?.purgeInfiniteCache();
  }, [JSON.stringify(props.params)]); // eslint-disable-line react-hooks/exhaustive-deps

  // Someone else saved one of these records: re-read the blocks on screen (selection and scroll stay).
  // (An empty grid has no block to re-read: it asks again from the top.)
  const shownRows = useRef<number | null>(null);
  shownRows.current = rowCount;
  useOthersChanges(entitiesOfList(props.method), () =>
    shownRows.current ? apiRef.current?.refreshInfiniteCache() : apiRef.current?.purgeInfiniteCache(),
  );

  useImperativeHandle(ref, () => ({
    refresh: () => apiRef.current?.refreshInfiniteCache(),
    selectedIds: () => (apiRef.current?.getSelectedRows() ?? []).map((r) => (r as { id: number }).id),
    selectedRows: () => apiRef.current?.getSelectedRows() ?? [],
    clearSelection: () => apiRef.current?.deselectAll(),
    view: () => {
      const api = apiRef.current;
      if (!api) return { columns: [], sortModel: [], filterModel: {} };
      const columns = api
        .getAllDisplayedColumns()
        .filter((c) => !c.getColId().startsWith('ag-Grid-'))
        .map((c) => ({ colId: c.getColId(), header: api.getDisplayNameForColumn(c, null) }));
      const sortModel = api
        .getColumnState()
        .filter((c) => c.sort)
        .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
        .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
      return { columns, sortModel, filterModel: api.getFilterModel() };
    },
  }));

  const remember = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const state = api.getState();
    writeViewState(stateKey, {
      sortModel: (state.sort?.sortModel ?? []) as ViewState['sortModel'],
      filterModel: state.filter?.filterModel ?? {},
      top: Math.max(0, api.getFirstDisplayedRowIndex()),
    });
  }, [stateKey]);

  const onGridReady = useCallback((e: GridReadyEvent<RowOf<M>>) => {
    apiRef.current = e.api;
    setColumnFiltered(e.api.isAnyFilterPresent());
  }, []);
  const onFilterChanged = useCallback(() => {
    setColumnFiltered(apiRef.current?.isAnyFilterPresent() ?? false);
    remember();
  }, [remember]);
  const clearFilters = () => {
    apiRef.current?.setFilterModel(null);
    props.onClearFilters?.();
  };
  // Nothing matches the filters is not the same as an empty ledger: say which, and offer the way back.
  const filtered = columnFiltered || props.onClearFilters !== undefined;
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<RowOf<M>>) => {
      const key = (e.event as KeyboardEvent | undefined)?.key;
      if (key === 'Enter' && e.data) props.onOpen?.(e.data);
      if (key === 'Delete') props.onDeleteKey?.();
    },
    [props],
  );

  const localeText = useMemo(() => gridLocale(i18n.language), [i18n.language]);
  const rowIdOf = useRef(props.rowId);
  rowIdOf.current = props.rowId;
  const getRowId = useCallback(
    (p: { data: RowOf<M> }) => (rowIdOf.current ? rowIdOf.current(p.data) : String((p.data as { id: number }).id)),
    [],
  );

  return (
    <div className="data-grid" data-testid={props.testId}>
      <div className="data-grid-body">
        <AgGridReact<RowOf<M>>
          key={i18n.language}
          theme={theme}
          localeText={localeText}
          columnDefs={props.columns}
          defaultColDef={DEFAULT_COL_DEF}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={50}
          infiniteInitialRowCount={BLOCK}
          blockLoadDebounceMillis={60}
          getRowId={getRowId}
          selectionColumnDef={SELECTION_COLUMN}
          rowSelection={props.selectable ? MULTI_ROW : undefined}
          onSelectionChanged={(e) => props.onSelectionChanged?.(e.api.getSelectedRows().length)}
          onRowDoubleClicked={(e) => e.data && props.onOpen?.(e.data)}
          onCellKeyDown={onCellKeyDown}
          onGridReady={onGridReady}
          initialState={initialState}
          onSortChanged={remember}
          onFilterChanged={onFilterChanged}
          onBodyScrollEnd={remember}
          tooltipShowDelay={300}
          // Ledgers have a few dozen columns at most: render them all, so search and print see every cell.
          suppressColumnVirtualisation
          suppressNoRowsOverlay
        />
        {rowCount === 0 && !filtered && (
          <div className="data-grid-empty">
            <Empty
              description={
                <span>
                  {props.emptyTitle ?? t('common.empty')}
                  {props.emptyHint && (
                    <>
                      <br />
                      <small>{props.emptyHint}</small>
                    </>
                  )}
                </span>
              }
            />
          </div>
        )}
        {rowCount === 0 && filtered && (
          <div className="data-grid-empty" data-testid="grid-no-match">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noMatch')}>
              <Button onClick={clearFilters} data-testid="grid-clear-filters">
                {t('common.clearFilters')}
              </Button>
            </Empty>
          </div>
        )}
      </div>
      <div className="data-grid-footer">
        {rowCount === null ? t('common.loading') : t('common.rows', { count: rowCount })}
      </div>
    </div>
  );
}

export const DataGrid = forwardRef(DataGridInner) as <M extends ListMethod>(
  props: Props<M> & { ref?: React.Ref<DataGridHandle> },
) => React.ReactElement;
