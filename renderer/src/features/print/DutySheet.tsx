import type { TFunction } from 'i18next';
import { violationText } from '../roster/roster-text';
import type { RosterView } from '@contract';
import { call } from '../../api/client';
import { Signatures, todayLocal } from './Signatures';
import { shiftName } from '../../i18n/words';

export interface DutySheetData {
  view: RosterView;
  weeks: string[][];
  asOf: string;
}

const addDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The season's roster, a week to a page (from the Monday-or-first day on). */
export async function loadDutySheet(params: Record<string, unknown>): Promise<DutySheetData> {
  const seasonId = Number(params.seasonId);
  if (!seasonId) throw new Error('print.dutySheet.noSeason');
  const view = await call('roster.get', { seasonId });
  const weeks: string[][] = [];
  let week: string[] = [];
  for (let d = view.season.startDate; d <= view.season.endDate; d = addDay(d)) {
    week.push(d);
    if (new Date(`${d}T00:00:00Z`).getUTCDay() === 0) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push(week);
  return { view, weeks, asOf: todayLocal() };
}

/** 抢修值班表: A4 landscape, one week a page, names and phones per area and crew, to pin on the wall. */
export function DutySheetDocument({ t, data }: { t: TFunction; data: DutySheetData }) {
  const { view } = data;
  const weekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' });
  const crewsAt = (date: string, shift: string, areaId: number) => {
    const members = view.assignments.filter((a) => a.date === date && a.shift === shift && a.areaId === areaId);
    return [...new Set(members.map((m) => m.crew))].sort().map((crew) => members.filter((m) => m.crew === crew));
  };
  return (
    <div data-testid="print-duty-sheet">
      {data.weeks.map((days, i) => (
        <article className="print-doc landscape" key={days[0]}>
          <h1>{t('print.dutySheet.title', { season: view.season.name })}</h1>
          <p className="print-sub">
            {t('print.dutySheet.week', { n: i + 1, from: days[0], to: days.at(-1) })}
            {view.season.publishedVersion > 0
              ? ` · ${t('roster.publishedTag', { version: view.season.publishedVersion })}`
              : ` · ${t('roster.draft')}`}
          </p>
          {/* A draft is not the roster: marked as such, with the rules it still breaks, on every page. */}
          {view.season.publishedVersion === 0 && (
            <p className="print-draft" data-testid="duty-sheet-draft">
              {t('print.dutySheet.draftMark')}
              {view.violations.length > 0 &&
                `${t('print.dutySheet.draftBreaks', { count: view.violations.length })}${view.violations.map((v) => violationText(t, v, view)).join('；')}`}
            </p>
          )}
          <table className="print-table">
            <colgroup>
              <col style={{ width: '11%' }} />
              <col style={{ width: '6%' }} />
              {view.areas.map((a) => (
                <col key={a.id} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th>{t('roster.date')}</th>
                <th>{t('roster.shift')}</th>
                {view.areas.map((a) => (
                  <th key={a.id}>
                    {a.name}
                    <div className="small">
                      {t('print.dutySheet.promise', {
                        arrival: a.arrivalMinutes,
                        restore: a.restoreMinutes ? Math.round(a.restoreMinutes / 6) / 10 : '—',
                      })}
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.flatMap((d) =>
                view.season.shifts.map((s, k) => (
                  <tr key={`${d}-${s.code}`}>
                    {k === 0 && (
                      <td rowSpan={view.season.shifts.length} className="c">
                        {d.slice(5)} {weekday.format(new Date(`${d}T00:00:00Z`))}
                        {view.season.peakDays.includes(d) && <span className="small"> {t('roster.peak')}</span>}
                      </td>
                    )}
                    <td className="c">
                      {shiftName(t, s)} <span className="small">{s.start}</span>
                    </td>
                    {view.areas.map((a) => (
                      <td key={a.id}>
                        {crewsAt(d, s.code, a.id).map((crew) => (
                          <div key={crew[0]!.crew}>
                            {crewsAt(d, s.code, a.id).length > 1 && <b>{t('roster.crew', { crew: crew[0]!.crew })} </b>}
                            {crew.map((m) => `${m.staffName}${m.phone ? ` ${m.phone}` : ''}`).join('；')}
                          </div>
                        ))}
                      </td>
                    ))}
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <p className="small">{t('print.dutySheet.note')}</p>
          <Signatures t={t} roles={['print.dutySheet.madeBy', 'print.dutySheet.approvedBy']} />
        </article>
      ))}
    </div>
  );
}
