import type { TFunction } from 'i18next';
import type { OutageRow, PackageRow } from '@contract';
import { call } from '../../api/client';
import { Signatures, todayLocal } from './Signatures';

export interface PackageOrderData {
  pkg: PackageRow;
  reprint: boolean;
  window: OutageRow | null;
  issuedOn: string;
}

/** Printing a package's 派工单 issues it: the number is given (or the reprint counted) by the core. */
export async function loadPackageOrder(params: Record<string, unknown>): Promise<PackageOrderData> {
  if (typeof params.id !== 'number') throw new Error('print.noPackage');
  const { package: pkg, reprint } = await call('trimming.issueOrder', { id: params.id });
  const windows =
    pkg.method === 'outage' ? (await call('trimming.board', { from: pkg.date, to: pkg.lastDate })).windows : [];
  return {
    pkg,
    reprint,
    window: windows.find((w) => w.lineId === pkg.lineId && w.status === 'approved') ?? null,
    issuedOn: todayLocal(),
  };
}

/** 树障清理派工单 of one package: one team, one day, numbered; a reprint says 补打. */
export function PackageOrderDocument({ t, data }: { t: TFunction; data: PackageOrderData }) {
  const { pkg } = data;
  return (
    <article className="print-doc" data-testid="print-package-order">
      {data.reprint && <div className="print-stamp">{t('printTrimming.order.reprint')}</div>}
      <h1>{t('printTrimming.order.title')}</h1>
      <table className="print-meta">
        <tbody>
          <tr>
            <th>{t('print.workOrder.number')}</th>
            <td data-testid="order-number">{pkg.orderNo}</td>
            <th>{t('print.workOrder.issuedOn')}</th>
            <td>{data.issuedOn}</td>
          </tr>
          <tr>
            <th>{t('printTrimming.order.team')}</th>
            <td>{pkg.teamName}</td>
            <th>{t('printTrimming.order.date')}</th>
            <td>{pkg.days > 1 ? `${pkg.date} – ${pkg.lastDate}` : pkg.date}</td>
          </tr>
          <tr>
            <th>{t('vegetation.line')}</th>
            <td>{pkg.lineName}</td>
            <th>{t('printTrimming.order.method')}</th>
            <td>
              {t(`trimming.methods.${pkg.method}`)}
              {data.window
                ? `（${t('printTrimming.order.window')} ${data.window.date} ${data.window.startTime}–${data.window.endTime}）`
                : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '6%' }}>{t('print.no')}</th>
            <th style={{ width: '12%' }}>{t('vegetation.towerRange')}</th>
            <th style={{ width: '16%' }}>{t('print.place')}</th>
            <th style={{ width: '18%' }}>{t('print.landowner')}</th>
            <th style={{ width: '14%' }}>{t('print.trees')}</th>
            <th style={{ width: '8%' }}>{t('vegetation.hazardGrade')}</th>
            <th style={{ width: '8%' }}>{t('vegetation.action')}</th>
            <th style={{ width: '18%' }}>{t('trimming.package.distanceAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {pkg.records.map((r, i) => (
            <tr key={r.id}>
              <td className="c">{i + 1}</td>
              <td>{r.towerRange}</td>
              <td>{[r.townshipName, r.villageName].filter(Boolean).join(' ') || '—'}</td>
              <td>
                {r.landowner ?? '—'}
                {r.landownerPhone && <div className="small">{r.landownerPhone}</div>}
              </td>
              <td>{`${r.species} ${r.treeCount}`}</td>
              <td className="c">{t(`vegetation.grades.${r.hazardGrade}`)}</td>
              <td className="c">{t(`vegetation.actions.${r.action}`)}</td>
              <td />
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
      </section>
      <Signatures t={t} roles={['print.sign.leader', 'print.sign.issuer', 'print.sign.acceptor']} />
    </article>
  );
}
