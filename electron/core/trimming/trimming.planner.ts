import type { AutoPlanOutcome, PlanDraftPackage, WorkMethod } from '../../contract';
import { addDays } from '../shared/time';

/**
 * 自动编排: fills the board for a range of days from the backlog. Earliest deadline first; adjacent
 * spans of one line go together into one package for one team-day; the team that serves the
 * township is preferred; capacity, working days, days away, outage windows and the landowner's
 * notice are respected; 受阻 records are left out. Deterministic: the same input gives the same plan.
 *
 * It keeps its own bookkeeping (free minutes per team-day, the working days, the windows by line and
 * day) and shares nothing with the checker (trimming.rules.ts) beyond date arithmetic: the tests
 * prove every plan it makes with that checker.
 */

export interface PlannerRecord {
  id: number;
  lineId: number;
  voltage: string;
  towerFrom: number;
  towerTo: number;
  townshipId: number | null;
  treeCount: number;
  action: 'trim' | 'fell' | 'transplant';
  grade: 'emergency' | 'major' | 'general';
  deadline: string | null;
  status: string;
  hasLandowner: boolean;
  notifiedOn: string | null;
}

export interface PlannerTeam {
  id: number;
  capacity: number;
  crewSize: number;
  townshipIds: number[];
  away: { fromDate: string; toDate: string }[];
}

export interface PlannerWindow {
  lineId: number;
  date: string;
  startTime: string;
  endTime: string;
  towerFrom: number | null;
  towerTo: number | null;
}

export interface PlannerInput {
  from: string;
  to: string;
  today: string;
  records: PlannerRecord[];
  teams: PlannerTeam[];
  /** Approved windows only. */
  windows: PlannerWindow[];
  holidays: Set<string>;
  workdays: Set<string>;
  /** Person-minutes already booked per "teamId|date" by packages on the board. */
  booked: Map<string, number>;
  minutesPerTree: Record<PlannerRecord['action'], number>;
  adjacentTowers: number;
  noticeLeadDays: number;
}

/**
 * How a record's trees are worked: inside the minimum on a line of 35 kV or more (紧急, 重大), only
 * with the line switched off; a 紧急 hazard on a distribution line by live-line work (带电作业, no
 * customers off); everything else without an outage.
 */
export function methodFor(r: Pick<PlannerRecord, 'voltage' | 'grade'>): WorkMethod {
  const kv = Number(r.voltage);
  if (kv >= 35 && r.grade !== 'general') return 'outage';
  if (r.grade === 'emergency') return 'live';
  return 'no_outage';
}

interface Chunk {
  lineId: number;
  method: WorkMethod;
  records: PlannerRecord[];
  minutes: number;
  deadline: string | null;
  earliest: string;
  townships: number[];
}

