import type { TFunction } from 'i18next';
import { VEGETATION_STATUSES, type ReferenceOptions, type VegetationRow } from '@contract';
import { call } from '../../api/client';
import { Signatures, todayLocal } from './Signatures';

export interface HazardListData {
  line: ReferenceOptions['lines'][number];
  records: VegetationRow[];
  asOf: string;
}

const MAX_ROWS = 5000;

/** The open hazards of one line, in tower order: what a line patrol carries. */
export async function loadHazardList(params: Record<string, unknown>): Promise<HazardListData> {
  const lineId = Number(params.lineId);
  const options = await call('reference.options', {});
  const line = options.lines.find((l) => l.id === lineId);
  if (!line) throw new Error('print.hazardList.noLine');
  const records: VegetationRow[] = [];
  for (let start = 0; start < MAX_ROWS; start += 1000) {
    const page = await call('vegetation.list', {
      startRow: start,
      endRow: start + 1000,
      lineId,
      statuses: VEGETATION_STATUSES.filter((s) => s !== 'done'),
      sortModel: [{ colId: 'towerRange', sort: 'asc' }],
    });
    records.push(...page.rows);
    if (start + 1000 >= page.rowCount) break;
  }
  return { line, records, asOf: todayLocal() };
}

export function HazardListDocument({ t, data }: { t: TFunction; data: HazardListData }) {
  const count = (g: string) => data.records.filter((r) => r.hazardGrade === g).length;
  return (
    <article className="print-doc" data-testid="print-hazard-list">
      <h1>{t('print.hazardList.title', { line: data.line.name })}</h1>
      <p className="print-sub">
        {t('print.hazardList.summary', {
          voltage: t(`reference.voltages.${data.line.voltage}`),
          conductor: t(`reference.conductors.${data.line.conductor}`),
          asOf: data.asOf,
          count: data.records.length,
          emergency: count('emergency'),
          major: count('major'),
          general: count('general'),
        })}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '5%' }}>{t('print.no')}</th>
            <th style={{ width: '9%' }}>{t('vegetation.towerRange')}</th>
            <th style={{ width: '12%' }}>{t('print.place')}</th>
            <th style={{ width: '8%' }}>{t('vegetation.landowner')}</th>
            <th style={{ width: '9%' }}>{t('print.trees')}</th>
            <th style={{ width: '7%' }}>{t('print.vertical')}</th>
            <th style={{ width: '7%' }}>{t('print.horizontal')}</th>
            <th style={{ width: '6%' }}>{t('vegetation.hazardGrade')}</th>
            <th style={{ width: '22%' }}>{t('vegetation.basis')}</th>
            <th style={{ width: '7%' }}>{t('vegetation.status')}</th>
            <th style={{ width: '8%' }}>{t('vegetation.plannedDate')}</th>
          </tr>
        </thead>
        <tbody>
          {data.records.map((r, i) => (
            <tr key={r.id} className={r.hazardGrade === 'emergency' ? 'emphasis' : undefined}>
              <td className="c">{i + 1}</td>
              <td>{r.towerRange}</td>
              <td>{[r.townshipName, r.villageName].filter(Boolean).join(' ') || '—'}</td>
              <td>{r.landowner ?? '—'}</td>
              <td>{`${r.species} ${r.treeCount}`}</td>
              <td className="c">{r.verticalDistance ?? '—'}</td>
              <td className="c">{r.horizontalDistance ?? '—'}</td>
              <td className="c">{t(`vegetation.grades.${r.hazardGrade}`)}</td>
              <td className="small">
                {t('print.basisShort', { minimum: r.hazardBasis.minimum, source: r.hazardBasis.source })}
              </td>
              <td className="c">{t(`vegetation.statuses.${r.status}`)}</td>
              <td className="c">{r.plannedDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures t={t} roles={['print.sign.preparer', 'print.sign.reviewer', 'print.sign.approver']} />
    </article>
  );
}
