import { useEffect, useRef } from 'react';
import type { DataChange } from '@contract';
import { call, session } from './client';

const EVERY_MS = 2000;
/** Changes that can touch any list (demo data, a restored backup): everything refreshes. */
const EVERYTHING = new Set(['demo', 'backup', 'database']);

type Listener = (changes: DataChange[] | 'all') => void;
const listeners = new Set<Listener>();
let version = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let asking = false;

async function poll() {
  if (asking || !session.token || document.hidden) return;
  asking = true;
  try {
    const r = await call('changes.since', { version });
    const first = version === 0;
    version = r.version;
    if (first) return;
    const everything = r.reset || r.changes.some((c) => c.entities.some((e) => EVERYTHING.has(e)));
    if (everything || r.changes.length) listeners.forEach((fn) => fn(everything ? 'all' : r.changes));
  } catch {
    // Offline or signed out for a moment: the next round asks again.
  } finally {
    asking = false;
  }
}

function subscribe(fn: Listener) {
  listeners.add(fn);
  if (!timer) {
    void poll();
    timer = setInterval(() => void poll(), EVERY_MS);
  }
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * Calls `onChange` when someone else (another window, another PC on the office server) saves a
 * record of one of these kinds; the caller re-reads what it shows. `'*'` listens to every kind.
 */
export function useOthersChanges(entities: readonly string[], onChange: () => void) {
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = entities.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return subscribe((changes) => {
      if (changes === 'all' || wanted.has('*') || changes.some((c) => c.entities.some((e) => wanted.has(e))))
        latest.current();
    });
  }, [key]);
}

/** The kinds of record a list method shows, as the audit names them. */
const LIST_ENTITIES: Record<string, string[]> = {
  accounts: ['users'],
  audit: ['*'],
  recycle: ['*'],
  upgrades: ['upgrades', 'budgets'],
  lightningDevices: ['lightningDevices', 'lightningTests'],
  rectifications: ['lightningTests', 'rectifications'],
};

export const entitiesOfList = (method: string): string[] => {
  const module = method.split('.')[0]!;
  return LIST_ENTITIES[module] ?? [module];
};
