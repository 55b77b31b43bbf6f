import { useTranslation } from 'react-i18next';
import {
  AREA_TYPES,
  CONDUCTOR_TYPES,
  TEAM_KINDS,
  VOLTAGE_LEVELS,
  lineInput,
  teamInput,
  townshipInput,
  villageInput,
} from '@contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { lineNameCell } from '../line-file/line-name-cell';
import { useReferenceOptions } from './useReferenceOptions';

const text = { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 1 } };
const number = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 1 } };

export function LinesPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  const enumLabel = (prefix: string) => (p: { value?: string }) => (p.value ? t(`${prefix}.${p.value}`) : '');
  return (
    <ListPage
      title={t('nav.lines')}
      sheet="lines"
      listMethod="lines.list"
      columns={[
        {
          field: 'name',
          headerName: t('reference.name'),
          width: 200,
          ...text,
          // The name opens the line's file (一线一档).
          cellRenderer: lineNameCell(t, 'id'),
        },
        { field: 'code', headerName: t('reference.code'), width: 100, ...text },
        {
          field: 'voltage',
          headerName: t('reference.voltage'),
          width: 100,
          valueFormatter: enumLabel('reference.voltages'),
        },
        {
          field: 'conductor',
          headerName: t('reference.conductor'),
          width: 100,
          valueFormatter: enumLabel('reference.conductors'),
        },
        {
          field: 'areaType',
          headerName: t('reference.areaType'),
          width: 100,
          valueFormatter: enumLabel('reference.areaTypes'),
        },
        { field: 'substation', headerName: t('reference.substation'), width: 160, ...text },
        { field: 'lengthKm', headerName: t('reference.lengthKm'), width: 100 },
        { field: 'towerCount', headerName: t('reference.towerCount'), width: 90 },
        { field: 'commissionedDate', headerName: t('reference.commissionedDate'), width: 120 },
        { field: 'townshipNames', headerName: t('reference.townships'), width: 200, sortable: false },
      ]}
      schema={lineInput}
      fields={[
        { name: 'name', label: t('reference.name'), kind: 'text', required: true },
        { name: 'code', label: t('reference.code'), kind: 'text' },
        {
          name: 'voltage',
          label: t('reference.voltage'),
          kind: 'select',
          required: true,
          options: VOLTAGE_LEVELS.map((v) => ({ value: v, label: t(`reference.voltages.${v}`) })),
        },
        {
          name: 'conductor',
          label: t('reference.conductor'),
          kind: 'select',
          required: true,
          options: CONDUCTOR_TYPES.map((v) => ({ value: v, label: t(`reference.conductors.${v}`) })),
        },
        {
          name: 'areaType',
          label: t('reference.areaType'),
          kind: 'select',
          required: true,
          options: AREA_TYPES.map((v) => ({ value: v, label: t(`reference.areaTypes.${v}`) })),
        },
        { name: 'substation', label: t('reference.substation'), kind: 'text' },
        { name: 'lengthKm', label: t('reference.lengthKm'), kind: 'number', min: 0 },
        { name: 'towerCount', label: t('reference.towerCount'), kind: 'number', min: 1 },
        { name: 'commissionedDate', label: t('reference.commissionedDate'), kind: 'date' },
        {
          name: 'townshipIds',
          label: t('reference.townships'),
          kind: 'multiselect',
          span: 24,
          options: refs.townships.map((x) => ({ value: x.id, label: x.name })),
        },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{ voltage: '10', conductor: 'bare', areaType: 'rural', townshipIds: [] }}
      save={(v) => call('lines.save', v)}
      remove={(ids) => call('lines.delete', { ids })}
    />
  );
}

export function TownshipsPage() {
  const { t } = useTranslation();
  return (
    <ListPage
      title={t('nav.townships')}
      sheet="townships"
      listMethod="townships.list"
      columns={[
        { field: 'name', headerName: t('reference.name'), width: 200, ...text },
        { field: 'villageCount', headerName: t('reference.villageCount'), width: 100, sortable: false },
        { field: 'longitude', headerName: t('reference.longitude'), width: 120, ...number },
        { field: 'latitude', headerName: t('reference.latitude'), width: 120, ...number },
        { field: 'notes', headerName: t('common.notes'), flex: 1, ...text },
      ]}
      schema={townshipInput}
      fields={[
        { name: 'name', label: t('reference.name'), kind: 'text', required: true, span: 24 },
        { name: 'longitude', label: t('reference.longitude'), kind: 'number', min: -180 },
        { name: 'latitude', label: t('reference.latitude'), kind: 'number', min: -90 },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{}}
      save={(v) => call('townships.save', v)}
      remove={(ids) => call('townships.delete', { ids })}
    />
  );
}

export function VillagesPage() {
  const { t } = useTranslation();
  const [refs] = useReferenceOptions();
  return (
    <ListPage
      title={t('nav.villages')}
      sheet="villages"
      listMethod="villages.list"
      columns={[
        { field: 'name', headerName: t('reference.name'), width: 200, ...text },
        { field: 'townshipName', headerName: t('reference.township'), width: 160, ...text },
        { field: 'notes', headerName: t('common.notes'), flex: 1, ...text },
      ]}
      schema={villageInput}
      fields={[
        {
          name: 'townshipId',
          label: t('reference.township'),
          kind: 'select',
          required: true,
          options: refs.townships.map((x) => ({ value: x.id, label: x.name })),
        },
        { name: 'name', label: t('reference.name'), kind: 'text', required: true },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{}}
      save={(v) => call('villages.save', v)}
      remove={(ids) => call('villages.delete', { ids })}
    />
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  return (
    <ListPage
      title={t('nav.teams')}
      sheet="teams"
      listMethod="teams.list"
      columns={[
        { field: 'name', headerName: t('reference.name'), width: 200, ...text },
        {
          field: 'kind',
          headerName: t('reference.kind'),
          width: 140,
          valueFormatter: (p: { value?: string }) => (p.value ? t(`reference.teamKinds.${p.value}`) : ''),
        },
        { field: 'phone', headerName: t('reference.phone'), width: 160, ...text },
        { field: 'notes', headerName: t('common.notes'), flex: 1 },
      ]}
      schema={teamInput}
      fields={[
        { name: 'name', label: t('reference.name'), kind: 'text', required: true },
        {
          name: 'kind',
          label: t('reference.kind'),
          kind: 'select',
          required: true,
          options: TEAM_KINDS.map((k) => ({ value: k, label: t(`reference.teamKinds.${k}`) })),
        },
        { name: 'phone', label: t('reference.phone'), kind: 'text' },
        { name: 'notes', label: t('common.notes'), kind: 'textarea', span: 24 },
      ]}
      newValues={{ kind: 'distribution' }}
      save={(v) => call('teams.save', v)}
      remove={(ids) => call('teams.delete', { ids })}
    />
  );
}
