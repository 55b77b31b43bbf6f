import { useCallback, useEffect, useState } from 'react';
import type { ReferenceOptions } from '@contract';
import { call } from '../../api/client';

const EMPTY: ReferenceOptions = { lines: [], townships: [], villages: [], teams: [] };

/** Lines, townships, villages and teams for pickers; reload after editing reference data. */
export function useReferenceOptions(): [ReferenceOptions, () => void] {
  const [options, setOptions] = useState<ReferenceOptions>(EMPTY);
  const load = useCallback(() => {
    call('reference.options', {}).then(setOptions, () => setOptions(EMPTY));
  }, []);
  useEffect(load, [load]);
  return [options, load];
}
