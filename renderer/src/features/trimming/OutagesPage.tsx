import { useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Button, DatePicker, Descriptions, Drawer, Input, Modal, Space, Tag, App as AntApp } from 'antd';
import { PlusOutlined, WarningFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { outageInput, type OutageRow } from '@contract';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { FormDrawer } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../navigation';
import { useAuth } from '../accounts/auth-context';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { showFailure } from '../../components/failure';
import { lineNameCell } from '../line-file/line-name-cell';

const STATUS_COLORS = { requested: 'orange', approved: 'green', cancelled: 'default' } as const;

/** 停电计划: windows per line, requested by the planner, approved by a manager, customers told 7 days ahead. */
export function OutagesPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const planner = auth.may('outages.save');
  const manager = auth.may('outages.approve');
  const grid = useRef<DataGridHandle>(null);
  const [refs] = useReferenceOptions();
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [open, setOpen] = useState<OutageRow | null>(null);
  const [toldOn, setToldOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [cancelReason, setCancelReason] = useState<string | null>(null);

  const act = async (fn: () => Promise<OutageRow>) => {
    try {
      setOpen(await fn());
      grid.current?.refresh();
    } catch (e) {
      showFailure(e);
    }
  };
  const towers = (r: OutageRow) => (r.towerFrom ? `#${r.towerFrom}–#${r.towerTo}` : t('outages.wholeLine'));

  const columns: ColDef<OutageRow>[] = [
    { field: 'date', headerName: t('outages.date'), width: 110 },
    {
      colId: 'time',
      headerName: `${t('outages.startTime')}–${t('outages.endTime')}`,
      width: 110,
      sortable: false,
      valueGetter: (p) => (p.data ? `${p.data.startTime}–${p.data.endTime}` : ''),
    },
    { field: 'lineName', headerName: t('outages.line'), width: 170, cellRenderer: lineNameCell(t) },
    {
      colId: 'towers',
      headerName: t('vegetation.towerRange'),
      width: 110,
      sortable: false,
      valueGetter: (p) => (p.data ? towers(p.data) : ''),
    },
    { field: 'reason', headerName: t('outages.reason'), width: 170 },
    { field: 'customersAffected', headerName: t('outages.customersAffected'), width: 100 },
    {
      field: 'status',
      headerName: t('outages.status'),
      width: 150,
      cellRenderer: (p: { data?: OutageRow }) =>
        p.data ? (
          <Space size={4}>
            <Tag color={STATUS_COLORS[p.data.status]}>{t(`outages.statuses.${p.data.status}`)}</Tag>
            {p.data.shortNotice && (
              <Tag color="red" icon={<WarningFilled />}>
                {t('outages.shortNotice', { days: 7 })}
              </Tag>
            )}
          </Space>
        ) : null,
    },
    { field: 'customersNotifiedOn', headerName: t('outages.customersNotifiedOn'), width: 120 },
    { field: 'requestedBy', headerName: t('outages.requestedBy'), width: 100, sortable: false },
    { field: 'approvedBy', headerName: t('outages.approvedBy'), width: 100, sortable: false },
  ];

  return (
    <div className="page" data-testid="outages-page">
      <PageTitle title={t('outages.title')}>
        {planner && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ startTime: '08:00', endTime: '17:00', customersAffected: 0 })}
            data-testid="outage-new"
          >
            {t('outages.new')}
          </Button>
        )}
      </PageTitle>
      <DataGrid ref={grid} method="outages.list" columns={columns} onOpen={(r) => setOpen(r)} testId="outages-grid" />
      <FormDrawer
        open={editing !== null}
        title={editing?.id ? t('common.edit') : t('outages.new')}
        schema={outageInput}
        width={560}
        fields={[
          {
            name: 'lineId',
            label: t('outages.line'),
            kind: 'select',
            required: true,
            options: refs.lines.map((l) => ({ value: l.id, label: l.name })),
          },
          { name: 'date', label: t('outages.date'), kind: 'date', required: true },
          { name: 'startTime', label: t('outages.startTime'), kind: 'text', required: true, placeholder: '08:00' },
          { name: 'endTime', label: t('outages.endTime'), kind: 'text', required: true, placeholder: '17:00' },
          { name: 'towerFrom', label: t('outages.towerFrom'), kind: 'integer', min: 1, help: t('outages.towers') },
          { name: 'towerTo', label: t('outages.towerTo'), kind: 'integer', min: 1 },
          { name: 'reason', label: t('outages.reason'), kind: 'text', required: true },
          { name: 'customersAffected', label: t('outages.customersAffected'), kind: 'integer', required: true, min: 0 },
          { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
        ]}
        initialValues={editing ?? {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          setOpen(await call('outages.save', v));
          void message.success(t('common.saved'));
          setEditing(null);
          grid.current?.refresh();
        }}
        testId="outage-form"
      />
      <Drawer
        open={open !== null}
        title={open ? `${open.lineName} · ${open.date}` : ''}
        width={520}
        onClose={() => setOpen(null)}
        data-testid="outage-drawer"
      >
        {open && (
          <>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('outages.status')}>
                <Tag color={STATUS_COLORS[open.status]} data-testid="outage-status">
                  {t(`outages.statuses.${open.status}`)}
                </Tag>
                {open.shortNotice && <Tag color="red">{t('outages.shortNotice', { days: 7 })}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item
                label={t('outages.date')}
              >{`${open.date} ${open.startTime}–${open.endTime}`}</Descriptions.Item>
              <Descriptions.Item label={t('vegetation.towerRange')}>{towers(open)}</Descriptions.Item>
              <Descriptions.Item label={t('outages.reason')}>{open.reason}</Descriptions.Item>
              <Descriptions.Item label={t('outages.customersAffected')}>{open.customersAffected}</Descriptions.Item>
              <Descriptions.Item label={t('outages.requestedBy')}>{open.requestedBy ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('outages.approvedBy')}>
                {open.approvedBy ? `${open.approvedBy} ${open.approvedAt?.slice(0, 10) ?? ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('outages.customersNotifiedOn')}>
                {open.customersNotifiedOn ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 16 }}>
              {manager && open.status === 'requested' && (
                <Button
                  type="primary"
                  onClick={() => void act(() => call('outages.approve', { id: open.id, version: open.version }))}
                  data-testid="outage-approve"
                >
                  {t('outages.approve')}
                </Button>
              )}
              {planner && open.status !== 'cancelled' && (
                <Button onClick={() => setEditing({ ...open })} data-testid="outage-edit">
                  {t('common.edit')}
                </Button>
              )}
              {planner && open.status === 'approved' && (
                <Space.Compact>
                  <DatePicker
                    value={dayjs(toldOn)}
                    onChange={(d) => d && setToldOn(d.format('YYYY-MM-DD'))}
                    allowClear={false}
                  />
                  <Button
                    onClick={() =>
                      void act(() =>
                        call('outages.markCustomersNotified', { id: open.id, version: open.version, date: toldOn }),
                      )
                    }
                  >
                    {t('outages.notifyCustomers')}
                  </Button>
                </Space.Compact>
              )}
              {open.status !== 'cancelled' && (
                <Button onClick={() => navigate('print/outageNotice', { id: open.id })}>{t('outages.print')}</Button>
              )}
              {(planner || manager) && open.status !== 'cancelled' && (
                <Button danger onClick={() => setCancelReason('')}>
                  {t('outages.cancel')}
                </Button>
              )}
            </Space>
          </>
        )}
      </Drawer>
      <Modal
        open={cancelReason !== null}
        title={t('outages.cancel')}
        okButtonProps={{ danger: true, disabled: !cancelReason?.trim() }}
        onCancel={() => setCancelReason(null)}
        onOk={() => {
          if (open)
            void act(() =>
              call('outages.cancel', { id: open.id, version: open.version, reason: cancelReason!.trim() }),
            );
          setCancelReason(null);
        }}
      >
        <Input.TextArea
          value={cancelReason ?? ''}
          onChange={(e) => setCancelReason(e.target.value)}
          rows={2}
          placeholder={t('outages.cancelReason')}
          aria-label={t('outages.cancelReason')}
        />
      </Modal>
    </div>
  );
}
