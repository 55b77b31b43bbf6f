import { describe, expect, it } from 'vitest';
import { isoDate, parseDateText, parseDateTimeText } from '../../../electron/contract';

// The date a clerk types in a form is read exactly as the import reads a sheet's date cell.
describe('dates as people type them', () => {
  it.each([
    ['2026-05-03', '2026-05-03'],
    ['2026/5/3', '2026-05-03'],
    ['2026/12/20', '2026-12-20'],
    ['2026.5.3', '2026-05-03'],
    ['20260503', '2026-05-03'],
    ['2026年5月3日', '2026-05-03'],
    ['2026 年 5 月 3 日', '2026-05-03'],
    ['２０２６／５／３', '2026-05-03'],
    ['２０２６年１２月２０日', '2026-12-20'],
    ['  2026-5-3 ', '2026-05-03'],
    ['2024-02-29', '2024-02-29'],
  ])('%s is %s', (typed, iso) => {
    expect(parseDateText(typed)).toEqual({ ok: true, value: iso });
  });

  it('empty is no date', () => {
    expect(parseDateText('')).toEqual({ ok: true, value: null });
    expect(parseDateText('　')).toEqual({ ok: true, value: null });
  });

  it('a day the calendar lacks is named, however it was written', () => {
    for (const typed of ['2026-02-30', '2026/2/30', '2026年2月30日', '20260230']) {
      expect(parseDateText(typed)).toEqual({
        ok: false,
        message: 'validation.noSuchDay',
        params: { month: 2, day: 30, days: 28 },
      });
    }
    expect(parseDateText('2025-02-29')).toMatchObject({
      ok: false,
      message: 'validation.noSuchDay',
      params: { days: 28 },
    });
    expect(parseDateText('2026-13-01')).toMatchObject({
      ok: false,
      message: 'validation.noSuchMonth',
      params: { month: 13 },
    });
  });

  it('what is not a date at all says how to write one', () => {
    for (const typed of ['明天', '5/3', '2026-5', '12.20', '2026/05/03/01'])
      expect(parseDateText(typed), typed).toEqual({ ok: false, message: 'validation.date' });
  });

  it('the API schema names a missing day the same way', () => {
    const r = isoDate.safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('validation.noSuchDay');
    expect(isoDate.safeParse('2026-12-20').success).toBe(true);
    // The API itself wants the one form; the screens turn what was typed into it.
    expect(isoDate.safeParse('2026/12/20').error!.issues[0]!.message).toBe('validation.date');
  });
});

// 接报时间, 发生时间: a date as above, then the time as people write it.
describe('dates with a time', () => {
  it('reads the usual ways of writing a time after the date', () => {
    const cases: [string, string][] = [
      ['2026-08-03 14:00', '2026-08-03T14:00'],
      ['2026/8/3 9:05', '2026-08-03T09:05'],
      ['2026-08-03T14:05', '2026-08-03T14:05'],
      ['2026年8月3日14点05分', '2026-08-03T14:05'],
      ['2026年8月3日 14时', '2026-08-03T14:00'],
      ['２０２６－０８－０３　１４：００', '2026-08-03T14:00'],
      ['2026-08-03 14:00:30', '2026-08-03T14:00'],
    ];
    for (const [typed, value] of cases) expect(parseDateTimeText(typed), typed).toEqual({ ok: true, value });
    expect(parseDateTimeText('  ')).toEqual({ ok: true, value: null });
  });

  it('a missing time, an hour past 23 or a day the calendar lacks is named, never dropped', () => {
    for (const typed of ['2026-08-03', '2026-08-03 25:00', '2026-08-03 14:60', '下午两点'])
      expect(parseDateTimeText(typed), typed).toEqual({ ok: false, message: 'validation.dateTime' });
    expect(parseDateTimeText('2026-02-30 10:00')).toEqual({
      ok: false,
      message: 'validation.noSuchDay',
      params: { month: 2, day: 30, days: 28 },
    });
  });
});
