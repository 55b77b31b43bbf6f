import { useEffect, useState } from 'react';
import type { RosterView } from '@contract';
import { call } from '../../api/client';
import { showFailure } from '../../components/failure';

export interface DutyCrew {
  value: string;
  label: string;
  areaId: number;
  /** The shift's span as local 'YYYY-MM-DDTHH:MM' strings (they compare as text). */
  from: string;
  to: string;
}

const at = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000).toISOString().slice(0, 16);

/** Every crew of every season's roster, with when it was on duty: the repair form picks from these. */
export function useDutyCrews(): DutyCrew[] {
  const [crews, setCrews] = useState<DutyCrew[]>([]);
  useEffect(() => {
    void (async () => {
      const seasons = (await call('seasons.list', {})).rows.filter((s) => s.assignmentCount > 0).slice(0, 3);
      const views: RosterView[] = await Promise.all(seasons.map((s) => call('roster.get', { seasonId: s.id })));
      const out = new Map<string, DutyCrew>();
      for (const v of views) {
        for (const a of v.assignments) {
          const value = `${v.season.id}|${a.date}|${a.shift}|${a.areaId}|${a.crew}`;
          const shift = v.season.shifts.find((s) => s.code === a.shift)!;
          const [h, m] = shift.start.split(':').map(Number) as [number, number];
          const crew = out.get(value) ?? {
            value,
            label: `${a.date.slice(5)} ${shift.name} ${v.areas.find((x) => x.id === a.areaId)?.name ?? ''} ${a.crew}：`,
            areaId: a.areaId,
            from: at(a.date, h * 60 + m),
            to: at(a.date, h * 60 + m + shift.hours * 60),
          };
          crew.label += (crew.label.endsWith('：') ? '' : '、') + a.staffName;
          out.set(value, crew);
        }
      }
      setCrews([...out.values()]);
    })().catch(showFailure);
  }, []);
  return crews;
}
