import { sql, type Kysely } from 'kysely';
import { ApiError, type VoltageLevel } from '../../contract';
import type { DB } from '../db/schema';
import { addDemoRoster } from './demo-roster';
import { addDemoStaff } from './demo-staff';
import { addDemoUpgrades } from './demo-upgrades';
import { addDemoLightning } from './demo-lightning';
import { addDemoTrimming } from './demo-trimming';
import type { Settings } from '../settings/settings.repository';
import { addDays } from '../shared/time';
import {
  dueDate,
  hazardDeadline,
  judgeClearance,
  nextDueDate,
  plannedPastDeadline,
  statusAfterPlanning,
} from '../vegetation/vegetation.rules';
import { addDemoTowers } from './demo-towers';

/** Why a planner moved work past its deadline, as the demo county's records say it. */
const LATE_REASONS = ['待停电窗口', '树主外出，约定返乡后处理', '雨季道路中断', '与乡政府协调中'];

/** Small, fast, seeded PRNG: the same seed gives the same county. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNSHIPS = [
  '城关镇',
  '石桥镇',
  '龙泉乡',
  '桃源镇',
  '青山乡',
  '白沙镇',
  '双河乡',
  '梅岭镇',
  '柳溪乡',
  '金竹乡',
  '太平镇',
  '高坪乡',
];
const VILLAGE_WORDS = [
  '王家',
  '李家',
  '张湾',
  '刘庄',
  '陈坪',
  '杨柳',
  '黄泥',
  '周家',
  '吴岭',
  '赵沟',
  '孙家',
  '马鞍',
  '枫树',
  '石门',
  '新华',
  '东风',
];
const VILLAGE_SUFFIX = ['村', '村', '村', '社区'];
const SPECIES = ['杨树', '桉树', '毛竹', '香樟', '松树', '杉树', '泡桐', '柳树', '银杏', '构树', '苦楝', '果树'];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '桂兰',
  '伟',
  '芳',
  '德明',
  '海燕',
  '国华',
  '玉兰',
  '永福',
  '春梅',
  '红军',
  '小平',
];
const TEAMS: [string, string][] = [
  ['配电运检一班', 'distribution'],
  ['配电运检二班', 'distribution'],
  ['电缆运检班', 'cable'],
  ['输电运检班', 'line'],
  ['城关供电所', 'station'],
  ['石桥供电所', 'station'],
  ['龙泉供电所', 'station'],
];
const LINE_PLAN: { voltage: VoltageLevel; count: number; insulatedShare: number }[] = [
  { voltage: '220', count: 2, insulatedShare: 0 },
  { voltage: '110', count: 4, insulatedShare: 0 },
  { voltage: '35', count: 6, insulatedShare: 0 },
  { voltage: '10', count: 24, insulatedShare: 0.3 },
  { voltage: '0.4', count: 8, insulatedShare: 0.6 },
];
const LINE_WORDS = [
  '城关',
  '石龙',
  '桃源',
  '青白',
  '双梅',
  '柳金',
  '太高',
  '东山',
  '西河',
  '南岭',
  '北坪',
  '凤凰',
  '卧龙',
  '清溪',
  '红岩',
  '长岗',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface DemoResult {
  lines: number;
  townships: number;
  vegetationRecords: number;
}

/** Fills an empty database with a county: townships, villages, teams, lines and tree-hazard records. */
export async function loadDemoCounty(
  db: Kysely<DB>,
  opts: {
    vegetationRecords: number;
    seed: number;
    today: string;
    now: string;
    settings: Settings;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<DemoResult> {
  const existing = await db.selectFrom('lines').select('id').limit(1).executeTakeFirst();
  if (existing) throw new ApiError({ code: 'RULE', message: 'demo.notEmpty' });
  const rnd = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const stamp = { created_at: opts.now, updated_at: opts.now };

  const townships = await db
    .insertInto('townships')
    .values(TOWNSHIPS.map((name) => ({ name, notes: null, ...stamp, deleted_at: null, deleted_by: null })))
    .returning(['id', 'name'])
    .execute();
  const villages: { id: number; township_id: number }[] = [];
  for (const t of townships) {
    const names = new Set<string>();
    while (names.size < 6) names.add(pick(VILLAGE_WORDS) + pick(VILLAGE_SUFFIX));
    villages.push(
      ...(await db
        .insertInto('villages')
        .values(
          [...names].map((name) => ({
            township_id: t.id,
            name,
            notes: null,
            ...stamp,
            deleted_at: null,
            deleted_by: null,
          })),
        )
        .returning(['id', 'township_id'])
        .execute()),
    );
  }
  const teams = await db
    .insertInto('teams')
    .values(
      TEAMS.map(([name, kind]) => ({
        name,
        kind,
        phone: `0736-${Math.floor(between(6000000, 6999999))}`,
        notes: null,
        ...stamp,
        deleted_at: null,
        deleted_by: null,
      })),
    )
    .returning('id')
    .execute();

  const lines: { id: number; voltage: VoltageLevel; conductor: 'bare' | 'insulated'; townships: number[] }[] = [];
  const usedNames = new Set<string>();
  for (const plan of LINE_PLAN) {
    for (let i = 0; i < plan.count; i++) {
      let name = '';
      do
        name = `${plan.voltage}kV ${pick(LINE_WORDS)}${plan.voltage === '0.4' ? `${pick(NUMERALS)}号台区` : pick(NUMERALS) + '线'}`;
      while (usedNames.has(name));
      usedNames.add(name);
      const conductor = rnd() < plan.insulatedShare ? 'insulated' : 'bare';
      const area = rnd() < 0.25 ? 'urban' : rnd() < 0.8 ? 'rural' : 'remote';
      const { id } = await db
        .insertInto('lines')
        .values({
          name,
          code: `${plan.voltage.replace('.', '')}-${String(lines.length + 1).padStart(3, '0')}`,
          voltage: plan.voltage,
          conductor,
          area_type: area,
          substation: `${pick(LINE_WORDS)}${Number(plan.voltage) >= 110 ? '220kV' : '110kV'}变电站`,
          length_km: round1(between(2, 60)),
          // Past every tower the demo's records name (hazards to #183, devices to #80); not drawn from
          // rnd, so the rest of the county comes out as it always has.
          tower_count: 190 + ((lines.length * 37) % 120),
          commissioned_date: `${Math.floor(between(1995, 2022))}-0${Math.floor(between(1, 9))}-15`,
          notes: null,
          ...stamp,
          deleted_at: null,
          deleted_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const served = [...new Set([pick(townships).id, pick(townships).id])];
      await db
        .insertInto('line_townships')
        .values(served.map((t) => ({ line_id: id, township_id: t })))
        .execute();
      lines.push({ id, voltage: plan.voltage, conductor, townships: served });
    }
  }

  // Tree hazards cluster on the rural 10 kV network, as they do in practice.
  const weighted = lines.flatMap((l) => Array<typeof l>(l.voltage === '10' ? 6 : l.voltage === '0.4' ? 2 : 1).fill(l));
  const statuses = ['unscheduled', 'scheduled', 'notified', 'in_progress', 'done', 'done', 'done'] as const;
  const total = opts.vegetationRecords;
  const BATCH = 400;
  for (let start = 0; start < total; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      const line = pick(weighted);
      const townshipId = pick(line.townships);
      const village = pick(villages.filter((v) => v.township_id === townshipId));
      const from = Math.floor(between(1, 180));
      const to = from + Math.floor(between(0, 4));
      const species = pick(SPECIES);
      const treeClass = line.voltage !== '10' && line.voltage !== '0.4' && rnd() < 0.2 ? 'street' : 'general';
      const high = Number(line.voltage) >= 35;
      const vertical = round1(between(high ? 2 : 0.3, high ? 12 : 6));
      const horizontal = rnd() < 0.6 ? round1(between(high ? 2.5 : 0.5, high ? 12 : 6)) : null;
      const judged = judgeClearance(line, treeClass, { vertical, horizontal }, opts.settings)!;
      const completed0 = addDays(opts.today, -Math.floor(between(5, 420)));
      const picked = pick(statuses);
      // Unplanned records stay unplanned; the rest are planned around their deadline, a few late.
      const open = picked !== 'done';
      const found = open
        ? addDays(
            opts.today,
            -Math.floor(between(0, judged.grade === 'emergency' ? 2.2 : judged.grade === 'major' ? 45 : 300)),
          )
        : addDays(completed0, -Math.floor(between(5, 60)));
      const completed = open ? null : completed0;
      const deadline = hazardDeadline(judged.grade, found, completed, species, opts.settings);
      const planned =
        picked === 'unscheduled'
          ? null
          : open
            ? addDays(deadline, -Math.floor(between(-10, 25)))
            : addDays(completed0, -1);
      const team = picked === 'unscheduled' ? null : pick(teams).id;
      const status = statusAfterPlanning(picked, planned, team);
      const late = plannedPastDeadline(status, planned, deadline);
      const next = nextDueDate(status, completed, species, opts.settings);
      rows.push({
        line_id: line.id,
        tower_from: from,
        tower_to: to,
        township_id: townshipId,
        village_id: village?.id ?? null,
        landowner: pick(SURNAMES) + pick(GIVEN),
        landowner_phone: `1${pick(['38', '39', '58', '59', '87', '88'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
        species,
        tree_count: Math.floor(between(1, 12)),
        tree_height: round1(between(4, 25)),
        vertical_distance: vertical,
        horizontal_distance: horizontal,
        tree_class: treeClass,
        planted_in_zone: rnd() < 0.1 ? 1 : 0,
        action: pick(['trim', 'trim', 'trim', 'fell', 'transplant']),
        found_date: found,
        deadline,
        planned_date: planned,
        late_reason: late ? pick(LATE_REASONS) : null,
        team_id: team,
        status,
        distance_after: status === 'done' ? round1(between(3, 10)) : null,
        completed_date: completed,
        next_due_date: next,
        due_date: dueDate(status, deadline, next),
        hazard_grade: judged.grade,
        hazard_basis_json: JSON.stringify(judged.basis),
        notes: null,
        ...stamp,
        deleted_at: null,
        deleted_by: null,
      });
    }
    await db.insertInto('vegetation_records').values(rows).execute();
    opts.onProgress?.(Math.min(total, start + BATCH), total);
  }
  await addDisputes(db, rnd, opts.today, opts.now, Math.max(1, Math.round(total * 0.02)));
  await addDemoStaff(db, rnd, teams.map((t) => t.id).slice(0, 6), opts.today, opts.now);
  await addDemoRoster(db, rnd, opts.today, opts.now);
  await addDemoUpgrades(db, rnd, opts.today, opts.now);
  await addDemoLightning(db, rnd, opts.today, opts.now, opts.settings);
  await addDemoTrimming(db, opts.today, opts.now);
  await addDemoTowers(db, opts.now);
  // Fresh statistics, so the planner picks the right index from the first query on.
  await sql`analyze`.execute(db);
  return { lines: lines.length, townships: townships.length, vegetationRecords: total };
}

const DISPUTE_NOTES = [
  '户主不同意砍伐，要求按果树补偿',
  '户主外出务工，联系不上',
  '村民认为树木在自家宅基地内，拒绝修剪',
  '对补偿标准有异议',
];
const FOLLOW_UPS = [
  '已向户主宣传《电力设施保护条例》',
  '村委会出面协调，户主同意修剪',
  '乡镇政府组织现场协调',
  '约定下周再次上门沟通',
];

/** A few open disputes (受阻) with negotiation entries, as every county has. */
async function addDisputes(
  db: Kysely<DB>,
  rnd: () => number,
  today: string,
  now: string,
  count: number,
): Promise<void> {
  const candidates = await db
    .selectFrom('vegetation_records')
    .select(['id', 'status'])
    .where('status', 'in', ['scheduled', 'notified', 'unscheduled'])
    .orderBy('id')
    .limit(count * 5)
    .execute();
  const chosen = candidates.filter(() => rnd() < 0.2).slice(0, count);
  for (const r of chosen) {
    const parties = rnd() < 0.5 ? ['landowner'] : ['landowner', 'village'];
    const level = rnd() < 0.5 ? 'village' : 'township';
    const { id } = await db
      .insertInto('vegetation_disputes')
      .values({
        record_id: r.id,
        parties_json: JSON.stringify(parties),
        law_explained: rnd() < 0.7 ? 1 : 0,
        coordination_level: level,
        compensation_agreed: rnd() < 0.4 ? Math.round(200 + rnd() * 1800) : null,
        compensation_paid: null,
        paid_date: null,
        status: 'open',
        status_before: r.status,
        opened_at: now,
        closed_at: null,
        close_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = DISPUTE_NOTES[Math.floor(rnd() * DISPUTE_NOTES.length)]!;
    const next = FOLLOW_UPS[Math.floor(rnd() * FOLLOW_UPS.length)]!;
    await db
      .insertInto('vegetation_dispute_entries')
      .values([
        {
          dispute_id: id,
          entry_date: addDays(today, -20),
          party: 'landowner',
          content: first,
          created_by: '演示数据',
          created_at: now,
        },
        {
          dispute_id: id,
          entry_date: addDays(today, -6),
          party: level,
          content: next,
          created_by: '演示数据',
          created_at: now,
        },
      ])
      .execute();
    await db.updateTable('vegetation_records').set({ status: 'blocked' }).where('id', '=', r.id).execute();
  }
}
