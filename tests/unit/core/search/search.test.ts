import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestCore, type TestCore } from '../../helpers/core';
import { ftsQuery } from '../../../../electron/core/search/search.query';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore({ demoRecords: 2000 });
});
afterAll(() => t.close());

const search = (q: string) => t.call('search.global', { q }, t.adminToken);

describe('global search', () => {
  test("finds a record by a fragment of its landowner's name, with line and towers in the title", async () => {
    const rec = (
      await t.call(
        'vegetation.list',
        { startRow: 0, endRow: 1, filterModel: { landowner: { filterType: 'text', type: 'notBlank' } } },
        t.adminToken,
      )
    ).rows[0]!;
    const fragment = [...rec.landowner!].slice(-2).join('');
    const { groups } = await search(fragment);
    const veg = groups.find((g) => g.module === 'vegetation')!;
    expect(veg.page).toBe('vegetation');
    // Every hit really holds the fragment as written (a phrase, not scattered characters).
    for (const hit of veg.hits) {
      const r = await t.call('vegetation.get', { id: hit.id }, t.adminToken);
      expect(
        [r.landowner, r.species, r.lineName, r.villageName, r.townshipName, r.notes, r.landownerPhone].join('|'),
      ).toContain(fragment);
    }
    // Whatever the grid's own search box finds (landowner, species, line, notes), global search finds too.
    const grid = await t.call('vegetation.list', { startRow: 0, endRow: 100, search: fragment }, t.adminToken);
    if (!veg.more) for (const r of grid.rows) expect(veg.hits.map((h) => h.id)).toContain(r.id);
  });

  test('查看全部: the results page asks for more hits a module than the header lists', async () => {
    const fragment = (
      await t.call('vegetation.list', { startRow: 0, endRow: 1 }, t.adminToken)
    ).rows[0]!.lineName.slice(-3);
    const header = (await search(fragment)).groups.find((g) => g.module === 'vegetation')!;
    expect(header.hits).toHaveLength(8);
    expect(header.more).toBe(true);
    const all = (await t.call('search.global', { q: fragment, perModule: 100 }, t.adminToken)).groups.find(
      (g) => g.module === 'vegetation',
    )!;
    expect(all.hits.length).toBeGreaterThan(8);
    expect(all.hits.slice(0, 8).map((h) => h.id)).toEqual(header.hits.map((h) => h.id));
    await expect(t.call('search.global', { q: fragment, perModule: 1000 }, t.adminToken)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  test('a new record is found at once; deleted it is gone; restored it is back', async () => {
    const { lines } = await t.call('reference.options', {}, t.adminToken);
    const { record } = await t.call(
      'vegetation.save',
      {
        lineId: lines[0]!.id,
        towerRange: '#189',
        species: '银杏',
        treeCount: 1,
        verticalDistance: 4,
        action: 'trim',
        landowner: '欧阳修竹',
        notes: '靠近 小学 围墙',
      },
      t.adminToken,
    );
    const hitIds = async (q: string) =>
      (await search(q)).groups.find((g) => g.module === 'vegetation')?.hits.map((h) => h.id) ?? [];
    expect(await hitIds('阳修')).toEqual([record.id]);
    expect(await hitIds('银杏 修竹')).toEqual([record.id]); // two words: both must match
    expect(await hitIds('小学')).toContain(record.id);
    const first = await search('阳修');
    expect(first.groups[0]!.hits[0]!.title).toBe(`${lines[0]!.name} #189`);
    expect(first.groups[0]!.hits[0]!.subtitle).toContain('欧阳修竹');

    await t.call('vegetation.delete', { ids: [record.id] }, t.adminToken);
    expect(await hitIds('阳修')).toEqual([]);
    const bin = await t.call('recycle.list', { startRow: 0, endRow: 10 }, t.adminToken);
    const item = bin.rows.find((r) => r.entity === 'vegetation' && r.id === record.id)!;
    await t.call('recycle.restore', { entity: item.entity, id: item.id }, t.adminToken);
    expect(await hitIds('阳修')).toEqual([record.id]);
  });

  test('lines, townships and teams are found by name, code or phone', async () => {
    await t.call('teams.save', { name: '河口供电所抢修班', kind: 'station', phone: '0371-6655 4433' }, t.adminToken);
    const { groups } = await search('抢修');
    expect(groups.find((g) => g.module === 'teams')?.hits[0]).toMatchObject({ title: '河口供电所抢修班' });
    expect((await search('6655')).groups.find((g) => g.module === 'teams')?.hits.length).toBe(1);
    const { lines } = await t.call('reference.options', {}, t.adminToken);
    const lineHits = (await search(lines[3]!.name)).groups.find((g) => g.module === 'lines')!;
    expect(lineHits.hits.map((h) => h.title)).toContain(lines[3]!.name);
  });

  test('people, equipment and upgrade requests are found by a fragment; a deleted one drops out', async () => {
    const person = await t.call('staff.save', { employeeNo: 'E7781', name: '司马长青', skills: [] }, t.adminToken);
    const gear = await t.call(
      'equipment.save',
      {
        kind: 'transformer',
        code: 'PB-7781',
        name: '柳河村 2 号配变',
        location: '柳河村东口',
        condition: 4,
        installYear: 1996,
      },
      t.adminToken,
    );
    const request = await t.call(
      'upgrades.save',
      {
        equipmentId: gear.id,
        problem: '高压套管渗油',
        proposedWork: '更换为 S13 型配变',
        projectType: 'renovation',
        estimatedCost: 18,
        customersAffected: 120,
      },
      t.adminToken,
    );
    const hits = async (q: string, module: string) =>
      (await search(q)).groups.find((g) => g.module === module)?.hits ?? [];
    expect(await hits('马长', 'staff')).toEqual([expect.objectContaining({ id: person.id, title: '司马长青' })]);
    expect(await hits('7781', 'staff')).toEqual([expect.objectContaining({ id: person.id })]);
    expect(await hits('柳河', 'equipment')).toEqual([expect.objectContaining({ id: gear.id, title: 'PB-7781' })]);
    expect((await search('柳河')).groups.find((g) => g.module === 'equipment')!.page).toBe('equipment');
    const found = await hits('套管渗油', 'upgrades');
    expect(found).toEqual([expect.objectContaining({ id: request.id, title: '柳河村 2 号配变 · 高压套管渗油' })]);
    await t.call('staff.delete', { ids: [person.id] }, t.adminToken);
    expect(await hits('马长', 'staff')).toEqual([]);
  });

  test('typing only punctuation finds nothing, and quotes cannot break the query', async () => {
    expect((await search('#—')).groups).toEqual([]);
    await expect(search('"王" OR *')).resolves.toBeDefined();
    expect(ftsQuery('王 "建国"')).toBe('"王" AND "建 国"');
    expect(ftsQuery('ＡＢ１')).toBe('"a b 1"');
  });
});
