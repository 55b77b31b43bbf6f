import type { TFunction } from 'i18next';
import type { OutageRow } from '@contract';
import { call } from '../../api/client';
import { todayLocal } from './Signatures';

export interface OutageNoticeData {
  window: OutageRow;
  issuedOn: string;
}

export async function loadOutageNotice(params: Record<string, unknown>): Promise<OutageNoticeData> {
  if (typeof params.id !== 'number') throw new Error('print.noPackage');
  return { window: await call('outages.get', { id: params.id }), issuedOn: todayLocal() };
}

/** 停电通知 to post (A4): the line, the towers, the day and hours, why, and the 7-day commitment. */
export function OutageNoticeDocument({ t, data }: { t: TFunction; data: OutageNoticeData }) {
  const w = data.window;
  return (
    <article className="print-doc outage-notice" data-testid="print-outage-notice">
      <h1>{t('printTrimming.outage.title')}</h1>
      <p className="notice-body">
        {t('printTrimming.outage.body', {
          reason: w.reason,
          date: w.date,
          start: w.startTime,
          end: w.endTime,
          line: w.lineName,
          towers: w.towerFrom ? `#${w.towerFrom}–#${w.towerTo}` : t('outages.wholeLine'),
        })}
      </p>
      <p>{t('printTrimming.outage.customers', { count: w.customersAffected })}</p>
      <p className="small">{t('printTrimming.outage.commitment')}</p>
      <p className="notice-issuer">
        {t('printTrimming.outage.issuer')}
        <br />
        {data.issuedOn}
      </p>
    </article>
  );
}
