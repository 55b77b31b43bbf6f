import { useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { themeQuartz, type ColDef } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { Alert, Select, Tag } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import type { OutputOf } from '@contract';
import { call } from '../../api/client';
import { useLoaded } from '../../components/failure';
import { PageTitle } from '../../components/PageTitle';
import { useReferenceOptions } from '../reference/useReferenceOptions';
import { skillName } from '../../i18n/words';

type Matrix = OutputOf<'staff.skillMatrix'>;
type Row = Matrix['rows'][number];
const LEVEL_COLORS = ['', '#e6f4ff', '#91caff', '#1677ff'];
const theme = themeQuartz.withParams({ fontFamily: 'inherit', headerFontWeight: 600, spacing: 6, fontSize: 13 });

/** 技能矩阵: who on duty can do what, by team; where a team hangs on one person. */
export function SkillMatrixPage() {
  const { t, i18n } = useTranslation();
  const [refs] = useReferenceOptions();
  const [teamId, setTeamId] = useState<number | undefined>();
  const matrix: Matrix | null = useLoaded(() => call('staff.skillMatrix', { teamId }), [teamId]).data ?? null;

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'teamName', headerName: t('staff.team'), width: 150, pinned: 'left' },
      { field: 'name', headerName: t('staff.name'), width: 100, pinned: 'left' },
      {
        field: 'eligible',
        headerName: t('staff.eligible'),
        width: 100,
        cellRenderer: (p: { value?: boolean }) => (
          <Tag color={p.value ? 'green' : 'red'}>{p.value ? t('staff.canDuty') : t('staff.cannotDuty')}</Tag>
        ),
      },
      {
        field: 'certificateState',
        headerName: t('staff.certificate.state'),
        width: 100,
        valueFormatter: (p) => (p.value ? t(`staff.certificate.states.${p.value as string}`) : '—'),
      },
      ...(matrix?.skills ?? []).map((skill): ColDef<Row> => ({
        colId: `skill-${skill}`,
        headerName: skillName(t, skill),
        width: 100,
        valueGetter: (p) => p.data?.levels[skill] ?? null,
        valueFormatter: (p) => (p.value ? t(`staff.levels.${p.value as number}`).replace(/[（）() ]/g, '') : ''),
        cellStyle: (p) => ({
          background: LEVEL_COLORS[(p.value as number | null) ?? 0] ?? '',
          color: p.value === 3 ? '#fff' : 'inherit',
          textAlign: 'center',
        }),
      })),
    ],
    [matrix?.skills, t],
  );

  return (
    <div className="page" data-testid="skill-matrix">
      <PageTitle title={t('nav.skillMatrix')}>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('staff.team')}
          options={refs.teams.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v?: number) => setTeamId(v)}
          data-testid="matrix-team"
        />
      </PageTitle>
      {matrix && matrix.singles.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="matrix-singles"
          message={t('staff.matrix.singles', { count: matrix.singles.length })}
          // Team, person and skill are the office's own words: marked as such (data-record) inside the sentence.
          description={matrix.singles.map((s, i) => (
            <span key={`${s.teamName}|${s.skill}`}>
              {i > 0 && t('common.sentenceSeparator')}
              <Trans
                i18nKey="staff.matrix.single"
                values={{ ...s, skill: skillName(t, s.skill) }}
                components={{ d: <span data-record /> }}
              />
            </span>
          ))}
        />
      )}
      <div className="data-grid">
        <div className="data-grid-body">
          <AgGridReact<Row>
            key={i18n.language}
            theme={theme}
            localeText={i18n.language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN}
            rowData={matrix?.rows ?? []}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true }}
            getRowId={(p) => String(p.data.staffId)}
          />
        </div>
        <div className="data-grid-footer">{t('common.rows', { count: matrix?.rows.length ?? 0 })}</div>
      </div>
    </div>
  );
}
