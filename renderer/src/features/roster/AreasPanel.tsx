import { useState } from 'react';
import { Button, Dropdown, Space, Table, App as AntApp } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AREA_TYPES, PROMISE_PRESET_NAMES, repairAreaInput, type RepairAreaRow } from '@contract';
import { call } from '../../api/client';
import { FormDrawer, type FieldDef } from '../../components/FormDrawer';
import { showFailure } from '../../components/failure';

/** 抢修片区: each area's promise and how many crews it needs per shift, with the standards as presets. */
export function AreasPanel({
  areas,
  canEdit,
  onChanged,
}: {
  areas: RepairAreaRow[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const fields: FieldDef[] = [
    { name: 'name', label: t('areas.name'), kind: 'text', required: true },
    {
      name: 'kind',
      label: t('areas.kind'),
      kind: 'select',
      required: true,
      options: AREA_TYPES.map((k) => ({ value: k, label: t(`areas.kinds.${k}`) })),
    },
    { name: 'arrivalMinutes', label: t('areas.arrivalMinutes'), kind: 'integer', required: true, min: 1 },
    { name: 'restoreMinutes', label: t('areas.restoreMinutes'), kind: 'integer', min: 1 },
    { name: 'crewsPerShift', label: t('areas.crewsPerShift'), kind: 'integer', required: true, min: 0 },
    { name: 'peakExtraCrews', label: t('areas.peakExtraCrews'), kind: 'integer', required: true, min: 0 },
    { name: 'sort', label: t('areas.sort'), kind: 'integer', min: 0 },
  ];
  const applyPreset = (preset: (typeof PROMISE_PRESET_NAMES)[number]) =>
    modal.confirm({
      title: t('areas.preset'),
      content:
        areas.length === 0
          ? t('areas.presetCreates', { preset: t(`areas.presets.${preset}`) })
          : t(`areas.presets.${preset}`),
      onOk: async () => {
        try {
          await call('repairAreas.applyPreset', { preset });
          void message.success(t('areas.presetApplied', { preset: t(`areas.presets.${preset}`) }));
          onChanged();
        } catch (err) {
          showFailure(err);
        }
      },
    });
  return (
    <div data-testid="areas-panel">
      {canEdit && (
        <Space style={{ marginBottom: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setEditing({
                kind: 'urban',
                arrivalMinutes: 30,
                restoreMinutes: 240,
                crewsPerShift: 1,
                peakExtraCrews: 0,
                sort: areas.length + 1,
              })
            }
          >
            {t('common.add')}
          </Button>
          <Dropdown
            menu={{
              items: PROMISE_PRESET_NAMES.map((p) => ({
                key: p,
                label: t(`areas.presets.${p}`),
                onClick: () => applyPreset(p),
              })),
            }}
          >
            <Button>{t('areas.preset')}</Button>
          </Dropdown>
        </Space>
      )}
      <Table<RepairAreaRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={areas}
        locale={{ emptyText: t('areas.empty') }}
        onRow={(r) => ({ onDoubleClick: () => canEdit && setEditing({ ...r }) })}
        columns={[
          { title: t('areas.name'), dataIndex: 'name' },
          { title: t('areas.kind'), dataIndex: 'kind', render: (k: string) => t(`areas.kinds.${k}`) },
          { title: t('areas.arrivalMinutes'), dataIndex: 'arrivalMinutes' },
          { title: t('areas.restoreMinutes'), dataIndex: 'restoreMinutes', render: (v: number | null) => v ?? '—' },
          { title: t('areas.crewsPerShift'), dataIndex: 'crewsPerShift' },
          { title: t('areas.peakExtraCrews'), dataIndex: 'peakExtraCrews' },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, r: RepairAreaRow) => (
                    <Button size="small" onClick={() => setEditing({ ...r })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        open={editing !== null}
        title={t('areas.title')}
        schema={repairAreaInput}
        fields={fields}
        initialValues={editing ?? {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          await call('repairAreas.save', v);
          setEditing(null);
          void message.success(t('common.saved'));
          onChanged();
        }}
      />
    </div>
  );
}
