import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, PlanTeam } from '@contract';
import { call } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../accounts/auth-context';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { showFailure } from '../../components/failure';

/**
 * What the board plans with: each team's crew, hours and townships, the days it is away; and the
 * office calendar (法定节假日 and 调休 workdays), which an administrator keeps each year.
 */
export function TeamsCalendarPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const planner = auth.may('trimming.saveTeam');
  const admin = auth.may('calendar.save');
  const [refs] = useReferenceOptions();
  const [teams, setTeams] = useState<PlanTeam[]>([]);
  const [editing, setEditing] = useState<PlanTeam | null>(null);
  const [away, setAway] = useState<{ teamId: number; range: [string, string]; reason: string } | null>(null);
  const [year, setYear] = useState(dayjs().year());
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [newDay, setNewDay] = useState<CalendarDay | null>(null);
  const fail = useCallback((e: unknown) => showFailure(e), []);
  const loadTeams = useCallback(() => call('trimming.teams', {}).then((r) => setTeams(r.teams), fail), [fail]);
  const loadDays = useCallback(() => call('calendar.list', { year }).then((r) => setDays(r.days), fail), [year, fail]);
  useEffect(() => void loadTeams(), [loadTeams]);
  useEffect(() => void loadDays(), [loadDays]);
  const townshipName = new Map(refs.townships.map((x) => [x.id, x.name]));

  return (
    <div className="page" data-testid="teams-calendar">
      <PageTitle title={t('trimming.teamsPage')} />
      <Card size="small" title={t('nav.teams')}>
        <Table<PlanTeam>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={teams}
          columns={[
            { title: t('trimming.team'), dataIndex: 'name', width: 140 },
            {
              title: t('trimming.teamCols.capacity'),
              width: 170,
              render: (_, r) => t('trimming.capacity', { hours: r.hoursPerDay, crew: r.crewSize }),
            },
            {
              title: t('trimming.teamCols.townships'),
              render: (_, r) =>
                r.townshipIds.length ? (
                  r.townshipIds.map((id) => <Tag key={id}>{townshipName.get(id)}</Tag>)
                ) : (
                  <Tag color="blue">{t('trimming.teamCols.all')}</Tag>
                ),
            },
            {
              title: t('trimming.teamCols.away'),
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.unavailable.map((u) => (
                    <Tag
                      key={u.id}
                      closable={planner}
                      onClose={(e) => (
                        e.preventDefault(),
                        void call('trimming.deleteUnavailability', { id: u.id }).then(loadTeams, fail)
                      )}
                    >
                      {u.fromDate}–{u.toDate.slice(5)} {u.reason}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(planner
              ? [
                  {
                    title: '',
                    width: 170,
                    render: (_: unknown, r: PlanTeam) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() =>
                            setAway({
                              teamId: r.id,
                              range: [dayjs().format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD')],
                              reason: '',
                            })
                          }
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={
          <Space>
            {t('trimming.teamCols.calendar')}
            <Select
              value={year}
              onChange={setYear}
              options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))}
              size="small"
            />
          </Space>
        }
        extra={
          admin && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setNewDay({ date: dayjs().format('YYYY-MM-DD'), kind: 'holiday', name: '' })}
            >
              {t('common.add')}
            </Button>
          )
        }
      >
        <Table<CalendarDay>
          size="small"
          rowKey="date"
          pagination={{ pageSize: 12 }}
          dataSource={days}
          columns={[
            { title: t('trimming.date'), dataIndex: 'date', width: 120 },
            {
              title: '',
              dataIndex: 'kind',
              width: 80,
              render: (k: string) => (
                <Tag color={k === 'holiday' ? 'red' : 'blue'}>
                  {k === 'holiday' ? t('trimming.holiday') : t('trimming.workday')}
                </Tag>
              ),
            },
            { title: t('common.notes'), dataIndex: 'name' },
            ...(admin
              ? [
                  {
                    title: '',
                    width: 80,
                    render: (_: unknown, d: CalendarDay) => (
                      <Popconfirm
                        title={t('common.delete')}
                        onConfirm={() => call('calendar.delete', { date: d.date }).then(loadDays, fail)}
                      >
                        <Button size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.name}
        onCancel={() => setEditing(null)}
        onOk={() =>
          editing &&
          call('trimming.saveTeam', {
            teamId: editing.id,
            version: editing.version,
            hoursPerDay: editing.hoursPerDay,
            crewSize: editing.crewSize,
            townshipIds: editing.townshipIds,
          }).then(() => {
            setEditing(null);
            void loadTeams();
          }, fail)
        }
      >
        {editing && (
          <Form layout="vertical">
            <Space>
              <Form.Item label={t('trimming.teamCols.hours')}>
                <InputNumber
                  min={1}
                  max={16}
                  value={editing.hoursPerDay}
                  onChange={(v) => setEditing({ ...editing, hoursPerDay: v ?? 8 })}
                />
              </Form.Item>
              <Form.Item label={t('trimming.teamCols.crew')}>
                <InputNumber
                  min={1}
                  max={50}
                  value={editing.crewSize}
                  onChange={(v) => setEditing({ ...editing, crewSize: v ?? 1 })}
                />
              </Form.Item>
            </Space>
            <Form.Item label={t('trimming.teamCols.townships')}>
              <Select
                mode="multiple"
                value={editing.townshipIds}
                onChange={(ids) => setEditing({ ...editing, townshipIds: ids })}
                options={refs.townships.map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Modal
        open={away !== null}
        onCancel={() => setAway(null)}
        okButtonProps={{ disabled: !away?.reason.trim() }}
        onOk={() =>
          away &&
          call('trimming.saveUnavailability', {
            teamId: away.teamId,
            fromDate: away.range[0],
            toDate: away.range[1],
            reason: away.reason.trim(),
          }).then(() => (setAway(null), void loadTeams()), fail)
        }
      >
        {away && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <DatePicker.RangePicker
              value={[dayjs(away.range[0]), dayjs(away.range[1])]}
              allowClear={false}
              onChange={(v) =>
                v?.[0] && v[1] && setAway({ ...away, range: [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] })
              }
            />
            <Input
              value={away.reason}
              onChange={(e) => setAway({ ...away, reason: e.target.value })}
              placeholder={t('trimming.teamCols.reason')}
            />
          </Space>
        )}
      </Modal>
      <Modal
        open={newDay !== null}
        onCancel={() => setNewDay(null)}
        okButtonProps={{ disabled: !newDay?.name.trim() }}
        onOk={() => newDay && call('calendar.save', newDay).then(() => (setNewDay(null), void loadDays()), fail)}
      >
        {newDay && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <DatePicker
              value={dayjs(newDay.date)}
              allowClear={false}
              onChange={(d) => d && setNewDay({ ...newDay, date: d.format('YYYY-MM-DD') })}
            />
            <Select
              value={newDay.kind}
              onChange={(k) => setNewDay({ ...newDay, kind: k })}
              options={[
                { value: 'holiday', label: t('trimming.holiday') },
                { value: 'workday', label: t('trimming.workday') },
              ]}
              style={{ width: 120 }}
            />
            <Input
              value={newDay.name}
              maxLength={20}
              onChange={(e) => setNewDay({ ...newDay, name: e.target.value })}
              placeholder="元旦 / 春节调休"
            />
          </Space>
        )}
      </Modal>
    </div>
  );
}
