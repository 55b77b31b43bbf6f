import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { addDays } from '../shared/time';
import { nextRequestNo } from '../upgrades/request-numbers';

const KINDS = [
  ['transformer', '配变', 'S9-M-200/10', '200kVA'],
  ['pole_switch', '柱上开关', 'ZW32-12', '630A'],
  ['cable_section', '电缆段', 'YJV22-8.7/15-3×240', '240mm²'],
  ['tower', '杆塔', 'Φ190×12m', null],
  ['line_section', '线路段', 'LGJ-70', '70mm²'],
  ['arrester', '避雷器', 'HY5WS-17/50', '17kV'],
] as const;
const PROBLEMS = [
  '渗漏油，油位偏低',
  '触头烧蚀，操作卡涩',
  '外护套破损，绝缘电阻下降',
  '杆身纵向裂纹、露筋',
  '导线断股，弧垂过大',
  '泄漏电流超标',
];
const WORK = [
  '更换为 S13 型节能配变',
  '更换为一二次融合开关',
  '更换受损电缆段及中间接头',
  '更换为 Φ190×15m 杆并加装拉线',
  '更换导线为 JKLYJ-120',
  '更换避雷器并复测接地',
];
const STATES = [
  'draft',
  'draft',
  'submitted',
  'submitted',
  'submitted',
  'approved',
  'rejected',
  'funded',
  'in_progress',
  'awaiting_acceptance',
  'closed',
  'submitted',
];

/** An equipment register with aged and defective items, and a backlog of upgrade requests in every state. */
export async function addDemoUpgrades(db: Kysely<DB>, rnd: () => number, today: string, now: string): Promise<void> {
  const stamp = { created_at: now, updated_at: now, deleted_at: null, deleted_by: null };
  const lines = await db
    .selectFrom('lines')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(20)
    .execute();
  const year = Number(today.slice(0, 4));
  const ids: number[] = [];
  for (let i = 0; i < 36; i++) {
    const [kind, label, model, capacity] = KINDS[i % KINDS.length]!;
    const line = lines[i % Math.max(1, lines.length)];
    const grade = rnd() < 0.15 ? 'critical' : rnd() < 0.35 ? 'serious' : rnd() < 0.5 ? 'general' : null;
    const { id } = await db
      .insertInto('equipment')
      .values({
        kind,
        code: `${kind.slice(0, 2).toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
        name: `${line?.name ?? ''} ${label}${i + 1}`,
        line_id: line?.id ?? null,
        location: `#${10 + i} 杆`,
        model,
        capacity,
        install_year: year - 5 - Math.floor(rnd() * 30),
        condition: 1 + Math.floor(rnd() * 5),
        defect_grade: grade,
        defect_found_on: grade ? addDays(today, -Math.floor(rnd() * 60)) : null,
        notes: null,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  await db.insertInto('budgets').values({ year, budget: 300, updated_at: now, updated_by: 'demo' }).execute();
  for (let i = 0; i < STATES.length; i++) {
    const status = STATES[i]!;
    const k = i % KINDS.length;
    const cost = Math.round((5 + rnd() * 60) * 10) / 10;
    const funded = ['funded', 'in_progress', 'awaiting_acceptance', 'closed'].includes(status);
    const approved = funded || status === 'approved';
    const projectType = rnd() < 0.6 ? 'renovation' : 'overhaul';
    const { id } = await db
      .insertInto('upgrade_requests')
      .values({
        equipment_id: ids[i * 3]!,
        problem: PROBLEMS[k]!,
        proposed_work: WORK[k]!,
        project_type: projectType,
        request_no: status === 'draft' ? null : await nextRequestNo(db, projectType, year),
        estimated_cost: cost,
        customers_affected: Math.floor(20 + rnd() * 2000),
        notes: null,
        status,
        requested_by: 'clerk',
        approvals_json: JSON.stringify(approved ? ['manager'] : []),
        budget_year: approved ? year : null,
        project_no: funded ? `XM-${year}-${String(i + 1).padStart(3, '0')}` : null,
        funding_year: funded ? year : null,
        funding_source: funded ? '县公司技改资金' : null,
        approved_amount: funded ? cost : null,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status !== 'draft')
      await db
        .insertInto('upgrade_events')
        .values({
          request_id: id,
          at: now,
          username: 'clerk',
          action: 'submit',
          from_status: 'draft',
          to_status: 'submitted',
          comment: null,
        })
        .execute();
  }
}
