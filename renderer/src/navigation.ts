import { useEffect, useState } from 'react';

/**
 * Location lives in the URL hash: #/vegetation, or #/vegetation?f=<filters as JSON> when the first
 * screen or a reminder opens a page already filtered. Reloads and back/forward keep both.
 */
function parse(): { route: string; filters: Record<string, unknown> | null } {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [route = '', query = ''] = hash.split('?');
  const f = new URLSearchParams(query).get('f');
  let filters: Record<string, unknown> | null = null;
  try {
    filters = f ? (JSON.parse(f) as Record<string, unknown>) : null;
  } catch {
    filters = null;
  }
  return { route, filters };
}

export function navigate(route: string, filters?: Record<string, unknown>) {
  window.location.hash = `/${route}${filters ? `?f=${encodeURIComponent(JSON.stringify(filters))}` : ''}`;
}

/**
 * Keeps a page's filters in the address without a new history step, so that 返回 from a print page
 * (or a reload) comes back to the list as it was. Empty filters leave a plain address.
 */
export function replaceRouteFilters(route: string, filters: Record<string, unknown> | null) {
  if (parse().route !== route) return;
  const kept = filters
    ? Object.fromEntries(
        Object.entries(filters).filter(
          ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
        ),
      )
    : {};
  const hash = `#/${route}${Object.keys(kept).length ? `?f=${encodeURIComponent(JSON.stringify(kept))}` : ''}`;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/**
 * A record opened from the address ({ open: id }, a search hit) is opened once: the address drops
 * it at once, so closing the drawer, 返回 from a print page or the next user's sign-in never reopens it.
 */
export function dropOpenFromRoute(route: string) {
  const { filters } = parse();
  if (!filters || !('open' in filters)) return;
  const { open: _open, ...rest } = filters;
  replaceRouteFilters(route, rest);
}

/** Everything a page remembers of how it was left: filters in the address, grid state in this tab's storage. */
export function clearViewState() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(VIEW_STATE_PREFIX)) sessionStorage.removeItem(key);
  window.history.replaceState(null, '', '#/');
}

/** sessionStorage keys under which grids keep their sort, column filters and scroll position. */
export const VIEW_STATE_PREFIX = 'griddesk.view.';

export function useHashRoute(fallback: string): string {
  const [route, setRoute] = useState(() => parse().route || fallback);
  useEffect(() => {
    const on = () => setRoute(parse().route || fallback);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [fallback]);
  return route;
}

/** The filters the page was opened with (null when none), following later navigation too. */
export function useRouteFilters(): Record<string, unknown> | null {
  const [filters, setFilters] = useState(() => parse().filters);
  useEffect(() => {
    const on = () => setFilters(parse().filters);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return filters;
}
