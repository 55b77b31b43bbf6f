import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  App as AntApp,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WORK_METHODS, type PackageRow, type WorkMethod } from '@contract';
import { call } from '../../api/client';
import { useAuth } from '../accounts/auth-context';
import { navigate } from '../../navigation';
import { ruleText } from './trimming-text';
import { showFailure } from '../../components/failure';

const GRADE_COLORS = { emergency: 'red', major: 'orange', general: 'green' } as const;

/**
 * One package: its records and the rules it breaks, and what happens to it next — notices delivered,
 * the work order, the work done with the distances after, acceptance; or cancelled.
 */
export function PackageDrawer({
  pkg,
  onClose,
  onChanged,
  onMethod,
}: {
  pkg: PackageRow | null;
  onClose: () => void;
  onChanged: () => void;
  onMethod: (pkg: PackageRow, method: WorkMethod) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auth = useAuth();
  const planner = auth.may('trimming.savePackage');
  const recorder = auth.may('trimming.recordDone');
  const acceptor = auth.may('trimming.accept');
  const [notifyOn, setNotifyOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [doneOpen, setDoneOpen] = useState(false);
  const [doneDate, setDoneDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [distances, setDistances] = useState<Record<number, number | null>>({});
  const [cancelReason, setCancelReason] = useState('');
  const [cancelOpen, setCancelOpen] = useState(false);
  useEffect(() => {
    setDistances({});
    setCancelReason('');
  }, [pkg?.id]);
  if (!pkg) return null;
  const label = (id: number) => {
    const r = pkg.records.find((x) => x.id === id);
    return r ? `${r.lineName} ${r.towerRange}` : `#${id}`;
  };
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) void message.success(done);
      onChanged();
    } catch (e) {
      showFailure(e);
    }
  };
  const movable = pkg.status === 'planned' || pkg.status === 'notified';

  return (
    <Drawer
      open
      title={`${t('trimming.package.title')} · ${pkg.lineName} · ${pkg.date}`}
      width={760}
      onClose={onClose}
      data-testid="package-drawer"
      destroyOnHidden
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('trimming.package.team')}>{pkg.teamName}</Descriptions.Item>
        <Descriptions.Item label={t('trimming.date')}>
          {pkg.days > 1 ? `${pkg.date} – ${pkg.lastDate}` : pkg.date}
        </Descriptions.Item>
        <Descriptions.Item label={t('vegetation.status')}>
          <Tag>{t(`trimming.statuses.${pkg.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('trimming.method')}>
          {planner && movable ? (
            <Select
              size="small"
              value={pkg.method}
              onChange={(m) => onMethod(pkg, m)}
              style={{ width: 140 }}
              options={WORK_METHODS.map((m) => ({ value: m, label: t(`trimming.methods.${m}`) }))}
              aria-label={t('trimming.method')}
            />
          ) : (
            t(`trimming.methods.${pkg.method}`)
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('trimming.package.orderNo')}>
          {pkg.orderNo ? `${pkg.orderNo}（${t('trimming.package.printed', { count: pkg.ordersPrinted })}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item
          label={t('trimming.package.work')}
        >{`${t('trimming.trees', { count: pkg.trees })} · ${t('trimming.minutes', { hours: Math.round(pkg.minutes / 6) / 10 })}`}</Descriptions.Item>
        {pkg.overrideReason && (
          <Descriptions.Item label={t('trimming.package.override')} span={2}>
            {pkg.overrideReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {pkg.violations.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('trimming.package.violations')}
          description={
            <List
              size="small"
              dataSource={pkg.violations}
              renderItem={(v) => <List.Item>{ruleText(t, v, label)}</List.Item>}
            />
          }
          data-testid="package-violations"
        />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={pkg.records}
        columns={[
          { title: t('vegetation.towerRange'), dataIndex: 'towerRange', width: 90 },
          {
            title: t('vegetation.hazardGrade'),
            width: 70,
            render: (_, r) => <Tag color={GRADE_COLORS[r.hazardGrade]}>{t(`vegetation.grades.${r.hazardGrade}`)}</Tag>,
          },
          {
            title: t('vegetation.landowner'),
            render: (_, r) => `${r.landowner ?? '—'}${r.villageName ? `（${r.villageName}）` : ''}`,
          },
          { title: t('vegetation.species'), width: 100, render: (_, r) => `${r.species} ${r.treeCount}` },
          { title: t('vegetation.action'), width: 60, render: (_, r) => t(`vegetation.actions.${r.action}`) },
          { title: t('vegetation.deadline'), dataIndex: 'deadline', width: 96 },
          {
            title: t('trimming.package.notifyDate'),
            dataIndex: 'notifiedOn',
            width: 96,
            render: (v: string | null, r) => v ?? (r.landowner ? '—' : ''),
          },
          ...(pkg.status === 'awaiting_acceptance' || pkg.status === 'accepted'
            ? [{ title: t('trimming.package.distanceAfter'), dataIndex: 'distanceAfter', width: 90 }]
            : []),
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('print/notices', { packageIds: [pkg.id] })} data-testid="print-notices">
          {t('trimming.package.noticesPrint')}
        </Button>
        {recorder && movable && (
          <Space.Compact>
            <DatePicker
              value={dayjs(notifyOn)}
              onChange={(d) => d && setNotifyOn(d.format('YYYY-MM-DD'))}
              allowClear={false}
              aria-label={t('trimming.package.notifyDate')}
            />
            <Button
              onClick={() =>
                void run(
                  async () => call('trimming.markNotified', { packageIds: [pkg.id], date: notifyOn }),
                  t('trimming.package.notified', {
                    records: pkg.records.filter((r) => r.landowner && !r.notifiedOn).length,
                  }),
                )
              }
              data-testid="mark-notified"
            >
              {t('trimming.package.notify')}
            </Button>
          </Space.Compact>
        )}
        {planner && pkg.status !== 'accepted' && (
          <Button onClick={() => navigate('print/packageOrder', { id: pkg.id })} data-testid="print-order">
            {t('trimming.package.order')}
          </Button>
        )}
        {recorder && ['planned', 'notified', 'working'].includes(pkg.status) && (
          <Button type="primary" onClick={() => setDoneOpen(true)} data-testid="record-done">
            {t('trimming.package.done')}
          </Button>
        )}
        {acceptor && pkg.status === 'awaiting_acceptance' && (
          <Button
            type="primary"
            onClick={() =>
              void run(
                () => call('trimming.accept', { id: pkg.id, version: pkg.version }),
                t('trimming.package.accepted'),
              )
            }
            data-testid="accept-package"
          >
            {t('trimming.package.accept')}
          </Button>
        )}
        {planner && movable && (
          <Button danger onClick={() => setCancelOpen(true)}>
            {t('trimming.package.cancel')}
          </Button>
        )}
      </Space>

      <Modal
        open={doneOpen}
        title={t('trimming.package.done')}
        width={640}
        okButtonProps={
          { disabled: pkg.records.some((r) => distances[r.id] == null), 'data-testid': 'done-save' } as ButtonProps
        }
        onCancel={() => setDoneOpen(false)}
        onOk={() =>
          void run(async () => {
            const r = await call('trimming.recordDone', {
              id: pkg.id,
              version: pkg.version,
              doneDate,
              results: pkg.records.map((x) => ({ recordId: x.id, distanceAfter: distances[x.id]! })),
            });
            setDoneOpen(false);
            void message.success(
              r.backToBacklog.length
                ? t('trimming.package.backToBacklog', { count: r.backToBacklog.length })
                : t('trimming.package.doneSaved'),
            );
          })
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Text>{t('trimming.package.doneDate')}</Typography.Text>
            <DatePicker
              value={dayjs(doneDate)}
              onChange={(d) => d && setDoneDate(d.format('YYYY-MM-DD'))}
              allowClear={false}
            />
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={pkg.records}
            columns={[
              { title: t('vegetation.towerRange'), dataIndex: 'towerRange' },
              { title: t('vegetation.landowner'), dataIndex: 'landowner' },
              { title: t('vegetation.species'), render: (_, r) => `${r.species} ${r.treeCount}` },
              {
                title: t('trimming.package.distanceAfter'),
                render: (_, r) => (
                  <InputNumber
                    min={0}
                    max={200}
                    step={0.1}
                    value={distances[r.id] ?? null}
                    onChange={(v) => setDistances((d) => ({ ...d, [r.id]: v }))}
                    aria-label={`${t('trimming.package.distanceAfter')} ${r.towerRange}`}
                    data-testid="distance-after"
                  />
                ),
              },
            ]}
          />
        </Space>
      </Modal>
      <Modal
        open={cancelOpen}
        title={t('trimming.package.cancel')}
        okButtonProps={{ danger: true, disabled: !cancelReason.trim() }}
        onCancel={() => setCancelOpen(false)}
        onOk={() =>
          void run(async () => {
            await call('trimming.cancelPackage', { id: pkg.id, version: pkg.version, reason: cancelReason.trim() });
            setCancelOpen(false);
            onClose();
          }, t('trimming.package.cancelled'))
        }
      >
        <Input.TextArea
          value={cancelReason}
          onChange={(e) => setCancelReason(e.target.value)}
          rows={2}
          placeholder={t('trimming.package.cancelReason')}
          aria-label={t('trimming.package.cancelReason')}
        />
      </Modal>
    </Drawer>
  );
}
