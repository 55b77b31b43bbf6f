import { useEffect, useState } from 'react';
import { call } from '../../api/client';

/** Everyone on the register, for pickers (an office has hundreds, not thousands). */
export function usePeople(): { id: number; label: string }[] {
  const [people, setPeople] = useState<{ id: number; label: string }[]>([]);
  useEffect(() => {
    void call('staff.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'employeeNo', sort: 'asc' }] }).then(
      (r) => setPeople(r.rows.map((p) => ({ id: p.id, label: `${p.employeeNo} ${p.name}` }))),
      () => undefined,
    );
  }, []);
  return people;
}
