import { useEffect, useState } from 'react';
import { STAFF_SKILLS, parseSkillList } from '@contract';
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

/** The skills the office records (setting staff.skills), for the form's level pickers. */
export function useStaffSkills(): string[] {
  const [skills, setSkills] = useState<string[]>([...STAFF_SKILLS]);
  useEffect(() => {
    void call('settings.list', { group: 'staff' }).then(
      (r) => {
        const value = r.rows.find((s) => s.key === 'staff.skills')?.value;
        const parsed = typeof value === 'string' ? parseSkillList(value) : null;
        if (parsed) setSkills(parsed);
      },
      () => undefined,
    );
  }, []);
  return skills;
}
