import type { TFunction } from 'i18next';
import type { LineFile } from '@contract';
import { call } from '../../api/client';
import { LineStrip } from '../line-file/LineStrip';
import { Signatures } from './Signatures';

/** The line file as printed: today, or at the end of the year the page showed. */
export async function loadLineFileSheet(params: Record<string, unknown>): Promise<LineFile> {
  const lineId = Number(params.lineId);
  if (!lineId) throw new Error('lineFile.pickLine');
  const year = typeof params.year === 'number' ? params.year : undefined;
  return call('lineFile.get', { lineId, year });
}

/** 线路档案 on A3 landscape: the strip from #1 to the last tower and the figures, for the wall or the file. */
export function LineFileSheetDocument({ t, data }: { t: TFunction; data: LineFile }) {
  const f = data.figures;
  const rows: [string, string | number, string][] = [
    [
      t('lineFile.figures.openHazards'),
      f.openHazards.emergency + f.openHazards.major + f.openHazards.general,
      t('lineFile.figures.byGrade', f.openHazards),
    ],
    [t('lineFile.figures.compensationPaid'), f.compensationPaid, ''],
    [
      t('lineFile.figures.devices'),
      f.devicesDue + f.devicesFailed,
      t('lineFile.figures.devicesLine', { due: f.devicesDue, failed: f.devicesFailed }),
    ],
    [
      t('lineFile.figures.trips'),
      f.tripsThisYear,
      t('lineFile.figures.tripsLine', { this: f.tripsThisYear, last: f.tripsLastYear }),
    ],
    [t('lineFile.figures.defects'), f.openDefects, ''],
    [t('lineFile.figures.requestsWaiting'), f.requestsWaiting, ''],
    [
      t('lineFile.figures.repairs'),
      f.repairCalls,
      t('lineFile.figures.repairsLine', {
        calls: f.repairCalls,
        onTime: f.repairsArrivedOnTime,
        arrived: f.repairsArrived,
      }),
    ],
  ];
  return (
    <article className="print-doc a3" data-testid="print-line-file">
      <h1>{t('lineFile.printTitle', { line: data.line.name })}</h1>
      <p className="print-sub">
        {t('lineFile.asOf', { date: data.asOf })} ·{' '}
        {data.line.towerCount
          ? t('lineFile.towers', { from: 1, to: data.lastTower, count: data.line.towerCount })
          : t('lineFile.noCount', { last: data.lastTower })}
      </p>
      <LineStrip file={data} from={1} to={data.lastTower} />
      <table className="print-table line-file-figures">
        <tbody>
          {rows.map(([label, value, note]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
              <td>{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures t={t} roles={['print.sign.preparer', 'print.sign.reviewer']} />
    </article>
  );
}
