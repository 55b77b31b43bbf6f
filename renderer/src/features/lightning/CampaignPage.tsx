import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellValueChangedEvent, ColDef, GridApi, SelectionChangedEvent } from 'ag-grid-community';
import { Button, DatePicker, Empty, Form, Input, Modal, Progress, Select, Space, Statistic, App as AntApp } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CampaignRow, LightningCheck, OutputOf } from '@contract';
import { call } from '../../api/client';
import { attempt, showFailure } from '../../components/failure';
import { DateInput } from '../../components/DateInput';
import { dateRule } from '../../components/date-rule';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../navigation';
import { gridLocale, gridTheme } from '../../components/grid-look';
import { useAuth } from '../accounts/auth-context';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { VerdictTag } from './lightning-ui';

type Campaign = OutputOf<'campaigns.get'>;
type Summary = OutputOf<'campaigns.list'>['rows'][number];
type ReadingField = 'groundingOhm' | 'insulationMohm' | 'u1maKv' | 'leakageUa' | 'counterOk';
const READINGS: [ReadingField, LightningCheck][] = [
  ['groundingOhm', 'grounding'],
  ['insulationMohm', 'insulation'],
  ['u1maKv', 'u1maChange'],
  ['leakageUa', 'leakage'],
  ['counterOk', 'counter'],
];
const theme = gridTheme(4);

