import { Fragment, useState } from 'react';
import { Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BoardOutput, PackageRow, PlanDraftPackage } from '@contract';
import { DRAG_TYPE, weekdayOf, type DragLoad } from './trimming-text';

export interface DraftChip extends PlanDraftPackage {
  lineName: string;
}

interface Props {
  board: BoardOutput;
  draft: DraftChip[];
  month: boolean;
  canPlan: boolean;
  today: string;
  onDrop(teamId: number, date: string, load: DragLoad): void;
  onOpen(pkg: PackageRow): void;
  onDay(date: string): void;
}

const STATUS_CLASS: Record<string, string> = {
  planned: 's-planned',
  notified: 's-notified',
  working: 's-working',
  awaiting_acceptance: 's-awaiting',
  accepted: 's-accepted',
};

/**
 * 计划看板: teams down, days across. Each cell shows the team's packages that day and a load bar
 * against its capacity; cells take dropped records and packages. The top row shows outage windows.
 */
export function BoardGrid({ board, draft, month, canPlan, today, onDrop, onOpen, onDay }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [over, setOver] = useState<string | null>(null);
  const load = new Map(board.loads.map((l) => [`${l.teamId}|${l.date}`, l]));
  const draftLoad = new Map<string, number>();
  for (const d of draft)
    for (let i = 0; i < d.days; i++)
      draftLoad.set(`${d.teamId}|${d.date}`, (draftLoad.get(`${d.teamId}|${d.date}`) ?? 0) + d.minutes / d.days);
  const columns = `${month ? 124 : 128}px repeat(${board.days.length}, minmax(${month ? 30 : 92}px, 1fr))`;
  const onPackages = (teamId: number, date: string) =>
    board.packages.filter((p) => p.teamId === teamId && p.date <= date && date <= p.lastDate);

  const drop = (e: React.DragEvent, teamId: number, date: string) => {
    e.preventDefault();
    setOver(null);
    const raw = e.dataTransfer.getData(DRAG_TYPE);
    if (raw) onDrop(teamId, date, JSON.parse(raw) as DragLoad);
  };

  return (
    <div
      className={`plan-board${month ? ' month' : ''}`}
      style={{ gridTemplateColumns: columns }}
      data-testid="plan-board"
      role="grid"
      aria-label={t('trimming.title')}
    >
      <div className="plan-corner">{t('trimming.team')}</div>
      {board.days.map((d) => (
        <div
          key={d.date}
          className={`plan-day${d.working ? '' : ' off'}${d.date === today ? ' today' : ''}`}
          role="columnheader"
          onClick={() => month && onDay(d.date)}
          title={d.holiday ?? undefined}
        >
          <span>{month ? d.date.slice(8) : d.date.slice(5)}</span>
          <small>
            {weekdayOf(d.date, en)}
            {d.holiday ? ` ${month ? t('trimming.holiday') : d.holiday}` : !d.working ? '' : ''}
          </small>
        </div>
      ))}
      <div className="plan-rowhead windows">{t('trimming.windows')}</div>
      {board.days.map((d) => {
        const ws = board.windows.filter((w) => w.date === d.date);
        return (
          <div key={`w${d.date}`} className="plan-windows" data-testid="plan-windows">
            {ws.map((w) =>
              month ? (
                <Tooltip
                  key={w.id}
                  title={`${w.lineName} ${w.startTime}–${w.endTime} ${t(`outages.statuses.${w.status}`)}`}
                >
                  <span className={`plan-window-dot ${w.status}`} />
                </Tooltip>
              ) : (
                <Tooltip
                  key={w.id}
                  title={`${w.lineName} ${w.towerFrom ? `#${w.towerFrom}–#${w.towerTo}` : t('outages.wholeLine')} · ${w.reason}${w.shortNotice ? ` · ${t('outages.shortNotice', { days: 7 })}` : ''}`}
                >
                  <span className={`plan-window ${w.status}`}>
                    {w.shortNotice && <WarningFilled />}
                    {w.lineName.replace(/^\S+\s/, '')} {w.startTime}
                  </span>
                </Tooltip>
              ),
            )}
          </div>
        );
      })}
      {board.teams.map((team) => (
        <Fragment key={team.id}>
          <div className="plan-rowhead" role="rowheader">
            <strong data-record>{team.name}</strong>
            <small>{t('trimming.capacity', { hours: team.hoursPerDay, crew: team.crewSize })}</small>
          </div>
          {board.days.map((d) => {
            const key = `${team.id}|${d.date}`;
            const l = load.get(key);
            const minutes = (l?.minutes ?? 0) + (draftLoad.get(key) ?? 0);
            const share = team.capacity ? minutes / team.capacity : 0;
            const here = onPackages(team.id, d.date);
            const drafts = draft.filter((p) => p.teamId === team.id && p.date === d.date);
            return (
              <div
                key={key}
                className={`plan-cell${d.working ? '' : ' off'}${over === key ? ' over' : ''}`}
                role="gridcell"
                data-testid="plan-cell"
                data-team={team.id}
                data-date={d.date}
                onDragOver={(e) => {
                  if (!canPlan) return;
                  e.preventDefault();
                  setOver(key);
                }}
                onDragLeave={() => setOver((o) => (o === key ? null : o))}
                onDrop={(e) => canPlan && drop(e, team.id, d.date)}
                onClick={() => month && onDay(d.date)}
              >
                <Tooltip title={t('trimming.load', { load: Math.round(minutes), capacity: team.capacity })}>
                  <div
                    className="plan-load"
                    aria-label={t('trimming.load', { load: Math.round(minutes), capacity: team.capacity })}
                  >
                    <div
                      className={`plan-load-bar${share > 1 ? ' full' : share > 0.85 ? ' high' : ''}`}
                      style={{ width: `${Math.min(100, share * 100)}%` }}
                    />
                  </div>
                </Tooltip>
                {month ? (
                  here.length + drafts.length > 0 && <span className="plan-count">{here.length + drafts.length}</span>
                ) : (
                  <>
                    {here.map((p) => (
                      <button
                        key={p.id}
                        type="button"
                        className={`plan-chip ${STATUS_CLASS[p.status] ?? ''}${p.violations.some((v) => v.rule !== 'deadline') ? ' broken' : p.violations.length ? ' late' : ''}`}
                        draggable={canPlan && (p.status === 'planned' || p.status === 'notified')}
                        onDragStart={(e) =>
                          e.dataTransfer.setData(
                            DRAG_TYPE,
                            JSON.stringify({ kind: 'package', id: p.id } satisfies DragLoad),
                          )
                        }
                        onClick={() => onOpen(p)}
                        data-testid="plan-package"
                        data-package={p.id}
                        title={`${p.lineName} · ${t(`trimming.statuses.${p.status}`)}${p.violations.length ? ' ⚠' : ''}`}
                      >
                        {p.violations.length > 0 && <WarningFilled className="plan-chip-warn" />}
                        <span className="plan-chip-line">{p.lineName.replace(/^\S+\s/, '')}</span>
                        <span className="plan-chip-meta">
                          {p.records.length === 1
                            ? p.records[0]!.towerRange
                            : t('trimming.records', { count: p.records.length })}{' '}
                          · {t('trimming.trees', { count: p.trees })}
                        </span>
                      </button>
                    ))}
                    {drafts.map((p, i) => (
                      <div key={`d${i}`} className="plan-chip draft" data-testid="plan-draft">
                        <span className="plan-chip-line">{p.lineName.replace(/^\S+\s/, '')}</span>
                        <span className="plan-chip-meta">
                          {t('trimming.records', { count: p.recordIds.length })} · {t('trimming.draftChip')}
                        </span>
                      </div>
                    ))}
                  </>
                )}
              </div>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
