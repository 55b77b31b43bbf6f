import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Input, Select, Tabs, Tag, Tooltip, Typography, App as AntApp } from 'antd';
import {
  FileExcelOutlined,
  PlusOutlined,
  PrinterOutlined,
  SettingOutlined,
  ThunderboltOutlined,
  SendOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SHIFTS, type GenerateOutcome, type JobState, type RosterView, type SeasonRow } from '@contract';
import { call } from '../../api/client';
import { attempt, showFailure } from '../../components/failure';
import { downloadFile, waitForJob } from '../../api/files';
import { FormDrawer } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../components/errors';
import { JobProgress } from '../../components/office/JobProgress';
import { useAuth } from '../accounts/auth-context';
import { navigate } from '../../navigation';
import { AreasPanel } from './AreasPanel';
import { RosterByDay, type DayRow, type DragPayload } from './RosterByDay';
import { RosterByPerson } from './RosterByPerson';
import { seasonFields, seasonForm, seasonFormValues, shiftsText } from './SeasonForm';
import { useRosterEdit } from './useRosterEdit';
import { listOf, shiftName as shiftWords, skillName, skillShortName, withNote } from '../../i18n/words';

/** 迎峰度夏抢修值班: generate the season, fix it by hand with every rule checked, publish and print it. */
export function RosterPage() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const auth = useAuth();
  // Planning the season is the planner's; a clerk sees the roster and keeps absences and repair calls.
  const canEdit = auth.may('roster.assign');
  const canPlanSeason = auth.may('seasons.save');
  const canEditAreas = auth.may('repairAreas.save');
  const [seasons, setSeasons] = useState<SeasonRow[] | null>(null);
  const [seasonId, setSeasonId] = useState<number | undefined>();
  const [view, setView] = useState<RosterView | null>(null);
  const [areas, setAreas] = useState<RosterView['areas']>([]);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [outcome, setOutcome] = useState<GenerateOutcome | null>(null);
  const [search, setSearch] = useState('');
  const [tab, setTab] = useState('day');

  const loadSeasons = useCallback(
    () =>
      attempt(async () => {
        const [s, a] = await Promise.all([call('seasons.list', {}), call('repairAreas.list', {})]);
        setSeasons(s.rows);
        setAreas(a.rows);
        setSeasonId((cur) => (cur && s.rows.some((x) => x.id === cur) ? cur : s.rows[0]?.id));
      }),
    [],
  );
  const load = useCallback(
    () =>
      attempt(async () => {
        if (seasonId === undefined) return setView(null);
        setView(await call('roster.get', { seasonId }));
      }),
    [seasonId],
  );
  // Bumped after every change: the view reloads for whichever season is chosen by then.
  const [generation, setGeneration] = useState(0);
  useEffect(() => void loadSeasons(), [loadSeasons]);
  useEffect(() => void load(), [load, generation]);
  const reload = () => void loadSeasons().then(() => setGeneration((g) => g + 1));
  const edit = useRosterEdit(view, reload);

  const onDrop = useCallback(
    (row: DayRow, areaId: number, crew: number, p: DragPayload) =>
      void edit.assign({
        seasonId: seasonId!,
        date: row.date,
        shift: row.shift,
        areaId,
        crew,
        staffId: p.staffId,
        moveFrom: p.moveFrom,
      }),
    [edit, seasonId],
  );

  const generate = async () => {
    setOutcome(null);
    try {
      const { jobId } = await call('roster.generate', { seasonId: seasonId! });
      const state = await waitForJob(jobId, setJob);
      setJob(null);
      if (state.status !== 'done' || state.result?.kind !== 'roster.generate')
        throw new Error(state.error ? t(state.error.message, state.error.params) : 'failed');
      setOutcome(state.result.outcome);
      if (state.result.outcome.saved)
        void message.success(
          t('roster.generated', { count: state.result.outcome.assigned, ms: state.result.outcome.ms }),
        );
      reload();
    } catch (err) {
      setJob(null);
      void message.error(err instanceof Error && !('code' in err) ? err.message : errorText(t, err));
    }
  };
  const today = dayjs().format('YYYY-MM-DD');
  const over = view !== null && view.season.endDate < today;
  // Regenerating replaces the draft; a season already over is asked about in so many words.
  const confirmGenerate = () =>
    view?.assignments.length || over
      ? modal.confirm({
          title: t('roster.generate'),
          content: [
            over ? t('roster.seasonOverConfirm', { end: view!.season.endDate }) : '',
            view?.assignments.length ? t('roster.generateConfirm') : '',
          ]
            .filter(Boolean)
            .join(' '),
          onOk: generate,
        })
      : void generate();

  const publish = () =>
    modal.confirm({
      title: t('roster.publish'),
      content: t('roster.publishConfirm', { version: (view?.season.publishedVersion ?? 0) + 1 }),
      onOk: async () => {
        try {
          const s = await call('roster.publish', { seasonId: seasonId! });
          void message.success(t('roster.published', { version: s.publishedVersion }));
          reload();
        } catch (err) {
          showFailure(err);
        }
      },
    });

  const areaName = (id: number) => areas.find((a) => a.id === id)?.name ?? '';
  const shiftName = (code: string) => {
    const shift = view?.season.shifts.find((s) => s.code === code);
    return shift ? shiftWords(t, shift) : code;
  };
  // Names two people share are told apart by team and employee number.
  const repeated = useMemo(() => {
    const seen = new Map<string, number>();
    for (const p of view?.people ?? []) seen.set(p.name, (seen.get(p.name) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  }, [view]);
  const people = useMemo(
    () =>
      [...(view?.people ?? [])]
        .sort((a, b) => Number(b.eligibleDays > 0) - Number(a.eligibleDays > 0))
        .filter(
          (p) =>
            !search ||
            p.name.includes(search) ||
            p.employeeNo.includes(search) ||
            p.skills.some((s) => s.includes(search)),
        ),
    [view, search],
  );

  return (
    <div className="page" data-testid="roster-page">
      <PageTitle title={t('roster.title')}>
        <Select
          style={{ width: 220 }}
          placeholder={t('roster.season')}
          value={seasonId}
          options={(seasons ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={setSeasonId}
          data-testid="roster-season"
        />
        {over && (
          <Tag color="default" data-testid="season-over">
            {t('roster.seasonOver')}
          </Tag>
        )}
        {view &&
          (view.season.publishedVersion ? (
            <Tag color="green">{t('roster.publishedTag', { version: view.season.publishedVersion })}</Tag>
          ) : (
            <Tag>{t('roster.draft')}</Tag>
          ))}
        {canPlanSeason && (
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setEditing({ kind: 'summer', name: '', peakText: '', shiftsText: shiftsText(DEFAULT_SHIFTS) })
            }
          >
            {t('roster.newSeason')}
          </Button>
        )}
        {canPlanSeason && view && (
          <Button icon={<SettingOutlined />} onClick={() => setEditing(seasonFormValues(view.season))}>
            {t('roster.editSeason')}
          </Button>
        )}
        {auth.may('roster.generate') && view && view.season.publishedVersion === 0 && (
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            onClick={confirmGenerate}
            loading={job !== null}
            data-testid="roster-generate"
          >
            {t('roster.generate')}
          </Button>
        )}
        {auth.may('roster.publish') && view && view.assignments.length > 0 && (
          <Button icon={<SendOutlined />} onClick={publish} data-testid="roster-publish">
            {t('roster.publish')}
          </Button>
        )}
        {view && view.assignments.length > 0 && (
          <Button
            icon={<FileExcelOutlined />}
            onClick={async () => {
              try {
                await downloadFile((await call('roster.export', { seasonId: seasonId! })).fileId);
              } catch (err) {
                showFailure(err);
              }
            }}
            data-testid="roster-export"
          >
            {t('roster.export')}
          </Button>
        )}
        {view && view.assignments.length > 0 && (
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate('print/dutySheet', { seasonId, from: view.season.startDate })}
            data-testid="roster-print"
          >
            {t('roster.print')}
          </Button>
        )}
      </PageTitle>
      {job && <JobProgress state={job} />}
      {outcome && !outcome.saved && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          data-testid="roster-shortages"
          message={t('roster.shortTitle')}
          description={
            <>
              <p>{t('roster.shortIntro')}</p>
              <ul className="roster-shortages">
                {outcome.shortages.slice(0, 30).map((s, i) => (
                  <li key={i}>
                    {t('roster.shortLine', {
                      date: s.date,
                      shift: shiftName(s.shift),
                      area: areaName(s.areaId),
                      crew: s.crew,
                      skills: s.missingSkills.length
                        ? t('roster.shortSkills', {
                            skills: listOf(
                              t,
                              s.missingSkills.map((k) => skillName(t, k)),
                            ),
                          })
                        : '',
                      people:
                        s.missingPeople > s.missingSkills.length
                          ? t('roster.shortPeople', { count: s.missingPeople - s.missingSkills.length })
                          : '',
                    })}
                  </li>
                ))}
                {outcome.shortages.length > 30 && <li>… {outcome.shortages.length - 30}</li>}
              </ul>
            </>
          }
        />
      )}
      {seasons !== null && seasons.length === 0 && <Empty description={t('roster.noSeason')} />}
      {view && (
        <div className="toolbar roster-summary" data-testid="roster-summary">
          <Tag color={view.violations.length ? 'red' : 'green'} data-testid="roster-violations">
            {view.violations.length
              ? t('roster.violations', { count: view.violations.length })
              : t('roster.noViolations')}
          </Tag>
          {view.season.publishedVersion > 0 && (
            <Tag color={view.changes.length ? 'orange' : 'default'}>
              {t('roster.changes', { count: view.changes.length })}
            </Tag>
          )}
          <Typography.Text type="secondary" data-testid="roster-fairness">
            {t('roster.fairness', view.fairness)}
            {t('roster.fairAlike', { shifts: view.fairness.alikeShiftSpread, nights: view.fairness.alikeNightSpread })}
          </Typography.Text>
          {view.fairness.scarce.map((s) => (
            <Typography.Text key={s.skill} type="warning" data-testid="roster-scarce">
              {t('roster.scarce', {
                skill: skillName(t, s.skill),
                people: s.people,
                min: s.minShifts,
                average: s.average,
              })}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary" className="small">
            {t('roster.rulesUsed', {
              skills: listOf(
                t,
                view.rules.requiredSkills.map((k) => skillName(t, k)),
              ),
              size: view.rules.minCrewSize,
              rest: view.rules.minRestHours,
              days: view.rules.maxConsecutiveDays,
            })}
          </Typography.Text>
        </div>
      )}
      <Tabs
        className="roster-tabs"
        activeKey={view || tab === 'areas' ? tab : 'areas'}
        onChange={setTab}
        items={[
          ...(view
            ? [
                {
                  key: 'day',
                  label: t('roster.byDay'),
                  children: (
                    <div className="roster-layout">
                      {canEdit && (
                        <aside className="roster-people" data-testid="roster-people">
                          <Input.Search
                            size="small"
                            allowClear
                            placeholder={t('common.search')}
                            onChange={(e) => setSearch(e.target.value)}
                          />
                          <div className="small roster-hint">{t('roster.peopleHint')}</div>
                          {people.map((p) => (
                            <Tooltip
                              key={p.id}
                              placement="right"
                              title={
                                p.unavailable
                                  ? t('roster.unavailable', {
                                      date: p.unavailable.date,
                                      days: p.eligibleDays,
                                      reason: t(p.unavailable.key, {
                                        ...p.unavailable.params,
                                        date: p.unavailable.params?.date ?? '',
                                        year: p.unavailable.date.slice(0, 4),
                                      }),
                                    })
                                  : undefined
                              }
                            >
                              <div
                                className={`roster-person${p.eligibleDays === 0 ? ' roster-person-off' : ''}`}
                                draggable
                                onDragStart={(e) =>
                                  e.dataTransfer.setData(
                                    'application/x-griddesk-person',
                                    JSON.stringify({ staffId: p.id } satisfies DragPayload),
                                  )
                                }
                                data-testid={`person-${p.id}`}
                              >
                                <b data-record>{p.name}</b>
                                {repeated.has(p.name) && (
                                  <span className="small" data-record>
                                    {' '}
                                    {withNote(t, '', [p.teamName, p.employeeNo].filter(Boolean).join(' · ')).trim()}
                                  </span>
                                )}{' '}
                                <span className="small">
                                  {p.skills
                                    .filter((s) => view.rules.requiredSkills.includes(s))
                                    .map((s) => skillShortName(t, s))
                                    .join(' · ')}
                                </span>
                                {p.eligibleDays === 0 && p.unavailable && (
                                  <div className="small roster-person-why">
                                    {t(p.unavailable.key, {
                                      ...p.unavailable.params,
                                      date: p.unavailable.params?.date ?? '',
                                      year: p.unavailable.date.slice(0, 4),
                                    })}
                                  </div>
                                )}
                              </div>
                            </Tooltip>
                          ))}
                        </aside>
                      )}
                      <div className="data-grid">
                        <RosterByDay
                          view={view}
                          canEdit={canEdit}
                          onDrop={onDrop}
                          onRemove={(a) => void edit.unassign(a.id)}
                        />
                      </div>
                    </div>
                  ),
                },
                {
                  key: 'person',
                  label: t('roster.byPerson'),
                  children: (
                    <div className="roster-layout">
                      <div className="data-grid">
                        <RosterByPerson view={view} />
                      </div>
                    </div>
                  ),
                },
              ]
            : []),
          ...(view && view.changes.length
            ? [
                {
                  key: 'changes',
                  label: t('roster.changes', { count: view.changes.length }),
                  children: (
                    <ul data-testid="roster-changes">
                      {view.changes.map((c, i) => (
                        <li key={i}>
                          <Tag color={c.change === 'added' ? 'green' : 'red'}>
                            {t(c.change === 'added' ? 'roster.changeAdded' : 'roster.changeRemoved')}
                          </Tag>
                          {c.date} {shiftName(c.shift)} {areaName(c.areaId)} {t('roster.crew', { crew: c.crew })}：
                          {c.staffName}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: 'areas',
            label: t('areas.title'),
            children: <AreasPanel areas={areas} canEdit={canEditAreas} onChanged={reload} />,
          },
        ]}
      />
      {edit.dialog}
      <FormDrawer
        open={editing !== null}
        title={t(editing?.id ? 'roster.editSeason' : 'roster.newSeason')}
        schema={seasonForm}
        fields={seasonFields(t)}
        initialValues={editing ?? {}}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const s = await call('seasons.save', v);
          setEditing(null);
          void message.success(t('common.saved'));
          setSeasonId(s.id);
          reload();
        }}
      />
    </div>
  );
}
