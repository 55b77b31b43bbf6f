import type { TFunction } from 'i18next';
import type { LightningDeviceRow, LightningTestRow, OutputOf } from '@contract';
import { call } from '../../api/client';
import { Signatures, todayLocal } from './Signatures';

export type TestReportData =
  | { kind: 'device'; device: LightningDeviceRow; tests: LightningTestRow[]; asOf: string }
  | { kind: 'campaign'; campaign: OutputOf<'campaigns.get'>; asOf: string };

/** `{ deviceId }`: one device and all its tests; `{ campaignId }`: every device of a campaign with its result. */
export async function loadTestReport(params: Record<string, unknown>): Promise<TestReportData> {
  if (params.campaignId !== undefined)
    return {
      kind: 'campaign',
      campaign: await call('campaigns.get', { id: Number(params.campaignId) }),
      asOf: todayLocal(),
    };
  const id = Number(params.deviceId);
  const device = await call('lightningDevices.get', { id });
  const tests = (
    await call('lightningTests.list', {
      startRow: 0,
      endRow: 1000,
      deviceId: id,
      sortModel: [{ colId: 'testedOn', sort: 'desc' }],
    })
  ).rows;
  return { kind: 'device', device, tests, asOf: todayLocal() };
}

export const testReportTitle = (t: TFunction, d: TestReportData) =>
  d.kind === 'device'
    ? t('print.testReport.deviceTitle', { code: d.device.code })
    : t('print.testReport.campaignTitle', { name: d.campaign.name });

const reading = (v: number | boolean | null) =>
  v === null ? '—' : typeof v === 'boolean' ? (v ? '√' : '×') : String(v);

/** 防雷试验报告: per device (its tests, the limits and standards they were judged by) or per campaign (every device's result). */
export function TestReportDocument({ t, data }: { t: TFunction; data: TestReportData }) {
  if (data.kind === 'device') {
    const d = data.device;
    const standards = [
      ...new Map(data.tests.flatMap((x) => x.judgement.items).map((i) => [i.limit + i.standard, i])).values(),
    ];
    return (
      <article className="print-doc" data-testid="print-test-report">
        <h1>{testReportTitle(t, data)}</h1>
        <p className="print-sub">{t('print.testReport.sub', { asOf: data.asOf })}</p>
        <table className="print-meta">
          <tbody>
            <tr>
              <th>{t('lightning.kind')}</th>
              <td>{t(`lightning.kinds.${d.kind}`)}</td>
              <th>{t('lightning.site')}</th>
              <td>{[t(`lightning.sites.${d.site}`), d.lineName, d.tower, d.siteName].filter(Boolean).join(' ')}</td>
            </tr>
            <tr>
              <th>{t('lightning.soilResistivity')}</th>
              <td>{d.soilResistivity ?? '—'}</td>
              <th>{t('lightning.nextDueOn')}</th>
              <td>
                {d.nextDueOn}（{t(`lightning.dueReasons.${d.dueReason}`)}）
              </td>
            </tr>
          </tbody>
        </table>
        <table className="print-table">
          <thead>
            <tr>
              <th>{t('lightning.testedOn')}</th>
              <th>{t('lightning.tester')}</th>
              <th>{t('lightning.instrument')}</th>
              <th>{t('lightning.judgement')}</th>
              <th>{t('lightning.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {data.tests.map((x) => (
              <tr key={x.id}>
                <td>{x.testedOn}</td>
                <td>{x.tester}</td>
                <td>{x.instrument ?? ''}</td>
                <td>
                  {x.judgement.items
                    .map((i) => `${t(`lightning.checks.${i.check}`)} ${reading(i.value)}（${i.limit}）`)
                    .join('；')}
                </td>
                <td>{t(`lightning.verdicts.${x.verdict ?? 'pending'}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('print.testReport.basis')}</h2>
        <ul className="print-notes">
          {standards.map((i) => (
            <li key={i.limit + i.standard}>
              {i.limit}：{i.standard}
            </li>
          ))}
        </ul>
        <Signatures t={t} roles={['print.testReport.tester', 'print.testReport.checker']} />
      </article>
    );
  }
  const c = data.campaign;
  return (
    <article className="print-doc" data-testid="print-test-report">
      <h1>{testReportTitle(t, data)}</h1>
      <p className="print-sub">
        {t('print.testReport.sub', { asOf: data.asOf })} · {t('lightning.deadline')} {c.deadline} ·{' '}
        {t('print.testReport.summary', c)}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('lightning.code')}</th>
            <th>{t('lightning.place')}</th>
            <th>{t('lightning.team')}</th>
            <th>{t('lightning.groundingOhm')}</th>
            <th>{t('lightning.insulationMohm')}</th>
            <th>{t('lightning.u1maKv')}</th>
            <th>{t('lightning.leakageUa')}</th>
            <th>{t('lightning.counterOk')}</th>
            <th>{t('lightning.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.deviceId}>
              <td>{r.deviceCode}</td>
              <td>{r.place}</td>
              <td>{r.teamName ?? ''}</td>
              <td>{reading(r.groundingOhm)}</td>
              <td>{reading(r.insulationMohm)}</td>
              <td>{reading(r.u1maKv)}</td>
              <td>{reading(r.leakageUa)}</td>
              <td>{reading(r.counterOk)}</td>
              <td>
                {r.verdict ? t(`lightning.verdicts.${r.verdict}`) : ''}
                {r.reasons.length ? `：${r.reasons.join('；')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures t={t} roles={['print.testReport.tester', 'print.testReport.checker']} />
    </article>
  );
}
