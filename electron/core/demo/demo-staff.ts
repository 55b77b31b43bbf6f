import type { Kysely } from 'kysely';
import { STAFF_SKILLS } from '../../contract';
import type { DB } from '../db/schema';
import { addDays, addMonths } from '../shared/time';

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
  '罗',
  '高',
];
const GIVEN = [
  '建国',
  '志强',
  '海涛',
  '秀英',
  '桂兰',
  '德明',
  '文华',
  '光荣',
  '玉梅',
  '凤英',
  '永红',
  '国庆',
  '晓东',
  '丽娟',
  '春生',
  '新民',
  '卫东',
  '小龙',
];
const POSITIONS = ['班长', '副班长', '技术员', '运维工', '运维工', '运维工', '抢修工', '抢修工', '驾驶员'];

/**
 * An office's people: about ten per team with skills, electrician certificates in every state
 * (valid, review due, expiring, lapsed) and this year's 安规 exam and a skills course.
 */
export async function addDemoStaff(
  db: Kysely<DB>,
  rnd: () => number,
  teamIds: number[],
  today: string,
  now: string,
): Promise<number> {
  const stamp = { created_at: now, updated_at: now, deleted_at: null, deleted_by: null };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people: { id: number }[] = [];
  let n = 0;
  for (const teamId of teamIds) {
    for (let i = 0; i < 10; i++) {
      n++;
      const hired = addDays(today, -Math.floor(365 * (1 + rnd() * 25)));
      const status = rnd() < 0.9 ? 'on_duty' : pick(['leave', 'leave', 'transferred']);
      const person = await db
        .insertInto('staff')
        .values({
          employee_no: `GD${String(n).padStart(4, '0')}`,
          name: pick(SURNAMES) + pick(GIVEN),
          team_id: teamId,
          position: i === 0 ? '班长' : pick(POSITIONS),
          phone: `13${Math.floor(100000000 + rnd() * 899999999)}`,
          hire_date: hired,
          education: pick(['高中', '中专', '大专', '本科']),
          status,
          returned_from_break_on: rnd() < 0.05 ? addDays(today, -20) : null,
          notes: null,
          ...stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      people.push(person);
      const skills = STAFF_SKILLS.filter(() => rnd() < 0.45);
      if (skills.length === 0) skills.push(pick(STAFF_SKILLS));
      await db
        .insertInto('staff_skills')
        .values(skills.map((skill) => ({ staff_id: person.id, skill, level: 1 + Math.floor(rnd() * 3) })))
        .execute();
      // Issue dates spread over the last seven years: some certificates lapse, some wait for review.
      const issued = addDays(today, -Math.floor(rnd() * 365 * 7));
      const reviewed = rnd() < 0.7 ? addMonths(issued, 36) : null;
      await db
        .insertInto('certificates')
        .values({
          staff_id: person.id,
          kind: pick(['lv_electrician', 'hv_electrician', 'hv_electrician', 'cable']),
          number: `T${Math.floor(100000000 + rnd() * 899999999)}`,
          issue_date: issued,
          expiry_date: addMonths(issued, 72),
          last_review_date: reviewed && reviewed <= today ? reviewed : null,
          extended_review: 0,
          notes: null,
          ...stamp,
        })
        .execute();
    }
  }
  const year = today.slice(0, 4);
  const sessions = [
    { course: `${year} 年《安规》考试`, category: 'safety_rules', date: `${year}-03-15`, hours: 4, pass: 0.9 },
    { course: '配电带电作业技能培训', category: 'skills', date: `${year}-05-20`, hours: 16, pass: 1 },
  ];
  for (const s of sessions) {
    if (s.date > today) continue;
    const session = await db
      .insertInto('training_sessions')
      .values({
        course: s.course,
        category: s.category,
        date: s.date,
        hours: s.hours,
        trainer: '安全监察部',
        place: '公司培训中心',
        notes: null,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attendees = people.filter(() => rnd() < 0.85);
    await db
      .insertInto('training_attendees')
      .values(
        attendees.map((p) => ({
          session_id: session.id,
          staff_id: p.id,
          score: Math.round(60 + rnd() * 40),
          passed: rnd() < s.pass ? 1 : 0,
        })),
      )
      .execute();
  }
  return people.length;
}
