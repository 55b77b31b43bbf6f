import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Slider,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LineFile } from '@contract';
import { call } from '../../api/client';
import { useOthersChanges } from '../../api/changes';
import { LoadFailed, useLoaded } from '../../components/failure';
import { PageTitle } from '../../components/PageTitle';
import { navigate, replaceRouteFilters, useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { LineMap } from './LineMap';
import { LineStrip } from './LineStrip';

/** What the strip draws: a write to any of these at another desk redraws it. */
const DRAWN = ['vegetation', 'lightningDevices', 'lightningTests', 'trips', 'equipment', 'upgrades', 'towers', 'lines'];

/** 线路档案 (一线一档): one line tower by tower — the strip, its figures — now or at an earlier year's end. */
export function LineFilePage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const route = useRouteFilters();
  const [lineId, setLineId] = useState<number | undefined>(
    typeof route?.lineId === 'number' ? route.lineId : undefined,
  );
  const [year, setYear] = useState<number | undefined>(typeof route?.year === 'number' ? route.year : undefined);
  const [view, setView] = useState<View>(route?.view === 'map' ? 'map' : 'strip');
  useEffect(() => {
    if (typeof route?.lineId === 'number') setLineId(route.lineId);
  }, [route?.lineId]);
  useEffect(
    () => replaceRouteFilters('lineFile', { lineId, year, view: view === 'map' ? view : undefined }),
    [lineId, year, view],
  );

  const loaded = useLoaded(
    () => (lineId === undefined ? Promise.resolve(null) : call('lineFile.get', { lineId, year })),
    [lineId, year],
  );
  useOthersChanges(DRAWN, loaded.reload);
  const file = loaded.data ?? null;
  const thisYear = new Date().getFullYear();

  return (
    <div className="page page-scroll page-rows" data-testid="line-file">
      <PageTitle title={file ? `${t('lineFile.title')} · ${file.line.name}` : t('lineFile.title')}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('lineFile.pickLine')}
          style={{ width: 220 }}
          value={lineId}
          onChange={(v: number) => setLineId(v)}
          options={refs.lines.map((l) => ({ value: l.id, label: l.name }))}
          data-testid="line-file-line"
        />
        <Select
          style={{ width: 130 }}
          value={year ?? 0}
          onChange={(v: number) => setYear(v === 0 ? undefined : v)}
          options={[
            { value: 0, label: t('lineFile.now') },
            ...[1, 2, 3, 4, 5].map((back) => ({
              value: thisYear - back,
              label: t('lineFile.asAtYearEnd', { year: thisYear - back }),
            })),
          ]}
          data-testid="line-file-year"
        />
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'strip', label: t('lineFile.views.strip') },
            { value: 'map', label: t('lineFile.views.map') },
          ]}
          data-testid="line-file-view"
        />
        <Button
          icon={<PrinterOutlined />}
          disabled={lineId === undefined}
          onClick={() => navigate('print/lineFile', { lineId, year })}
          data-testid="line-file-print"
        >
          {t('lineFile.print')}
        </Button>
      </PageTitle>
      {lineId === undefined ? (
        <Empty description={t('lineFile.pickLine')} />
      ) : !file && loaded.failed ? (
        <LoadFailed error={loaded.error} onRetry={loaded.reload} />
      ) : !file ? (
        <Spin />
      ) : (
        <LineFileBody key={`${file.line.id}-${file.asOf}`} file={file} view={view} />
      )}
    </div>
  );
}

type View = 'strip' | 'map';

function LineFileBody({ file, view }: { file: LineFile; view: View }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState<[number, number]>([1, file.lastTower]);
  const [from, to] = [Math.min(visible[0], file.lastTower), Math.min(visible[1], file.lastTower)];
  const f = file.figures;
  const unplaced =
    file.devices.filter((d) => d.tower === null).length +
    file.defects.filter((d) => d.tower === null).length +
    file.upgrades.filter((u) => u.tower === null).length;
  return (
    <>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="line-file-as-of">
          {t('lineFile.asOf', { date: file.asOf })} ·{' '}
          {file.line.towerCount
            ? t('lineFile.towers', { from: 1, to: file.lastTower, count: file.line.towerCount })
            : t('lineFile.noCount', { last: file.lastTower })}
        </Typography.Text>
        {unplaced > 0 && (
          <Typography.Text type="secondary">{t('lineFile.notPlaced', { count: unplaced })}</Typography.Text>
        )}
      </Space>
      {view === 'strip' ? <LineStrip file={file} from={from} to={to} /> : <MapView file={file} from={from} to={to} />}
      {file.lastTower > 1 && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('lineFile.zoom')}
          </Typography.Text>
          <Slider
            range
            min={1}
            max={file.lastTower}
            value={[from, to]}
            onChange={(v: number[]) => setVisible([v[0]!, v[1]!])}
            style={{ flex: 1 }}
            tooltip={{ formatter: (v) => `#${v}` }}
            data-testid="line-file-zoom"
          />
        </div>
      )}
      <Row gutter={[12, 12]} data-testid="line-file-figures">
        <Figure
          title={t('lineFile.figures.openHazards')}
          value={f.openHazards.emergency + f.openHazards.major + f.openHazards.general}
          note={t('lineFile.figures.byGrade', f.openHazards)}
        />
        <Figure title={t('lineFile.figures.compensationPaid')} value={f.compensationPaid} />
        <Figure
          title={t('lineFile.figures.devices')}
          value={f.devicesDue + f.devicesFailed}
          note={t('lineFile.figures.devicesLine', { due: f.devicesDue, failed: f.devicesFailed })}
        />
        <Figure
          title={t('lineFile.figures.trips')}
          value={f.tripsThisYear}
          note={t('lineFile.figures.tripsLine', { this: f.tripsThisYear, last: f.tripsLastYear })}
        />
        <Figure title={t('lineFile.figures.defects')} value={f.openDefects} />
        <Figure title={t('lineFile.figures.requestsWaiting')} value={f.requestsWaiting} />
        <Figure
          title={t('lineFile.figures.repairs')}
          value={f.repairCalls}
          note={t('lineFile.figures.repairsLine', {
            calls: f.repairCalls,
            onTime: f.repairsArrivedOnTime,
            arrived: f.repairsArrived,
          })}
        />
      </Row>
    </>
  );
}

/** The path where towers have positions; where they lack them, says so and how to bring them in. */
function MapView({ file, from, to }: { file: LineFile; from: number; to: number }) {
  const { t } = useTranslation();
  const placed = file.towers.filter((k) => k.longitude !== null).length;
  const missing = Math.max(0, file.lastTower - placed);
  const openTowers = (
    <Button size="small" onClick={() => navigate('towers', { lineId: file.line.id })} data-testid="map-open-towers">
      {t('lineFile.map.openTowers')}
    </Button>
  );
  if (placed === 0)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="map-no-positions"
        title={t('lineFile.map.noPositions')}
        description={t('lineFile.map.how')}
        action={openTowers}
      />
    );
  return (
    <>
      {missing > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="map-some-missing"
          title={t('lineFile.map.someMissing', { missing, placed })}
          description={t('lineFile.map.how')}
          action={openTowers}
        />
      )}
      <LineMap file={file} from={from} to={to} />
    </>
  );
}

function Figure({ title, value, note }: { title: string; value: number; note?: string }) {
  return (
    <Col xs={12} md={8} xl={6}>
      <Card size="small">
        <Statistic title={title} value={value} />
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Card>
    </Col>
  );
}
