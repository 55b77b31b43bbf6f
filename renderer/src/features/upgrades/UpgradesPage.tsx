import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Tag,
  Timeline,
  Tooltip,
  App as AntApp,
} from 'antd';
import { PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  PROJECT_TYPES,
  UPGRADE_ACTIONS,
  UPGRADE_STATUSES,
  UPGRADE_TRANSITIONS,
  allows,
  upgradeInput,
  type OutputOf,
  type UpgradeAction,
  type UpgradeRow,
  type UpgradeStatus,
} from '@contract';
import type { ColDef } from 'ag-grid-community';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { attempt, showFailure } from '../../components/failure';
import { useOthersChanges } from '../../api/changes';
import { FormDrawer } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { AttachmentsPanel } from '../../components/office/AttachmentsPanel';
import { useAuth } from '../accounts/auth-context';
import { dropOpenFromRoute, navigate, useRouteFilters } from '../../navigation';
import { UpgradeActionModal } from './UpgradeActionModal';
import { formatDateTime } from '../../i18n/format';
import { priorityBreakdown } from './priority-text';

const STATUS_COLORS: Partial<Record<UpgradeStatus, string>> = {
  submitted: 'gold',
  approved: 'green',
  rejected: 'red',
  funded: 'cyan',
  in_progress: 'blue',
  awaiting_acceptance: 'purple',
  accepted: 'green',
  acceptance_failed: 'volcano',
  closed: 'default',
};
type Detail = OutputOf<'upgrades.get'>;
type Envelope = OutputOf<'budgets.get'>;

