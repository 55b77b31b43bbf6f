import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Checkbox, Select, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_STATES, type CertificateRow, type StaffRow } from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { useRouteFilters } from '../../navigation';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import {
  certificateFields,
  certificateForm,
  staffFields,
  staffForm,
  staffFormValues,
  trainingFields,
  trainingForm,
  trainingFormValues,
} from './staff.forms';
import { usePeople, useStaffSkills } from './usePeople';
import { listOf, skillName } from '../../i18n/words';

const STATE_COLORS = {
  valid: 'green',
  review_due: 'gold',
  expiring: 'orange',
  expired: 'red',
  abolished: 'default',
} as const;

/** 人员: who is on the register, their skills, papers, training this year and whether they may go on duty. */
export function StaffPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const skills = useStaffSkills();
  const route = useRouteFilters();
  const [teamId, setTeamId] = useState<number | undefined>(
    typeof route?.teamId === 'number' ? route.teamId : undefined,
  );
  const [eligibleOnly, setEligibleOnly] = useState(route?.eligibleOnly === true);
  const [shortOfHours, setShortOfHours] = useState(route?.shortOfHours === true);
  // Opened from a bar on 首页: its team, and whether it is the short or the met part.
  const [routed] = useState(() => ({
    teamId: typeof route?.teamId === 'number' ? route.teamId : undefined,
    met: route?.shortOfHours === false,
    status: route?.status as StaffRow['status'] | undefined,
  }));
  const columns = useMemo<ColDef<StaffRow>[]>(
    () => [
      { field: 'employeeNo', headerName: t('staff.employeeNo'), width: 100, pinned: 'left' },
      { field: 'name', headerName: t('staff.name'), width: 100, pinned: 'left' },
      { field: 'teamName', headerName: t('staff.team'), width: 160 },
      { field: 'position', headerName: t('staff.position'), width: 90 },
      {
        field: 'status',
        headerName: t('staff.status'),
        width: 80,
        valueFormatter: (p) => (p.value ? t(`staff.statuses.${p.value as string}`) : ''),
      },
      {
        colId: 'eligibility',
        headerName: t('staff.eligible'),
        width: 120,
        sortable: false,
        cellRenderer: (p: { data?: StaffRow }) =>
          p.data ? (
            <Tooltip title={p.data.eligibility.reasons.map((r) => t(r.key, r.params)).join('；')}>
              <Tag color={p.data.eligibility.eligible ? 'green' : 'red'} data-testid="eligibility-tag">
                {p.data.eligibility.eligible ? t('staff.canDuty') : t('staff.cannotDuty')}
              </Tag>
            </Tooltip>
          ) : null,
      },
      {
        colId: 'reasons',
        headerName: t('staff.reasons'),
        width: 300,
        sortable: false,
        valueGetter: (p) => p.data?.eligibility.reasons.map((r) => t(r.key, r.params)).join('；') ?? '',
      },
      {
        colId: 'certificateState',
        headerName: t('staff.certificate.state'),
        width: 100,
        sortable: false,
        cellRenderer: (p: { data?: StaffRow }) =>
          p.data?.certificateState ? (
            <Tag color={STATE_COLORS[p.data.certificateState]}>
              {t(`staff.certificate.states.${p.data.certificateState}`)}
            </Tag>
          ) : (
            '—'
          ),
      },
      {
        colId: 'trainingHoursThisYear',
        headerName: t('staff.hoursThisYear'),
        width: 120,
        sortable: false,
        cellRenderer: (p: { data?: StaffRow }) =>
          p.data ? (
            <span
              className={p.data.shortOfHours ? 'row-overdue' : undefined}
            >{`${p.data.trainingHoursThisYear} / ${p.data.trainingHoursRequired}`}</span>
          ) : null,
      },
      {
        colId: 'lastSafetyExamOn',
        headerName: t('staff.lastSafetyExam'),
        width: 110,
        sortable: false,
        valueGetter: (p) => p.data?.lastSafetyExamOn ?? '—',
      },
      {
        colId: 'skills',
        headerName: t('staff.skills'),
        width: 260,
        sortable: false,
        valueGetter: (p) =>
          listOf(t, p.data?.skills.map((s) => `${skillName(t, s.skill)}${t(`staff.levels.${s.level}`)}`) ?? []),
      },
      { field: 'phone', headerName: t('staff.phone'), width: 120 },
    ],
    [t],
  );
  return (
    <ListPage
      title={t('nav.staff')}
      sheet="staff"
      listMethod="staff.list"
      columns={columns as ColDef[]}
      schema={staffForm}
      fields={(v) => staffFields(t, refs, skills, v)}
      toForm={staffFormValues}
      newValues={{ status: 'on_duty' }}
      params={{
        teamId,
        status: routed.status,
        eligibleOnly: eligibleOnly || undefined,
        shortOfHours: shortOfHours ? true : routed.met ? false : undefined,
      }}
      filters={
        <Space>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('staff.team')}
            value={teamId}
            options={refs.teams.map((x) => ({ value: x.id, label: x.name }))}
            onChange={(v?: number) => setTeamId(v)}
            data-testid="staff-team"
          />
          <Checkbox
            checked={eligibleOnly}
            onChange={(e) => setEligibleOnly(e.target.checked)}
            data-testid="staff-eligible-only"
          >
            {t('staff.eligibleOnly')}
          </Checkbox>
          <Checkbox checked={shortOfHours} onChange={(e) => setShortOfHours(e.target.checked)}>
            {t('staff.shortOfHoursOnly')}
          </Checkbox>
        </Space>
      }
      save={(v) => call('staff.save', v)}
      remove={(ids) => call('staff.delete', { ids })}
      testId="staff-page"
    />
  );
}

