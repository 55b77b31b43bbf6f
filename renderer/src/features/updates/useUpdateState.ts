import { useEffect, useState } from 'react';
import type { UpdateSource, UpdateState } from '@contract';

export interface UpdateView {
  state: UpdateState;
  source: UpdateSource;
  managedByServer: boolean;
}

/** The desk's update state from main, kept current by its pushes; null in a browser (no bridge). */
export function useUpdateState(): UpdateView | null {
  const bridge = window.griddesk?.updates;
  const [view, setView] = useState<UpdateView | null>(null);
  useEffect(() => {
    if (!bridge) return;
    let live = true;
    void bridge.get().then((v) => live && setView(v));
    const stop = bridge.onChange((state) => setView((v) => (v ? { ...v, state } : v)));
    return () => {
      live = false;
      stop();
    };
  }, [bridge]);
  return view;
}