/** 技改大修: the backlog and its approval — raise, submit, decide in priority order against the year's budget, fund, build, accept, close. */
export function UpgradesPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const role = auth.user.role;
  const isManager = auth.may('budgets.save');
  const canEdit = auth.may('upgrades.save');
  const year = new Date().getFullYear();
  // Opened from 首页: the statuses and project type the number or bar stood for.
  const route = useRouteFilters();
  const [statuses, setStatuses] = useState<UpgradeStatus[]>(
    (route?.statuses as UpgradeStatus[] | undefined) ?? (isManager ? ['submitted'] : []),
  );
  const [projectType] = useState(route?.projectType as 'renovation' | 'overhaul' | undefined);
  const grid = useRef<DataGridHandle>(null);
  const [selectedRows, setSelectedRows] = useState<UpgradeRow[]>([]);
  const [budget, setBudget] = useState<Envelope | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [action, setAction] = useState<{ action: UpgradeAction; ids: number[] } | null>(null);
  const [equipment, setEquipment] = useState<{ value: number; label: string }[]>([]);
  const [budgetInput, setBudgetInput] = useState<number | null>(null);

  // The queue itself is the shared grid over upgrades.list (paged, sorted and filtered in SQL); the budget beside it.
  const loadBudget = useCallback(() => attempt(async () => setBudget(await call('budgets.get', { year }))), [year]);
  useEffect(() => void loadBudget(), [loadBudget]);
  // A request decided at another desk changes the envelope; the grid refreshes itself.
  useOthersChanges(['upgrades', 'budgets'], () => void loadBudget());
  const load = async () => {
    grid.current?.refresh();
    await loadBudget();
  };
  useEffect(
    () =>
      void call('equipment.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'code', sort: 'asc' }] }).then(
        (r) => setEquipment(r.rows.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))),
        showFailure,
      ),
    [],
  );
  const open = (id: number) => attempt(async () => setDetail(await call('upgrades.get', { id })));
  // Opened from global search: that request's record.
  useEffect(() => {
    if (typeof route?.open !== 'number') return;
    void open(route.open);
    dropOpenFromRoute('upgrades');
  }, [route?.open]);
  const refresh = async () => {
    await load();
    if (detail) await open(detail.id);
  };

  /** The actions this user may take on all of these requests. */
  const actionsFor = (list: UpgradeRow[]) =>
    UPGRADE_ACTIONS.filter(
      (a) =>
        list.length > 0 &&
        allows(UPGRADE_TRANSITIONS[a].roles, role) &&
        list.every((r) => UPGRADE_TRANSITIONS[a].from.includes(r.status)),
    );
  const selected = selectedRows.map((r) => r.id);
  const breakdown = (r: UpgradeRow) => priorityBreakdown(t, r.priorityParts);

  const columns = useMemo<ColDef<UpgradeRow>[]>(
    () => [
      {
        field: 'priority',
        headerName: t('upgrades.priority'),
        width: 72,
        filter: false,
        // Judged from the rules, not stored: the server sorts by it (the managers' queue), nobody filters on it.
        cellRenderer: (p: { value?: number; data?: UpgradeRow }) =>
          p.data ? (
            <Tooltip title={breakdown(p.data)}>
              <b data-testid="priority">{p.value}</b>
            </Tooltip>
          ) : null,
      },
      {
        field: 'requestNo',
        headerName: t('upgrades.requestNo'),
        width: 120,
        filter: 'agTextColumnFilter',
        cellRenderer: (p: { value?: string | null; data?: UpgradeRow }) =>
          p.data ? (p.value ?? <span className="small">{t('upgrades.unnumbered')}</span>) : null,
      },
      { field: 'equipmentName', headerName: t('upgrades.equipment'), width: 170, filter: 'agTextColumnFilter' },
      {
        field: 'problem',
        headerName: t('upgrades.problem'),
        flex: 1,
        minWidth: 140,
        filter: 'agTextColumnFilter',
        tooltipField: 'problem',
      },
      {
        field: 'projectType',
        headerName: t('upgrades.projectType'),
        width: 80,
        valueFormatter: (p: { value?: string }) => (p.value ? t(`upgrades.projectTypes.${p.value}`) : ''),
      },
      {
        field: 'estimatedCost',
        headerName: t('upgrades.estimatedCost'),
        width: 100,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
      },
      {
        field: 'customersAffected',
        headerName: t('upgrades.customersAffected'),
        width: 100,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
      },
      {
        field: 'status',
        headerName: t('upgrades.status'),
        width: 170,
        cellRenderer: (p: { value?: UpgradeStatus; data?: UpgradeRow }) => {
          const r = p.data;
          if (!r || !p.value) return null;
          return (
            <>
              <Tag color={STATUS_COLORS[p.value]}>{t(`upgrades.statuses.${p.value}`)}</Tag>
              {p.value === 'submitted' && r.approvalsNeeded > 1 && (
                <span className="small">
                  {t('upgrades.approvals', { count: r.approvals.length, needed: r.approvalsNeeded })}
                </span>
              )}
              {r.carriedOverFrom !== null && (
                <Tooltip title={t('upgrades.carriedOverHint', { year: r.carriedOverFrom })}>
                  <Tag color="orange" data-testid="carried-over">
                    {t('upgrades.carriedOver', { year: r.carriedOverFrom })}
                  </Tag>
                </Tooltip>
              )}
            </>
          );
        },
      },
      { field: 'requestedByName', headerName: t('upgrades.requestedBy'), width: 90, filter: 'agTextColumnFilter' },
      {
        colId: 'open',
        headerName: '',
        width: 70,
        sortable: false,
        cellRenderer: (p: { data?: UpgradeRow }) =>
          p.data ? (
            <Button size="small" onClick={() => void open(p.data!.id)} data-testid={`open-${p.data.id}`}>
              {t('upgrades.detail')}
            </Button>
          ) : null,
      },
    ],
    [t], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const params = useMemo(
    () => ({ statuses: statuses.length ? statuses : undefined, projectType }),
    [statuses, projectType],
  );

  return (
    <div className="page" data-testid="upgrades-page">
      <PageTitle title={t('upgrades.title')}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 260 }}
          placeholder={t('upgrades.all')}
          value={statuses}
          onChange={setStatuses}
          options={UPGRADE_STATUSES.map((s) => ({ value: s, label: t(`upgrades.statuses.${s}`) }))}
          data-testid="upgrade-statuses"
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ projectType: 'renovation', customersAffected: 0 })}
            data-testid="upgrade-add"
          >
            {t('common.add')}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
      </PageTitle>
      {budget && (
        <Card
          size="small"
          title={t('upgrades.budget', { year })}
          data-testid="budget-envelope"
          extra={
            isManager && (
              <Button size="small" onClick={() => setBudgetInput(budget.budget)}>
                {t('upgrades.setBudget')}
              </Button>
            )
          }
        >
          <Space size="large">
            <Statistic title={t('upgrades.budgetTotal')} value={budget.budget} precision={1} />
            <Statistic title={t('upgrades.budgetApproved')} value={budget.approved} precision={1} />
            {budget.carriedOver > 0 && (
              <Statistic title={t('upgrades.budgetCarriedOver')} value={budget.carriedOver} precision={1} />
            )}
            <Statistic
              title={t('upgrades.budgetRemaining')}
              value={budget.remaining}
              precision={1}
              valueStyle={{ color: budget.remaining < 0 ? '#cf1322' : undefined }}
            />
          </Space>
        </Card>
      )}
      {selectedRows.length > 0 && (
        <Space className="toolbar" data-testid="upgrade-batch">
          <span>{t('upgrades.selectedActions', { count: selectedRows.length })}</span>
          {actionsFor(selectedRows).map((a) => (
            <Button
              key={a}
              danger={a === 'reject'}
              type={a === 'approve' ? 'primary' : 'default'}
              onClick={() => setAction({ action: a, ids: selected })}
              data-testid={`batch-${a}`}
            >
              {t(`upgrades.actions.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      <DataGrid
        ref={grid}
        method="upgrades.list"
        params={params}
        columns={columns}
        selectable
        onSelectionChanged={() => setSelectedRows((grid.current?.selectedRows() ?? []) as UpgradeRow[])}
        onOpen={(r) => void open(r.id)}
        onClearFilters={statuses.length ? () => setStatuses([]) : undefined}
        emptyTitle={t('upgrades.empty')}
        testId="upgrade-table"
      />
      <Drawer
        open={detail !== null}
        width={640}
        title={detail?.equipmentName}
        onClose={() => setDetail(null)}
        destroyOnHidden
      >
        {detail && (
          <div data-testid="upgrade-detail">
            <Space wrap style={{ marginBottom: 12 }}>
              {actionsFor([detail]).map((a) => (
                <Button
                  key={a}
                  danger={a === 'reject' || a === 'failAcceptance'}
                  type={a === 'approve' ? 'primary' : 'default'}
                  onClick={() => setAction({ action: a, ids: [detail.id] })}
                  data-testid={`action-${a}`}
                >
                  {t(`upgrades.actions.${a}`)}
                </Button>
              ))}
              {canEdit && detail.status === 'draft' && (
                <Button onClick={() => setEditing({ ...detail })}>{t('common.edit')}</Button>
              )}
              <Button
                icon={<PrinterOutlined />}
                onClick={() => navigate('print/approvalSheet', { id: detail.id })}
                data-testid="print-approval"
              >
                {t('print.approvalSheet.title')}
              </Button>
            </Space>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('upgrades.status')}>
                <Tag color={STATUS_COLORS[detail.status]}>{t(`upgrades.statuses.${detail.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('upgrades.priority')}>{detail.priority}</Descriptions.Item>
              <Descriptions.Item label={t('upgrades.problem')} span={2}>
                {detail.problem}
              </Descriptions.Item>
              <Descriptions.Item label={t('upgrades.proposedWork')} span={2}>
                {detail.proposedWork}
              </Descriptions.Item>
              <Descriptions.Item label={t('upgrades.estimatedCost')}>{detail.estimatedCost}</Descriptions.Item>
              <Descriptions.Item label={t('upgrades.customersAffected')}>{detail.customersAffected}</Descriptions.Item>
              <Descriptions.Item label={t('upgrades.priority')} span={2}>
                <span data-testid="priority-breakdown">{breakdown(detail)}</span>
              </Descriptions.Item>
              {detail.projectNo && (
                <Descriptions.Item label={t('upgrades.projectNo')}>{detail.projectNo}</Descriptions.Item>
              )}
              {detail.approvedAmount !== null && (
                <Descriptions.Item label={t('upgrades.approvedAmount')}>{detail.approvedAmount}</Descriptions.Item>
              )}
            </Descriptions>
            {detail.acceptedOn && (
              <>
                <h4 style={{ marginTop: 16 }}>
                  {t('upgrades.acceptance', { date: detail.acceptedOn, inspectors: detail.inspectors })}
                </h4>
                <ul data-testid="punch-items">
                  {detail.punchItems.map((p) => (
                    <li key={p.id}>
                      {p.closedAt ? <s>{p.text}</s> : p.text}{' '}
                      {p.closedAt ? (
                        <span className="small">
                          {t('upgrades.punchClosed', { by: p.closedBy, at: p.closedAt.slice(0, 10) })}
                        </span>
                      ) : (
                        canEdit && (
                          <Button
                            size="small"
                            onClick={async () => {
                              try {
                                await call('upgrades.closePunchItem', { id: p.id });
                                await open(detail.id);
                              } catch (err) {
                                showFailure(err);
                              }
                            }}
                          >
                            {t('upgrades.closePunch')}
                          </Button>
                        )
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h4 style={{ marginTop: 16 }}>{t('upgrades.history')}</h4>
            <Timeline
              data-testid="upgrade-history"
              items={detail.history.map((h) => ({
                children: `${formatDateTime(h.at)} ${h.name} ${t(`upgrades.actions.${h.action}`)} → ${t(`upgrades.statuses.${h.to}`)}${h.comment ? `：${h.comment}` : ''}`,
              }))}
            />
            <AttachmentsPanel entity="upgrades" entityId={detail.id} canEdit={canEdit} />
          </div>
        )}
      </Drawer>
      <UpgradeActionModal
        action={action?.action ?? null}
        ids={action?.ids ?? []}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          grid.current?.clearSelection();
          void refresh();
        }}
      />
      <FormDrawer
        open={editing !== null}
        title={t('upgrades.title')}
        schema={upgradeInput}
        fields={[
          {
            name: 'equipmentId',
            label: t('upgrades.equipment'),
            kind: 'select',
            required: true,
            options: equipment,
            span: 24,
          },
          { name: 'problem', label: t('upgrades.problem'), kind: 'textarea', required: true, span: 24 },
          { name: 'proposedWork', label: t('upgrades.proposedWork'), kind: 'textarea', required: true, span: 24 },
          {
            name: 'projectType',
            label: t('upgrades.projectType'),
            kind: 'select',
            required: true,
            options: PROJECT_TYPES.map((p) => ({ value: p, label: t(`upgrades.projectTypes.${p}`) })),
          },
          { name: 'estimatedCost', label: t('upgrades.estimatedCost'), kind: 'number', required: true, min: 0 },
          { name: 'customersAffected', label: t('upgrades.customersAffected'), kind: 'integer', min: 0 },
          { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
        ]}
        initialValues={editing ?? {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const saved = await call('upgrades.save', v);
          setEditing(null);
          void message.success(t('common.saved'));
          await load();
          await open(saved.id);
        }}
      />
      <Modal
        open={budgetInput !== null}
        title={t('upgrades.setBudget')}
        onCancel={() => setBudgetInput(null)}
        onOk={async () => {
          try {
            setBudget(await call('budgets.save', { year, budget: budgetInput ?? 0 }));
            setBudgetInput(null);
          } catch (err) {
            showFailure(err);
          }
        }}
      >
        <InputNumber
          min={0}
          step={10}
          value={budgetInput}
          onChange={(v) => setBudgetInput(v)}
          addonAfter="万元"
          style={{ width: '100%' }}
        />
      </Modal>
    </div>
  );
}
