import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, DatePicker, Empty, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HAZARD_GRADES, type BacklogRecord, type HazardGrade, type ReferenceOptions } from '@contract';
import { call } from '../../api/client';
import { DRAG_TYPE, type DragLoad } from './trimming-text';
import { showFailure } from '../../components/failure';

const GRADE_COLORS = { emergency: 'red', major: 'orange', general: 'green' } as const;
const LIMIT = 800;

/**
 * The records still to plan, by line in tower order, with the grid's filters. A record, or a whole
 * line's group, is dragged onto a team's day; ticked ones go there with 安排到… from the keyboard.
 */
export function Backlog({
  refs,
  reloadKey,
  onArrange,
  onCount,
}: {
  refs: ReferenceOptions;
  reloadKey: number;
  onArrange: (ids: number[]) => void;
  onCount?: (n: number) => void;
}) {
  const { t } = useTranslation();
  const [grades, setGrades] = useState<HazardGrade[]>([]);
  const [lineId, setLineId] = useState<number | undefined>();
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const [dueBy, setDueBy] = useState<string | undefined>();
  const [search, setSearch] = useState<string | undefined>();
  const [records, setRecords] = useState<BacklogRecord[] | null>(null);
  const [total, setTotal] = useState(0);
  const [ticked, setTicked] = useState<Set<number>>(new Set());

  const load = useCallback(() => {
    call('trimming.backlog', {
      grades: grades.length ? grades : undefined,
      lineId,
      townshipId,
      dueBy,
      search,
      limit: LIMIT,
    }).then(
      (r) => {
        setRecords(r.records);
        setTotal(r.total);
        onCount?.(r.total);
        setTicked((now) => new Set([...now].filter((id) => r.records.some((x) => x.id === id))));
      },
      (e: unknown) => showFailure(e),
    );
  }, [grades, lineId, townshipId, dueBy, search, onCount]);
  useEffect(load, [load, reloadKey]);

  const groups = useMemo(() => {
    const byLine = new Map<number, BacklogRecord[]>();
    for (const r of records ?? []) byLine.set(r.lineId, [...(byLine.get(r.lineId) ?? []), r]);
    return [...byLine.values()];
  }, [records]);

  const drag = (e: React.DragEvent, load: DragLoad) => {
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(load));
    e.dataTransfer.effectAllowed = 'move';
  };
  const toggle = (id: number, on: boolean) =>
    setTicked((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));

  return (
    <aside className="plan-backlog" data-testid="plan-backlog" aria-label={t('trimming.backlog')}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('trimming.filterGrade')}
            value={grades}
            onChange={setGrades}
            style={{ width: '50%' }}
            options={HAZARD_GRADES.map((g) => ({ value: g, label: t(`vegetation.grades.${g}`) }))}
            aria-label={t('trimming.filterGrade')}
          />
          <DatePicker
            placeholder={t('trimming.dueBy')}
            value={dueBy ? dayjs(dueBy) : null}
            onChange={(d) => setDueBy(d ? d.format('YYYY-MM-DD') : undefined)}
            style={{ width: '50%' }}
          />
        </Space.Compact>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('trimming.filterLine')}
            value={lineId}
            onChange={setLineId}
            style={{ width: '55%' }}
            options={refs.lines.map((l) => ({ value: l.id, label: l.name }))}
            aria-label={t('trimming.filterLine')}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('trimming.filterTownship')}
            value={townshipId}
            onChange={setTownshipId}
            style={{ width: '45%' }}
            options={refs.townships.map((x) => ({ value: x.id, label: x.name }))}
            aria-label={t('trimming.filterTownship')}
          />
        </Space.Compact>
        <Input.Search allowClear placeholder={t('trimming.search')} onSearch={(s) => setSearch(s || undefined)} />
        <div className="plan-backlog-bar">
          <Typography.Text type="secondary">
            {t('trimming.backlogCount', { count: total > LIMIT ? LIMIT : total })}
          </Typography.Text>
          <Button
            size="small"
            type="primary"
            disabled={ticked.size === 0}
            onClick={() => onArrange([...ticked])}
            data-testid="arrange-to"
          >
            {t('trimming.arrangeTo')}
            {ticked.size ? ` (${ticked.size})` : ''}
          </Button>
        </div>
        {total > LIMIT && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('trimming.backlogMore', { count: LIMIT })}
          </Typography.Text>
        )}
      </Space>
      <div className="plan-backlog-list">
        {records === null ? (
          <Spin style={{ margin: 24 }} />
        ) : records.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trimming.backlogEmpty')} />
        ) : (
          groups.map((g) => (
            <section key={g[0]!.lineId} className="plan-line" data-testid="backlog-line">
              <div
                className="plan-line-head"
                draggable
                onDragStart={(e) => drag(e, { kind: 'records', ids: g.map((r) => r.id) })}
                title={t('trimming.dragHint')}
              >
                <HolderOutlined />
                <Checkbox
                  checked={g.every((r) => ticked.has(r.id))}
                  indeterminate={g.some((r) => ticked.has(r.id)) && !g.every((r) => ticked.has(r.id))}
                  onChange={(e) => g.forEach((r) => toggle(r.id, e.target.checked))}
                  aria-label={g[0]!.lineName}
                />
                <strong data-record>{g[0]!.lineName}</strong>
                <span className="plan-muted">
                  {t('trimming.records', { count: g.length })} ·{' '}
                  {t('trimming.trees', { count: g.reduce((n, r) => n + r.treeCount, 0) })}
                </span>
              </div>
              {g.map((r) => (
                <div
                  key={r.id}
                  className="plan-record"
                  draggable
                  onDragStart={(e) =>
                    drag(e, {
                      kind: 'records',
                      ids: ticked.has(r.id) ? [...ticked].filter((id) => g.some((x) => x.id === id)) : [r.id],
                    })
                  }
                  data-testid="backlog-record"
                  data-record={r.id}
                >
                  <Checkbox
                    checked={ticked.has(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                    aria-label={`${r.lineName} ${r.towerRange}`}
                  />
                  <span className="plan-towers">{r.towerRange}</span>
                  <Tag color={GRADE_COLORS[r.hazardGrade]}>{t(`vegetation.grades.${r.hazardGrade}`)}</Tag>
                  {r.status === 'blocked' && <Tag color="magenta">{t('vegetation.statuses.blocked')}</Tag>}
                  <span className="plan-muted">
                    {r.species} {r.treeCount} · {r.landowner ?? '—'}
                  </span>
                  <span
                    className={`plan-deadline${r.deadline && r.deadline < dayjs().format('YYYY-MM-DD') ? ' late' : ''}`}
                    title={r.deadline ?? undefined}
                  >
                    {r.deadline ? r.deadline.slice(5) : ''}
                  </span>
                </div>
              ))}
            </section>
          ))
        )}
      </div>
    </aside>
  );
}
