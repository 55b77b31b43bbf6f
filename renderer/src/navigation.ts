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