/** 证书: every certificate with its state as of today and why. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const route = useRouteFilters();
  const [states, setStates] = useState<CertificateRow['state'][]>(
    (route?.states as CertificateRow['state'][] | undefined) ?? [],
  );
  const columns = useMemo<ColDef<CertificateRow>[]>(
    () => [
      { field: 'staffName', headerName: t('staff.name'), width: 100, pinned: 'left' },
      {
        field: 'kind',
        headerName: t('staff.certificate.kind'),
        width: 170,
        valueFormatter: (p) => (p.value ? t(`staff.certificate.kinds.${p.value as string}`) : ''),
      },
      { field: 'number', headerName: t('staff.certificate.number'), width: 130 },
      {
        field: 'state',
        headerName: t('staff.certificate.state'),
        width: 100,
        cellRenderer: (p: { data?: CertificateRow }) =>
          p.data ? (
            <Tag color={STATE_COLORS[p.data.state]} data-testid="certificate-state">
              {t(`staff.certificate.states.${p.data.state}`)}
            </Tag>
          ) : null,
      },
      {
        colId: 'stateReason',
        headerName: t('staff.certificate.why'),
        width: 260,
        sortable: false,
        valueGetter: (p) => (p.data ? t(p.data.stateReason, p.data.stateParams) : ''),
      },
      { field: 'issueDate', headerName: t('staff.certificate.issueDate'), width: 110 },
      { field: 'lastReviewDate', headerName: t('staff.certificate.lastReviewDate'), width: 110 },
      { field: 'nextReviewDate', headerName: t('staff.certificate.nextReviewDate'), width: 110 },
      { field: 'expiryDate', headerName: t('staff.certificate.expiryDate'), width: 110 },
    ],
    [t],
  );
  return (
    <ListPage
      title={t('nav.certificates')}
      listMethod="certificates.list"
      columns={columns as ColDef[]}
      schema={certificateForm}
      fields={certificateFields(t, people)}
      newValues={{ kind: 'lv_electrician', extendedReview: false }}
      params={{ states: states.length ? states : undefined }}
      filters={
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 260 }}
          placeholder={t('staff.certificate.state')}
          value={states}
          options={CERTIFICATE_STATES.map((s) => ({ value: s, label: t(`staff.certificate.states.${s}`) }))}
          onChange={setStates}
          data-testid="certificate-states"
        />
      }
      save={(v) => call('certificates.save', v)}
      remove={(ids) => call('certificates.delete', { ids })}
      testId="certificates-page"
    />
  );
}

/** 培训: sessions and who attended; hours and the 安规 pass feed each person's record. */
export function TrainingPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const columns = useMemo<ColDef[]>(
    () => [
      { field: 'date', headerName: t('staff.training.date'), width: 110 },
      { field: 'course', headerName: t('staff.training.course'), width: 220 },
      {
        field: 'category',
        headerName: t('staff.training.category'),
        width: 140,
        valueFormatter: (p) => (p.value ? t(`staff.training.categories.${p.value as string}`) : ''),
      },
      { field: 'hours', headerName: t('staff.training.hours'), width: 80 },
      {
        colId: 'attendees',
        headerName: t('staff.training.attendees'),
        width: 90,
        sortable: false,
        valueGetter: (p) => (p.data as { attendees: unknown[] } | undefined)?.attendees.length,
      },
      {
        colId: 'failed',
        headerName: t('staff.training.failedCount'),
        width: 90,
        sortable: false,
        valueGetter: (p) =>
          (p.data as { attendees: { passed: boolean }[] } | undefined)?.attendees.filter((a) => !a.passed).length,
      },
      { field: 'trainer', headerName: t('staff.training.trainer'), width: 120 },
      { field: 'place', headerName: t('staff.training.place'), width: 160 },
    ],
    [t],
  );
  return (
    <ListPage
      title={t('nav.training')}
      listMethod="training.list"
      columns={columns}
      schema={trainingForm}
      fields={(v) => trainingFields(t, people, (v.attendeeIds as number[] | undefined) ?? [])}
      toForm={trainingFormValues}
      newValues={{ category: 'safety_rules', hours: 4, attendeeIds: [], failedIds: [] }}
      save={(v) => call('training.save', v)}
      remove={(ids) => call('training.delete', { ids })}
      testId="training-page"
    />
  );
}
