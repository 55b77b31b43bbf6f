import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DrillLink, MethodName } from '../../../../electron/contract';
import { openTestCore, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 3000 });
});
afterAll(() => t.close());

const countOf = async (link: DrillLink, extra: Record<string, unknown> = {}) =>
  (
    (await t.call(
      link.method as MethodName,
      { startRow: 0, endRow: 1, ...link.filters, ...extra } as never,
      t.adminToken,
    )) as { rowCount: number }
  ).rowCount;

describe('the first screen', () => {
  test('every number that is a count equals the row count of the grid it opens', async () => {
    const { panels } = await t.call('dashboard.panels', {}, t.adminToken);
    let checked = 0;
    for (const panel of panels) {
      if (panel.kind === 'stats') {
        for (const item of panel.items.filter((i) => i.counts && i.link)) {
          expect(await countOf(item.link!), `${panel.id} ${item.label}`).toBe(item.value);
          checked++;
        }
      } else if (panel.counts !== false) {
        for (const [c, category] of panel.categories.entries()) {
          for (const series of panel.series) {
            expect(
              await countOf(panel.link, { ...category.filters, ...series.filters }),
              `${panel.id} ${category.name} ${series.label}`,
            ).toBe(series.data[c]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('the demo county shows overdue work, open disputes and hazards on fifteen lines', async () => {
    const { panels } = await t.call('dashboard.panels', {}, t.adminToken);
    const due = panels.find((p) => p.id === 'vegetation.due');
    expect(due?.kind === 'stats' && due.items.every((i) => i.value > 0)).toBe(true);
    const byLine = panels.find((p) => p.id === 'vegetation.byLine');
    expect(byLine?.kind === 'bar' && byLine.categories.length).toBe(15);
  });

  test('compensation paid this year adds up what the disputes record as paid this year', async () => {
    const rec = (await t.call('vegetation.list', { startRow: 0, endRow: 1, preset: 'blocked' }, t.adminToken)).rows[0]!;
    const { dispute } = await t.call('vegetation.dispute.get', { recordId: rec.id }, t.adminToken);
    const paidBefore = async () => {
      const { panels } = await t.call('dashboard.panels', {}, t.adminToken);
      const p = panels.find((x) => x.id === 'vegetation.disputes');
      return p?.kind === 'stats' ? p.items.find((i) => i.label === 'dashboard.vegetation.paidThisYear')!.value : NaN;
    };
    const before = await paidBefore();
    const today = (await t.call('dashboard.panels', {}, t.adminToken)).today;
    await t.call(
      'vegetation.dispute.update',
      {
        id: dispute!.id,
        version: dispute!.version,
        parties: dispute!.parties,
        lawExplained: true,
        coordinationLevel: 'township',
        compensationAgreed: 5000,
        compensationPaid: (dispute!.compensationPaid ?? 0) + 1234,
        paidDate: today,
      },
      t.adminToken,
    );
    const wasThisYear = dispute!.paidDate?.slice(0, 4) === today.slice(0, 4);
    expect(await paidBefore()).toBeCloseTo(before + 1234 + (wasThisYear ? 0 : (dispute!.compensationPaid ?? 0)), 2);
  });
});

describe('reminders', () => {
  test('overdue and due-soon counts match the grid presets; the lead time is the setting', async () => {
    await t.call('settings.update', { key: 'vegetation.dueSoonDays', value: 60 }, t.adminToken);
    const { items, total } = await t.call('reminders.list', {}, t.adminToken);
    expect(items.map((i) => i.label)).toEqual([
      'reminders.vegetation.overdue',
      'reminders.vegetation.dueSoon',
      'reminders.trimming.noticesDue',
      'reminders.trimming.outagesNotTold',
      'reminders.trimming.packagesLate',
      'reminders.staff.expired',
      'reminders.staff.due',
      'reminders.staff.shortOfHours',
      'reminders.upgrades.defectsOverdue',
      'reminders.upgrades.waiting',
      'reminders.lightning.overdue',
      'reminders.lightning.rectifying',
    ]);
    expect(items[1]!.leadDays).toBe(60);
    expect(items[6]!.leadDays).toBe(60); // staff.certificate.windowDays
    for (const item of items) expect(await countOf(item.link)).toBe(item.count);
    expect(total).toBe(items.reduce((n, i) => n + i.count, 0));
    // The demo county has no trimming plan yet: its reminders are counted (0), the others all have work.
    expect(items.filter((i) => i.module !== 'trimming').every((i) => i.count > 0)).toBe(true);
    await t.call('settings.reset', { key: 'vegetation.dueSoonDays' }, t.adminToken);
  });
});
