import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS, absenceInput } from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { usePeople } from '../staff/usePeople';

/** 休假、培训与休息意愿: leave and training keep people off the roster; wishes are honoured where possible. */
export function AbsencesPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const columns = useMemo<ColDef[]>(
    () => [
      { field: 'staffName', headerName: t('absences.person'), width: 110 },
      {
        field: 'kind',
        headerName: t('absences.kind'),
        width: 110,
        valueFormatter: (p) => (p.value ? t(`roster.absenceKinds.${p.value as string}`) : ''),
      },
      { field: 'fromDate', headerName: t('absences.fromDate'), width: 120 },
      { field: 'toDate', headerName: t('absences.toDate'), width: 120 },
      { field: 'notes', headerName: t('absences.notes'), width: 260 },
    ],
    [t],
  );
  return (
    <ListPage
      title={t('absences.title')}
      listMethod="absences.list"
      columns={columns}
      schema={absenceInput}
      fields={[
        {
          name: 'staffId',
          label: t('absences.person'),
          kind: 'select',
          required: true,
          options: people.map((p) => ({ value: p.id, label: p.label })),
        },
        {
          name: 'kind',
          label: t('absences.kind'),
          kind: 'select',
          required: true,
          options: ABSENCE_KINDS.map((k) => ({ value: k, label: t(`roster.absenceKinds.${k}`) })),
        },
        { name: 'fromDate', label: t('absences.fromDate'), kind: 'date', required: true },
        { name: 'toDate', label: t('absences.toDate'), kind: 'date', required: true },
        { name: 'notes', label: t('absences.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{ kind: 'leave' }}
      save={(v) => call('absences.save', v)}
      remove={(ids) => call('absences.delete', { ids })}
      testId="absences-page"
    />
  );
}
