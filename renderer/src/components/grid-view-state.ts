import { VIEW_STATE_PREFIX } from '../navigation';

/** How a grid was left: its sort, its column filters and the row at its top. */
export interface ViewState {
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, unknown>;
  top: number;
}

const EMPTY: ViewState = { sortModel: [], filterModel: {}, top: 0 };

export function readViewState(key: string): ViewState {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return EMPTY;
    const v = JSON.parse(raw) as Partial<ViewState>;
    return {
      sortModel: Array.isArray(v.sortModel) ? v.sortModel : [],
      filterModel: v.filterModel && typeof v.filterModel === 'object' ? v.filterModel : {},
      top: typeof v.top === 'number' ? v.top : 0,
    };
  } catch {
    return EMPTY;
  }
}

export function writeViewState(key: string, state: ViewState) {
  sessionStorage.setItem(key, JSON.stringify(state));
}

export { VIEW_STATE_PREFIX };
