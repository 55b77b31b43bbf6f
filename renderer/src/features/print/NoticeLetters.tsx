import type { TFunction } from 'i18next';
import type { NoticeLetter } from '@contract';
import { call } from '../../api/client';

export interface NoticeLettersData {
  letters: NoticeLetter[];
}

export async function loadNoticeLetters(params: Record<string, unknown>): Promise<NoticeLettersData> {
  const packageIds = (Array.isArray(params.packageIds) ? params.packageIds : []).filter(
    (x): x is number => typeof x === 'number',
  );
  const weekOf = typeof params.weekOf === 'string' ? params.weekOf : undefined;
  const r = await call('trimming.notices', packageIds.length ? { packageIds } : { weekOf });
  if (r.letters.length === 0) throw new Error('print.noLetters');
  return r;
}

/**
 * 树障清理通知书: one page per landowner — the trees, the day, the legal basis (实施细则 第十六条;
 * 第十八条 where the trees were planted in the zone after the line was built), and a receipt slip.
 */
export function NoticeLettersDocument({ t, data }: { t: TFunction; data: NoticeLettersData }) {
  return (
    <>
      {data.letters.map((l) => {
        const place = [l.townshipName, l.villageName].filter(Boolean).join('');
        return (
          <article
            className="print-doc notice-letter"
            key={`${l.packageId}-${l.landowner}-${l.villageName ?? ''}`}
            data-testid="notice-letter"
          >
            <h1>{t('printTrimming.notice.title')}</h1>
            <p className="notice-to">
              {place ? t('printTrimming.notice.to', { name: l.landowner, place }) : `${l.landowner}：`}
            </p>
            <p className="notice-body">{t('printTrimming.notice.body', { line: l.lineName, towers: l.towers })}</p>
            <table className="print-table">
              <thead>
                <tr>
                  <th>{t('vegetation.species')}</th>
                  <th>{t('vegetation.treeCount')}</th>
                  <th>{t('vegetation.action')}</th>
                </tr>
              </thead>
              <tbody>
                {l.items.map((it, i) => (
                  <tr key={i}>
                    <td>{it.species}</td>
                    <td className="c">{it.treeCount}</td>
                    <td className="c">{t(`vegetation.actions.${it.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="notice-body">{t('printTrimming.notice.plan', { date: l.date, team: l.teamName })}</p>
            <p className="notice-law">{t('printTrimming.notice.law16')}</p>
            {l.items.some((it) => it.plantedInZone) && <p className="notice-law">{t('printTrimming.notice.law18')}</p>}
            <p>{t('printTrimming.notice.contact', { team: l.teamName })}</p>
            <p className="notice-issuer">
              {t('printTrimming.notice.issuer')}
              <br />
              {t('printTrimming.notice.date')}
            </p>
            <div className="notice-cut">{t('printTrimming.notice.cut')}</div>
            <section className="notice-receipt">
              <h2>{t('printTrimming.notice.receipt')}</h2>
              <p>{t('printTrimming.notice.receiptBody', { line: l.lineName, towers: l.towers })}</p>
              <p>{t('printTrimming.notice.receiptSign')}</p>
            </section>
          </article>
        );
      })}
    </>
  );
}
