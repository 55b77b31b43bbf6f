import type { TFunction } from 'i18next';
import type { WeekPlanRow } from '@contract';
import { call } from '../../api/client';
import { Signatures } from './Signatures';

export interface WeekPlanData {
  from: string;
  to: string;
  rows: WeekPlanRow[];
  team: string | null;
}

export async function loadWeekPlan(params: Record<string, unknown>): Promise<WeekPlanData> {
  const weekOf = typeof params.weekOf === 'string' ? params.weekOf : new Date().toISOString().slice(0, 10);
  const teamId = typeof params.teamId === 'number' ? params.teamId : undefined;
  const r = await call('trimming.weekPlan', { weekOf, teamId });
  return { ...r, team: teamId ? (r.rows[0]?.teamName ?? null) : null };
}

/** 周作业计划表 (A4 landscape): the week's packages by team and day, with windows and notices. */
export function WeekPlanDocument({ t, data }: { t: TFunction; data: WeekPlanData }) {
  return (
    <article className="print-doc landscape" data-testid="print-week-plan">
      <h1>{t('printTrimming.weekPlan.title')}</h1>
      <p className="print-sub">
        {t('printTrimming.weekPlan.sub', {
          from: data.from,
          to: data.to,
          team: data.team ?? t('printTrimming.weekPlan.allTeams'),
        })}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '9%' }}>{t('trimming.date')}</th>
            <th style={{ width: '12%' }}>{t('trimming.team')}</th>
            <th style={{ width: '16%' }}>{t('vegetation.line')}</th>
            <th style={{ width: '10%' }}>{t('vegetation.towerRange')}</th>
            <th style={{ width: '6%' }}>{t('vegetation.treeCount')}</th>
            <th style={{ width: '10%' }}>{t('vegetation.action')}</th>
            <th style={{ width: '9%' }}>{t('trimming.method')}</th>
            <th style={{ width: '14%' }}>{t('trimming.windows')}</th>
            <th style={{ width: '7%' }}>{t('trimming.package.notify')}</th>
            <th style={{ width: '9%' }}>{t('trimming.package.orderNo')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.packageId}>
              <td className="c">{r.date}</td>
              <td>{r.teamName}</td>
              <td>{r.lineName}</td>
              <td>{r.towers}</td>
              <td className="c">{r.trees}</td>
              <td>{r.actions.map((a) => t(`vegetation.actions.${a}`)).join('、')}</td>
              <td className="c">{t(`trimming.methods.${r.method}`)}</td>
              <td>{r.window ?? '—'}</td>
              <td className="c">{t(`print.notified.${r.notified}`)}</td>
              <td>{r.orderNo ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures t={t} roles={['print.sign.issuer', 'print.sign.approver']} />
    </article>
  );
}
