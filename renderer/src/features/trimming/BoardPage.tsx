import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, List, Modal, Popconfirm, Segmented, Space, Spin, Tag, Typography, App as AntApp } from 'antd';
import { DownloadOutlined, LeftOutlined, PrinterOutlined, RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutoPlanOutcome, BoardOutput, PackageRow, WorkMethod } from '@contract';
import { call } from '../../api/client';
import { attempt, showFailure } from '../../components/failure';
import { useOthersChanges } from '../../api/changes';
import { downloadFile } from '../../api/files';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useRouteFilters } from '../../navigation';
import { useAuth } from '../accounts/auth-context';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { ArrangeModal } from './ArrangeModal';
import { AutoPlanModal } from './AutoPlanModal';
import { Backlog } from './Backlog';
import { BoardGrid, type DraftChip } from './BoardGrid';
import { PackageDrawer } from './PackageDrawer';
import { usePlacement } from './usePlacement';
import { mondayOf, monthRange, plusDays, type DragLoad } from './trimming-text';

/**
 * 计划看板: the planner's main tool. The backlog beside a board of teams by days, week or month;
 * drag records onto a team's day (or tick them and 安排到…), drag packages about; every change is
 * checked by the same rules as the automatic plan, whose draft shows here before it is accepted.
 */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const planner = auth.may('trimming.savePackage');
  const manager = auth.may('trimming.approveMonth');
  const today = dayjs().format('YYYY-MM-DD');
  const routeFilters = useRouteFilters();
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(() => (typeof routeFilters?.from === 'string' ? routeFilters.from : today));
  const [board, setBoard] = useState<BoardOutput | null>(null);
  const [backlogKey, setBacklogKey] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [arranging, setArranging] = useState<number[] | null>(null);
  const [autoOpen, setAutoOpen] = useState(false);
  const [draft, setDraft] = useState<{ jobId: string; outcome: AutoPlanOutcome } | null>(null);
  const [unplacedOpen, setUnplacedOpen] = useState(false);
  const [refs] = useReferenceOptions();
  const { from, to } =
    view === 'week' ? { from: mondayOf(anchor), to: plusDays(mondayOf(anchor), 6) } : monthRange(anchor);

  const load = useCallback(() => {
    call('trimming.board', { from, to }).then(setBoard, (e: unknown) => showFailure(e));
  }, [from, to]);
  useEffect(load, [load]);
  const reloadAll = useCallback(() => {
    load();
    setBacklogKey((k) => k + 1);
  }, [load]);
  useOthersChanges(['packages', 'outages', 'vegetation', 'teams', 'calendar', 'trimmingMonths'], reloadAll);

  const recordLabel = useCallback(
    (id: number) => {
      const r = board?.packages.flatMap((p) => p.records).find((x) => x.id === id);
      return r ? `${r.lineName} ${r.towerRange}` : `#${id}`;
    },
    [board],
  );
  const { place, modal } = usePlacement(recordLabel, reloadAll);

  const onDrop = (teamId: number, date: string, loadOf: DragLoad) => {
    if (loadOf.kind === 'records') return void place({ teamId, date, recordIds: loadOf.ids });
    const p = board?.packages.find((x) => x.id === loadOf.id);
    if (p)
      void place({
        id: p.id,
        version: p.version,
        teamId,
        date,
        days: p.days,
        method: p.method,
        recordIds: p.records.map((r) => r.id),
      });
  };
  const onMethod = (p: PackageRow, method: WorkMethod) =>
    void place({
      id: p.id,
      version: p.version,
      teamId: p.teamId,
      date: p.date,
      days: p.days,
      method,
      recordIds: p.records.map((r) => r.id),
    });

  const lineName = useMemo(() => new Map(refs.lines.map((l) => [l.id, l.name])), [refs]);
  const draftChips: DraftChip[] = useMemo(
    () =>
      (draft?.outcome.packages ?? [])
        .filter((p) => p.date >= from && p.date <= to)
        .map((p) => ({ ...p, lineName: lineName.get(p.lineId) ?? '' })),
    [draft, from, to, lineName],
  );
  const open = board?.packages.find((p) => p.id === openId) ?? null;
  const shift = (n: number) =>
    setAnchor((a) => (view === 'week' ? plusDays(a, 7 * n) : dayjs(a).add(n, 'month').format('YYYY-MM-DD')));

  const acceptDraft = async () => {
    if (!draft) return;
    try {
      const r = await call('trimming.acceptDraft', { jobId: draft.jobId });
      void message.success(t('trimming.auto.accepted', { count: r.created }));
      setDraft(null);
      reloadAll();
    } catch (e) {
      showFailure(e);
    }
  };

  const monthPlan = board?.month;
  const monthAction = async (method: 'trimming.submitMonth' | 'trimming.approveMonth') => {
    try {
      await call(method, { month: from.slice(0, 7) });
      load();
    } catch (e) {
      showFailure(e);
    }
  };

  return (
    <div className="page plan-page" data-testid="plan-page">
      <PageTitle title={t('trimming.title')}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'week' | 'month')}
          options={[
            { value: 'week', label: t('trimming.week') },
            { value: 'month', label: t('trimming.month') },
          ]}
          data-testid="plan-view"
        />
        <Space.Compact>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label={t('trimming.prev')} />
          <Button onClick={() => setAnchor(today)}>{t('trimming.today')}</Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => shift(1)}
            aria-label={t('trimming.next')}
            data-testid="plan-next"
          />
        </Space.Compact>
        <Typography.Text strong data-testid="plan-range">
          {from} – {to}
        </Typography.Text>
        {planner && (
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            onClick={() => setAutoOpen(true)}
            data-testid="auto-plan"
          >
            {t('trimming.auto.button')}
          </Button>
        )}
        <Button
          icon={<PrinterOutlined />}
          onClick={() => navigate('print/notices', { weekOf: mondayOf(anchor) })}
          data-testid="print-week-notices"
        >
          {t('trimming.prints.notices')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          onClick={() => navigate('print/weekPlan', { weekOf: mondayOf(anchor) })}
          data-testid="print-week-plan"
        >
          {t('trimming.prints.weekPlan')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          aria-label={t('trimming.prints.export')}
          title={t('trimming.prints.export')}
          onClick={() =>
            void attempt(async () => {
              const f = await call('trimming.weekPlanExport', {
                weekOf: mondayOf(anchor),
                language: i18n.language === 'en' ? 'en' : 'zh-CN',
              });
              await downloadFile(f.fileId);
            })
          }
        />
      </PageTitle>
      {monthPlan !== undefined && (
        <div className="plan-month" data-testid="month-plan">
          <Typography.Text strong>{t('trimming.monthPlan.title', { month: from.slice(0, 7) })}</Typography.Text>
          <Tag
            color={monthPlan?.status === 'approved' ? 'green' : monthPlan?.status === 'submitted' ? 'blue' : 'default'}
            data-testid="month-status"
          >
            {monthPlan
              ? monthPlan.status === 'approved'
                ? t('trimming.monthPlan.approved', { version: monthPlan.approvedVersion })
                : t(`trimming.monthPlan.${monthPlan.status}`)
              : t('trimming.monthPlan.empty')}
          </Tag>
          {monthPlan && monthPlan.changes.length > 0 && (
            <Typography.Text
              type="warning"
              title={monthPlan.changes.map((c) => `${t(`trimming.monthPlan.kinds.${c.kind}`)} ${c.summary}`).join('\n')}
            >
              {t('trimming.monthPlan.changes', { count: monthPlan.changes.length })}
            </Typography.Text>
          )}
          {planner && monthPlan && monthPlan.status !== 'submitted' && (
            <Popconfirm title={t('trimming.monthPlan.submit')} onConfirm={() => monthAction('trimming.submitMonth')}>
              <Button size="small" data-testid="month-submit">
                {t('trimming.monthPlan.submit')}
              </Button>
            </Popconfirm>
          )}
          {manager && monthPlan?.status === 'submitted' && (
            <Popconfirm title={t('trimming.monthPlan.approve')} onConfirm={() => monthAction('trimming.approveMonth')}>
              <Button size="small" type="primary" data-testid="month-approve">
                {t('trimming.monthPlan.approve')}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
      {draft && (
        <Alert
          type="info"
          showIcon
          data-testid="plan-draft-banner"
          title={t('trimming.auto.draft', {
            packages: draft.outcome.packages.length,
            days: draft.outcome.teamDays,
            unplaced: draft.outcome.unplaced.length,
            late: draft.outcome.late.length,
          })}
          action={
            <Space>
              {draft.outcome.unplaced.length > 0 && (
                <Button size="small" onClick={() => setUnplacedOpen(true)}>
                  {t('trimming.auto.unplacedList')}
                </Button>
              )}
              <Button size="small" onClick={() => setDraft(null)}>
                {t('trimming.auto.discard')}
              </Button>
              <Button size="small" type="primary" onClick={() => void acceptDraft()} data-testid="draft-accept">
                {t('trimming.auto.accept')}
              </Button>
            </Space>
          }
          style={{ marginBottom: 8 }}
        />
      )}
      <div className="plan-body">
        {planner && <Backlog refs={refs} reloadKey={backlogKey} onArrange={setArranging} />}
        <div className="plan-board-wrap">
          {board === null ? (
            <Spin style={{ margin: 40 }} />
          ) : (
            <BoardGrid
              board={board}
              draft={draftChips}
              month={view === 'month'}
              canPlan={planner}
              today={today}
              onDrop={onDrop}
              onOpen={(p) => setOpenId(p.id)}
              onDay={(d) => (setAnchor(d), setView('week'))}
            />
          )}
          {planner && (
            <Typography.Paragraph type="secondary" className="plan-hint">
              {t('trimming.dragHint')}
            </Typography.Paragraph>
          )}
        </div>
      </div>
      {modal}
      <ArrangeModal
        ids={arranging}
        teams={board?.teams ?? []}
        from={from < today ? today : from}
        onClose={() => setArranging(null)}
        onPlace={(teamId, date, days, method) => {
          void place({ teamId, date, days, method, recordIds: arranging ?? [] });
          setArranging(null);
        }}
      />
      <AutoPlanModal
        open={autoOpen}
        refs={refs}
        teams={board?.teams ?? []}
        from={from < today ? today : from}
        onClose={() => setAutoOpen(false)}
        onDraft={(jobId, outcome) => setDraft({ jobId, outcome })}
      />
      <PackageDrawer pkg={open} onClose={() => setOpenId(null)} onChanged={reloadAll} onMethod={onMethod} />
      <Modal
        open={unplacedOpen}
        title={t('trimming.auto.unplacedList')}
        footer={null}
        onCancel={() => setUnplacedOpen(false)}
      >
        <List
          size="small"
          dataSource={[...new Set((draft?.outcome.unplaced ?? []).map((u) => u.reason))].map((reason) => ({
            reason,
            count: draft!.outcome.unplaced.filter((u) => u.reason === reason).length,
          }))}
          renderItem={({ reason, count }) => (
            <List.Item>
              {t(`trimming.auto.reasons.${reason}`)}：{count}
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}
