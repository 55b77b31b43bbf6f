import type { TFunction } from 'i18next';
import type { VegetationRow } from '@contract';
import { call } from '../../api/client';
import { Signatures, todayLocal } from './Signatures';

export interface WorkOrderData {
  records: VegetationRow[];
  issuedOn: string;
}

const MAX_RECORDS = 200;

export async function loadWorkOrder(params: Record<string, unknown>): Promise<WorkOrderData> {
  const ids = (Array.isArray(params.ids) ? params.ids : [])
    .filter((x): x is number => typeof x === 'number')
    .slice(0, MAX_RECORDS);
  const records = await Promise.all(ids.map((id) => call('vegetation.get', { id })));
  const issuedOn = todayLocal();
  return {
    records: records.sort((a, b) => a.lineName.localeCompare(b.lineName, 'zh-CN') || a.towerFrom - b.towerFrom),
    issuedOn,
  };
}

const dist = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/**
 * 树障清理派工单 for selected records: one sheet per team (a sheet names the one team that signs for
 * it). Numbered work orders that are recorded when issued come from the trimming board's packages.
 */
export function WorkOrderDocument({ t, data }: { t: TFunction; data: WorkOrderData }) {
  const byTeam = new Map<string, VegetationRow[]>();
  for (const r of data.records) byTeam.set(r.teamName ?? '', [...(byTeam.get(r.teamName ?? '') ?? []), r]);
  return (
    <>
      {[...byTeam.values()].map((records) => (
        <TeamWorkOrder key={records[0]!.id} t={t} records={records} issuedOn={data.issuedOn} />
      ))}
    </>
  );
}

function TeamWorkOrder({ t, records, issuedOn }: { t: TFunction; records: VegetationRow[]; issuedOn: string }) {
  const data = { issuedOn };
  const teams = [...new Set(records.map((r) => r.teamName).filter(Boolean))];
  // The standards the grades were judged by, once each, as footnotes.
  const sources = [...new Set(records.map((r) => r.hazardBasis.source))];
  const number = `PG-${data.issuedOn.replace(/-/g, '')}-${String(records[0]?.id ?? 0).padStart(6, '0')}`;
  return (
    <article className="print-doc work-order" data-testid="print-work-order">
      <h1>{t('print.workOrder.title')}</h1>
      <table className="print-meta">
        <tbody>
          <tr>
            <th>{t('print.workOrder.number')}</th>
            <td>{number}</td>
            <th>{t('print.workOrder.issuedOn')}</th>
            <td>{data.issuedOn}</td>
          </tr>
          <tr>
            <th>{t('print.workOrder.team')}</th>
            <td>{teams.join('、') || '＿＿＿＿＿＿＿＿'}</td>
            <th>{t('print.workOrder.count')}</th>
            <td>
              {t('print.workOrder.countValue', {
                count: records.length,
                trees: records.reduce((n, r) => n + r.treeCount, 0),
              })}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '5%' }}>{t('print.no')}</th>
            <th style={{ width: '14%' }}>{t('vegetation.line')}</th>
            <th style={{ width: '12%' }}>{t('vegetation.towerRange')}</th>
            <th style={{ width: '11%' }}>{t('print.place')}</th>
            <th style={{ width: '14%' }}>{t('print.landowner')}</th>
            <th style={{ width: '9%' }}>{t('print.trees')}</th>
            <th style={{ width: '10%' }}>{t('print.distance')}</th>
            <th style={{ width: '8%' }}>{t('vegetation.hazardGrade')}</th>
            <th style={{ width: '6%' }}>{t('vegetation.action')}</th>
            <th style={{ width: '11%' }}>{t('vegetation.plannedDate')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={r.id}>
              <td className="c">{i + 1}</td>
              <td>{r.lineName}</td>
              <td>{r.towerRange}</td>
              <td>{[r.townshipName, r.villageName].filter(Boolean).join(' ') || '—'}</td>
              <td>
                {r.landowner ?? '—'}
                {r.landownerPhone && <div className="small">{r.landownerPhone}</div>}
              </td>
              <td>{`${r.species} ${r.treeCount}`}</td>
              <td className="c">{`${dist(r.verticalDistance)} / ${dist(r.horizontalDistance)}`}</td>
              <td>
                <strong>{t(`vegetation.grades.${r.hazardGrade}`)}</strong>
                <div className="small">
                  {t('print.minimum', { minimum: r.hazardBasis.minimum })}
                  <sup>{sources.indexOf(r.hazardBasis.source) + 1}</sup>
                </div>
              </td>
              <td className="c">{t(`vegetation.actions.${r.action}`)}</td>
              <td className="c">{r.plannedDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="print-notes">
        <h2>{t('print.workOrder.safety')}</h2>
        <ol>
          <li>{t('print.workOrder.safety1')}</li>
          <li>{t('print.workOrder.safety2')}</li>
          <li>{t('print.workOrder.safety3')}</li>
          <li>{t('print.workOrder.safety4')}</li>
        </ol>
        <p className="small">{t('print.workOrder.distanceNote')}</p>
        {sources.map((source, i) => (
          <p className="small" key={source}>
            <sup>{i + 1}</sup> {source}
          </p>
        ))}
      </section>
      <Signatures
        t={t}
        roles={['print.sign.leader', 'print.sign.issuer', 'print.sign.landowner', 'print.sign.acceptor']}
      />
    </article>
  );
}