const byDeadline = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function autoPlan(
  input: PlannerInput,
  progress: (done: number, total: number) => void = () => {},
): Omit<AutoPlanOutcome, 'ms'> {
  const t = input;
  const unplaced: AutoPlanOutcome['unplaced'] = [];
  const minutesOf = (r: PlannerRecord) => r.treeCount * t.minutesPerTree[r.action];

  // Working days of the range, in order.
  const days: string[] = [];
  for (let d = t.from; d <= t.to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const working = !t.holidays.has(d) && (t.workdays.has(d) || (weekday >= 1 && weekday <= 5));
    if (working) days.push(d);
  }
  const free = new Map<string, number>();
  const freeOf = (team: PlannerTeam, day: string) =>
    free.get(`${team.id}|${day}`) ?? team.capacity - (t.booked.get(`${team.id}|${day}`) ?? 0);
  const away = (team: PlannerTeam, day: string) => team.away.some((a) => a.fromDate <= day && day <= a.toDate);
  const windowsBy = new Map<string, PlannerWindow[]>();
  for (const w of t.windows)
    windowsBy.set(`${w.lineId}|${w.date}`, [...(windowsBy.get(`${w.lineId}|${w.date}`) ?? []), w]);
  const linesWithWindows = new Set(t.windows.map((w) => w.lineId));

  // Adjacent spans of one line, worked the same way, go together; a group larger than a team's day is cut in tower order.
  const largest = Math.max(0, ...t.teams.map((team) => team.capacity));
  const open = t.records.filter((r) => {
    if (r.status !== 'blocked') return true;
    unplaced.push({ recordId: r.id, reason: 'blocked' });
    return false;
  });
  const groups = new Map<string, PlannerRecord[]>();
  for (const r of open) {
    const key = `${r.lineId}|${methodFor(r)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const chunks: Chunk[] = [];
  const earliestFor = (r: PlannerRecord) => {
    // 紧急: cut first, the owner told at once; the others only after the notice's lead time.
    if (!r.hasLandowner || r.grade === 'emergency') return t.from;
    const told = addDays(r.notifiedOn ?? t.today, t.noticeLeadDays);
    return told > t.from ? told : t.from;
  };
  const describe = (records: PlannerRecord[], lineId: number, method: WorkMethod): Chunk => ({
    lineId,
    method,
    records,
    minutes: records.reduce((s, r) => s + minutesOf(r), 0),
    deadline: records.map((r) => r.deadline).sort(byDeadline)[0] ?? null,
    earliest: records.map(earliestFor).sort().at(-1)!,
    townships: [...new Set(records.map((r) => r.townshipId).filter((x): x is number => x !== null))].sort(
      (a, b) => a - b,
    ),
  });
  const close = (records: PlannerRecord[], lineId: number, method: WorkMethod) => {
    if (records.length > 0) chunks.push(describe(records, lineId, method));
  };
  for (const [key, records] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [lineId, method] = key.split('|') as [string, WorkMethod];
    records.sort((a, b) => a.towerFrom - b.towerFrom || a.towerTo - b.towerTo || a.id - b.id);
    let current: PlannerRecord[] = [];
    let reach = -Infinity;
    let minutes = 0;
    for (const r of records) {
      const m = minutesOf(r);
      if (current.length > 0 && (r.towerFrom - reach > t.adjacentTowers || minutes + m > largest)) {
        close(current, Number(lineId), method);
        current = [];
        minutes = 0;
        reach = -Infinity;
      }
      current.push(r);
      minutes += m;
      reach = Math.max(reach, r.towerTo);
    }
    close(current, Number(lineId), method);
  }
  chunks.sort(
    (a, b) =>
      byDeadline(a.deadline, b.deadline) || a.lineId - b.lineId || a.records[0]!.towerFrom - b.records[0]!.towerFrom,
  );

  const packages: PlanDraftPackage[] = [];
  const late: number[] = [];
  const workingDays = new Set(days);
  const chunkOf = (records: PlannerRecord[], like: Chunk): Chunk => describe(records, like.lineId, like.method);
  // The most room any team has left each day: a day no team can take the chunk on is passed over at once.
  const dayMax = new Map(days.map((d) => [d, Math.max(0, ...t.teams.map((team) => freeOf(team, d)))]));
  const refreshDay = (d: string) => dayMax.set(d, Math.max(0, ...t.teams.map((team) => freeOf(team, d))));
  // Which lines each team-day already works on: the same line again costs the team no trip.
  const linesOn = new Map<string, Set<number>>();
  const placed = new Set<Chunk>();
  // The chunks of each line, in planning order, for filling a team's day with more of the same line.
  const byLine = new Map<number, Chunk[]>();
  for (const c of chunks) byLine.set(c.lineId, [...(byLine.get(c.lineId) ?? []), c]);
  const serves = (team: PlannerTeam, chunk: Chunk) =>
    chunk.townships.every((tid) => team.townshipIds.length === 0 || team.townshipIds.includes(tid));
  const windowFits = (chunk: Chunk, team: PlannerTeam, day: string, minutes: number) => {
    if (chunk.method !== 'outage') return true;
    const need = Math.ceil(minutes / Math.max(1, team.crewSize));
    return chunk.records.every((r) =>
      (windowsBy.get(`${chunk.lineId}|${day}`) ?? []).some(
        (w) =>
          (w.towerFrom === null || w.towerTo === null || (w.towerFrom <= r.towerFrom && r.towerTo <= w.towerTo)) &&
          clock(w.endTime) - clock(w.startTime) >= need,
      ),
    );
  };
  const book = (chunk: Chunk, team: PlannerTeam, run: string[], overdue: boolean) => {
    for (const d of run) {
      free.set(`${team.id}|${d}`, freeOf(team, d) - chunk.minutes / run.length);
      refreshDay(d);
      linesOn.set(`${team.id}|${d}`, (linesOn.get(`${team.id}|${d}`) ?? new Set()).add(chunk.lineId));
    }
    packages.push({
      teamId: team.id,
      date: run[0]!,
      days: run.length,
      lineId: chunk.lineId,
      method: chunk.method,
      recordIds: chunk.records.map((r) => r.id),
      minutes: chunk.minutes,
    });
    if (overdue) late.push(...chunk.records.map((r) => r.id));
    placed.add(chunk);
  };

  /**
   * With room left on a team's day, more of the same line goes there: chunks whose deadline is at
   * least a fortnight away (so nothing nearer its deadline loses the day) and that may be done then.
   */
  const fillWithLine = (team: PlannerTeam, day: string, lineId: number) => {
    for (const other of byLine.get(lineId) ?? []) {
      if (placed.has(other) || other.earliest > day || !serves(team, other)) continue;
      if (other.deadline !== null && other.deadline < addDays(day, 14)) continue;
      if (other.minutes > freeOf(team, day) || away(team, day) || !windowFits(other, team, day, other.minutes))
        continue;
      book(other, team, [day], false);
    }
  };

  /** Places a chunk on the first team-day that takes it; else says why not. */
  const tryPlace = (chunk: Chunk): 'noTeam' | 'capacity' | 'noWindow' | null => {
    const serving = t.teams.filter((team) => serves(team, chunk));
    if (serving.length === 0) return 'noTeam';
    // Teams named for the township first, then the ones that go anywhere; then by id.
    const named = (team: PlannerTeam) => (team.townshipIds.length > 0 ? 0 : 1);
    serving.sort((a, b) => named(a) - named(b) || a.id - b.id);
    // Late already: no working day is left between the earliest day it may be done and its deadline.
    const firstDay = days.find((d) => d >= chunk.earliest);
    const overdue = chunk.deadline !== null && (firstDay === undefined || chunk.deadline < firstDay);
    const lastDay = chunk.deadline === null || overdue ? t.to : chunk.deadline < t.to ? chunk.deadline : t.to;
    const perDay = chunk.minutes / Math.max(1, Math.ceil(chunk.minutes / Math.max(1, largest)));
    // Not late yet: a day some team already works on this line, before the deadline, is taken first (no extra trip).
    if (!overdue && chunk.minutes <= largest) {
      for (const day of days) {
        if (day < chunk.earliest) continue;
        if (day > lastDay) break;
        if ((dayMax.get(day) ?? 0) < chunk.minutes) continue;
        const team = serving.find(
          (x) =>
            linesOn.get(`${x.id}|${day}`)?.has(chunk.lineId) &&
            !away(x, day) &&
            freeOf(x, day) >= chunk.minutes &&
            windowFits(chunk, x, day, chunk.minutes),
        );
        if (team) {
          book(chunk, team, [day], false);
          return null;
        }
      }
    }
    for (const day of days) {
      if (day < chunk.earliest) continue;
      if (day > lastDay) break;
      if ((dayMax.get(day) ?? 0) < perDay) continue;
      // More work than a day of the team (one big record): a run of working days, the work spread over them.
      const spanOf = (team: PlannerTeam) => {
        const n = Math.ceil(chunk.minutes / team.capacity);
        const run = Array.from({ length: n }, (_, k) => addDays(day, k));
        return run.every(
          (d) =>
            workingDays.has(d) &&
            d <= lastDay &&
            !away(team, d) &&
            freeOf(team, d) >= chunk.minutes / n &&
            windowFits(chunk, team, d, chunk.minutes / n),
        )
          ? run
          : null;
      };
      const candidates = serving.filter((team) => spanOf(team) !== null);
      if (candidates.length === 0) continue;
      // A team already on this line that day first; then named teams; then the one with most room.
      const onLine = (team: PlannerTeam) => (linesOn.get(`${team.id}|${day}`)?.has(chunk.lineId) ? 0 : 1);
      const team = candidates.sort(
        (a, b) => onLine(a) - onLine(b) || named(a) - named(b) || freeOf(b, day) - freeOf(a, day) || a.id - b.id,
      )[0]!;
      const run = spanOf(team)!;
      book(chunk, team, run, overdue);
      if (run.length === 1) fillWithLine(team, day, chunk.lineId);
      return null;
    }
    const windowDays = days.some((d) => d >= chunk.earliest && d <= lastDay && windowsBy.has(`${chunk.lineId}|${d}`));
    return chunk.method === 'outage' && (!linesWithWindows.has(chunk.lineId) || !windowDays) ? 'noWindow' : 'capacity';
  };

  for (const [i, chunk] of chunks.entries()) {
    if (i % 200 === 0) progress(i, chunks.length);
    if (placed.has(chunk)) continue;
    const reason = tryPlace(chunk);
    if (reason === null) continue;
    // A group that does not fit whole may fit span by span (each record on the first day that takes it).
    if (chunk.records.length > 1) {
      for (const r of chunk.records) {
        const alone = tryPlace(chunkOf([r], chunk));
        if (alone !== null) unplaced.push({ recordId: r.id, reason: alone });
      }
    } else unplaced.push({ recordId: chunk.records[0]!.id, reason });
  }
  progress(chunks.length, chunks.length);
  const teamDays = new Set(packages.map((p) => `${p.teamId}|${p.date}`)).size;
  unplaced.sort((a, b) => a.recordId - b.recordId);
  return { from: t.from, to: t.to, packages, unplaced, late: late.sort((a, b) => a - b), teamDays };
}