/** "12.5", "１２.５", "12,5" → 12.5; blank → null (clears the reading). */
const parseNumber = (s: unknown) => {
  const text = String(s ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(',', '.')
    .trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};
const parseYesNo = (s: unknown) => {
  const text = String(s ?? '')
    .trim()
    .toLowerCase();
  if (['1', 'y', 'yes', '是', '正常', 'ok', 'true'].includes(text)) return true;
  if (['0', 'n', 'no', '否', '不正常', 'false'].includes(text)) return false;
  return text === '' ? null : undefined;
};

/** Grounding-type rows first, then arresters: a run of the same readings can be typed straight down. */
const byEntryOrder = (a: CampaignRow, b: CampaignRow) =>
  Number(a.deviceKind === 'arrester') - Number(b.deviceKind === 'arrester') ||
  (a.lineName ?? '').localeCompare(b.lineName ?? '', 'zh-CN') ||
  a.deviceCode.localeCompare(b.deviceCode);

/** 雷雨季前试验: the season's devices due, teams and dates, and results typed straight into the grid like a sheet. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const canEdit = auth.may('campaigns.assign');
  const [refs] = useReferenceOptions();
  const [list, setList] = useState<Summary[] | null>(null);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [team, setTeam] = useState<number | null>(null);
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  const api = useRef<GridApi<CampaignRow> | null>(null);
  const focused = useRef(false);
  const [form] = Form.useForm<{ name: string; deadline: string }>();

  const loadList = useCallback(
    () =>
      attempt(async () => {
        const { rows } = await call('campaigns.list', {});
        setList(rows);
        setCampaignId((id) => id ?? rows[0]?.id ?? null);
      }),
    [],
  );
  useEffect(() => void loadList(), [loadList]);
  useEffect(() => {
    if (campaignId === null) return;
    focused.current = false;
    void call('campaigns.get', { id: campaignId }).then(
      (c) => setCampaign({ ...c, rows: [...c.rows].sort(byEntryOrder) }),
      showFailure,
    );
  }, [campaignId]);

  /** Continue where the typing stopped: the first reading still empty gets the keyboard. */
  const focusFirstOpen = useCallback(() => {
    if (!api.current || !campaign || focused.current) return;
    focused.current = true;
    const index = campaign.rows.findIndex((r) => r.verdict === null);
    if (index < 0) return;
    const row = campaign.rows[index]!;
    const field =
      READINGS.find(([f, check]) => row.needs.includes(check) && row[f] === null)?.[0] ??
      READINGS.find(([, check]) => row.needs.includes(check))![0];
    api.current.ensureIndexVisible(index);
    api.current.setFocusedCell(index, field);
  }, [campaign]);
  useEffect(focusFirstOpen, [focusFirstOpen]);

  const onValue = useCallback(
    async (e: CellValueChangedEvent<CampaignRow>) => {
      if (!campaign || !e.data || e.oldValue === e.newValue) return;
      const field = e.colDef.field as ReadingField;
      try {
        const row = await call('campaigns.enterResult', {
          campaignId: campaign.id,
          deviceId: e.data.deviceId,
          [field]: e.newValue,
        });
        e.node.setData(row);
        setCampaign((c) => {
          if (!c) return c;
          const was = c.rows.find((r) => r.deviceId === row.deviceId)!;
          const done = c.done + Number(row.verdict !== null) - Number(was.verdict !== null);
          const failed = c.failed + Number(row.verdict === 'fail') - Number(was.verdict === 'fail');
          // The grid keeps its own rows (setData above): only the counts change, so focus and scroll stay.
          Object.assign(was, row);
          return { ...c, done, failed, left: c.devices - done };
        });
      } catch (err) {
        e.node.setDataValue(field, e.oldValue);
        showFailure(err);
      }
    },
    [campaign],
  );

  const columns = useMemo<ColDef<CampaignRow>[]>(
    () => [
      { field: 'deviceCode', headerName: t('lightning.code'), width: 110, pinned: 'left' },
      {
        field: 'deviceKind',
        headerName: t('lightning.kind'),
        width: 110,
        valueFormatter: (p) => (p.value ? t(`lightning.kinds.${p.value as string}`) : ''),
      },
      { field: 'place', headerName: t('lightning.place'), width: 170 },
      { field: 'nextDueOn', headerName: t('lightning.dueBy'), width: 100 },
      { field: 'teamName', headerName: t('lightning.team'), width: 120 },
      { field: 'plannedOn', headerName: t('lightning.plannedOn'), width: 100 },
      ...READINGS.map(([field, check]): ColDef<CampaignRow> => ({
        field,
        headerName: t(`lightning.${field}`),
        headerTooltip: field === 'counterOk' ? t('lightning.counterHint') : undefined,
        width: field === 'leakageUa' ? 150 : 110,
        editable: (p) => canEdit && (p.data?.needs.includes(check) ?? false),
        cellClass: (p) => (p.data?.needs.includes(check) ? 'cell-entry' : 'cell-na'),
        valueParser: (p) => {
          const v = field === 'counterOk' ? parseYesNo(p.newValue) : parseNumber(p.newValue);
          return v === undefined ? p.oldValue : v;
        },
        valueFormatter: (p) =>
          field === 'counterOk'
            ? p.value === null || p.value === undefined
              ? ''
              : t(p.value ? 'lightning.yes' : 'lightning.no')
            : p.value === null || p.value === undefined
              ? ''
              : String(p.value),
      })),
      {
        colId: 'verdict',
        headerName: t('lightning.verdict'),
        width: 90,
        cellRenderer: (p: { data?: CampaignRow }) =>
          p.data ? <VerdictTag t={t} verdict={p.data.verdict} reasons={p.data.reasons} /> : null,
      },
      {
        colId: 'reasons',
        headerName: t('lightning.reasons'),
        flex: 1,
        minWidth: 220,
        valueGetter: (p) => p.data?.reasons.join('；'),
      },
    ],
    [t, canEdit],
  );

  const nextDeadline = () => {
    const thisYear = dayjs(`${dayjs().year()}-04-30`);
    return dayjs().isAfter(thisYear) ? thisYear.add(1, 'year') : thisYear;
  };

  return (
    <div className="page" data-testid="campaign-page">
      <PageTitle title={t('lightning.campaign')}>
        {list && list.length > 0 && (
          <Select
            style={{ width: 240 }}
            value={campaignId}
            onChange={setCampaignId}
            options={list.map((c) => ({ value: c.id, label: `${c.name}（${c.deadline}）` }))}
            data-testid="campaign-select"
          />
        )}
        {campaign && (
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate('print/testReport', { campaignId: campaign.id })}
            data-testid="print-campaign-report"
          >
            {t('lightning.printReport')}
          </Button>
        )}
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              const deadline = nextDeadline();
              form.setFieldsValue({
                name: t('lightning.campaignNameDefault', { year: deadline.year() }),
                deadline: deadline.format('YYYY-MM-DD'),
              });
              setCreating(true);
            }}
            data-testid="campaign-new"
          >
            {t('lightning.newCampaign')}
          </Button>
        )}
      </PageTitle>
      {list && list.length === 0 && <Empty description={t('lightning.noCampaign')} />}
      {campaign && (
        <>
          <Space size="large" className="toolbar" data-testid="campaign-progress">
            <Statistic title={t('lightning.doneLabel')} value={campaign.done} suffix={`/ ${campaign.devices}`} />
            <Statistic
              title={t('lightning.failedLabel')}
              value={campaign.failed}
              valueStyle={{ color: campaign.failed ? '#cf1322' : undefined }}
            />
            <Statistic title={t('lightning.leftLabel')} value={campaign.left} />
            <Progress
              type="circle"
              size={56}
              percent={campaign.devices ? Math.round((campaign.done / campaign.devices) * 100) : 0}
            />
            <span className="small">{t('lightning.gridHelp')}</span>
          </Space>
          {canEdit && selected.length > 0 && (
            <Space className="toolbar" data-testid="campaign-assign">
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder={t('lightning.team')}
                value={team}
                onChange={setTeam}
                options={refs.teams.map((x) => ({ value: x.id, label: x.name }))}
              />
              <DatePicker value={date} onChange={setDate} placeholder={t('lightning.plannedOn')} />
              <Button
                onClick={async () => {
                  try {
                    const { count } = await call('campaigns.assign', {
                      campaignId: campaign.id,
                      deviceIds: selected,
                      teamId: team,
                      plannedOn: date ? date.format('YYYY-MM-DD') : null,
                    });
                    void message.success(t('lightning.assigned', { count }));
                    const fresh = await call('campaigns.get', { id: campaign.id });
                    focused.current = true;
                    setCampaign({ ...fresh, rows: [...fresh.rows].sort(byEntryOrder) });
                  } catch (err) {
                    showFailure(err);
                  }
                }}
              >
                {t('lightning.assign')}
              </Button>
            </Space>
          )}
          <div style={{ flex: 1, minHeight: 300 }} data-testid="campaign-grid">
            <AgGridReact<CampaignRow>
              theme={theme}
              localeText={gridLocale(i18n.language)}
              rowData={campaign.rows}
              columnDefs={columns}
              getRowId={(p) => String(p.data.deviceId)}
              rowSelection={{
                mode: 'multiRow',
                checkboxes: canEdit,
                headerCheckbox: canEdit,
                enableClickSelection: false,
              }}
              enterNavigatesVertically
              enterNavigatesVerticallyAfterEdit
              stopEditingWhenCellsLoseFocus
              onGridReady={(e) => {
                api.current = e.api;
                focusFirstOpen();
              }}
              onCellValueChanged={(e) => void onValue(e)}
              onSelectionChanged={(e: SelectionChangedEvent<CampaignRow>) =>
                setSelected(e.api.getSelectedRows().map((r) => r.deviceId))
              }
              rowClassRules={{ 'row-failed': (p) => p.data?.verdict === 'fail' }}
            />
          </div>
        </>
      )}
      <Modal
        open={creating}
        title={t('lightning.newCampaign')}
        onCancel={() => setCreating(false)}
        // The keyboard goes to the grid's first reading, not back to the button (Enter would open this again).
        focusTriggerAfterClose={false}
        afterClose={() => {
          const cell = api.current?.getFocusedCell();
          if (cell) api.current!.setFocusedCell(cell.rowIndex, cell.column);
        }}
        okButtonProps={{ 'data-testid': 'campaign-create' } as never}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return; // the problem is shown at its field
          try {
            const created = await call('campaigns.create', { name: v.name, deadline: v.deadline });
            setCreating(false);
            setCampaignId(created.id);
            await loadList();
          } catch (err) {
            showFailure(err);
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('lightning.campaignName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('lightning.deadline')}
            rules={[{ required: true, message: t('validation.required') }, dateRule(t)]}
          >
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
