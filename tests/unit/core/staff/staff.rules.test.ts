import { describe, expect, test } from 'vitest';
import {
  defaultExpiry,
  judgeCertificate,
  judgeEligibility,
  type CertificateFacts,
} from '../../../../electron/core/staff/staff.rules';
import { addDays } from '../../../../electron/core/shared/time';

const RULES = { validityYears: 6, reviewYears: 3, extendedReviewYears: 6, windowDays: 60 };
// Issued 2020-03-10: review due 2023-03-10, expiry 2026-03-10.
const cert = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  kind: 'lv_electrician',
  issueDate: '2020-03-10',
  expiryDate: defaultExpiry('2020-03-10', RULES),
  lastReviewDate: null,
  extendedReview: false,
  ...over,
});
const state = (today: string, over?: Partial<CertificateFacts>) => judgeCertificate(cert(over), today, RULES).state;

describe('certificate state (DOMAIN.md §5.1)', () => {
  test('valid for six years from issue', () => {
    expect(cert().expiryDate).toBe('2026-03-10');
  });

  test('the review window opens 60 days before the 3-year review date', () => {
    expect(state('2023-01-08')).toBe('valid'); // 61 days before
    expect(state('2023-01-09')).toBe('review_due'); // 60 days before
    expect(state('2023-03-10')).toBe('review_due'); // the review date itself is still in time
    expect(judgeCertificate(cert(), '2023-01-09', RULES).nextReviewDate).toBe('2023-03-10');
  });

  test('a missed review voids it (已过期, 逾期未复审) the day after', () => {
    const j = judgeCertificate(cert(), '2023-03-11', RULES);
    expect(j).toMatchObject({ state: 'expired', reason: 'reviewMissed', params: { date: '2023-03-10' } });
  });

  test('a review counts for its anniversary: the next review is the certificate’s next 3-year anniversary from issue', () => {
    const reviewed = { lastReviewDate: '2023-02-20' }; // 18 days early, for the 2023-03-10 anniversary
    expect(state('2023-03-11', reviewed)).toBe('valid');
    // The next anniversary (2026-03-10) is the expiry: the renewal, which the expiry decides.
    expect(judgeCertificate(cert(reviewed), '2024-01-01', RULES).nextReviewDate).toBeNull();
    expect(state('2026-01-08', reviewed)).toBe('valid'); // 61 days before the expiry
    expect(state('2026-01-09', reviewed)).toBe('expiring'); // 60 days before
    expect(state('2026-03-10', reviewed)).toBe('expiring'); // last valid day
    expect(judgeCertificate(cert(reviewed), '2026-03-11', RULES)).toMatchObject({
      state: 'expired',
      reason: 'expired',
    });
  });
  test('with the extended interval (10 years continuous work) no review falls inside the six years', () => {
    expect(state('2023-03-11', { extendedReview: true })).toBe('valid');
    expect(judgeCertificate(cert({ extendedReview: true }), '2024-01-01', RULES).nextReviewDate).toBeNull();
    expect(state('2026-01-09', { extendedReview: true })).toBe('expiring');
  });

  test('the abolished 电工进网作业许可证 is history, never valid', () => {
    expect(state('2016-01-01', { kind: 'grid_permit', issueDate: '2015-01-01', expiryDate: '2018-01-01' })).toBe(
      'abolished',
    );
  });

  test('the window and intervals are settings', () => {
    // A 2-year review on a 6-year certificate: anniversaries 2022-03-10 and 2024-03-10.
    const rules = { ...RULES, windowDays: 30, reviewYears: 2 };
    expect(judgeCertificate(cert(), '2022-02-07', rules).state).toBe('valid');
    expect(judgeCertificate(cert(), '2022-02-08', rules).state).toBe('review_due');
  });
});

describe('eligibility for duty', () => {
  const today = '2026-06-15';
  const good = {
    status: 'on_duty',
    returnedFromBreakOn: null,
    certificates: [{ ...cert({ issueDate: '2024-01-01', expiryDate: '2030-01-01' }), number: 'T-1' }],
    safetyExamPasses: ['2026-03-01'],
  };

  test("on duty, a usable certificate and this year's 安规 pass: eligible", () => {
    expect(judgeEligibility(good, today, RULES)).toEqual({ eligible: true, reasons: [] });
  });

  test('a certificate that expired yesterday: not eligible, and the reason names it', () => {
    const p = {
      ...good,
      certificates: [
        {
          ...cert({ issueDate: '2020-06-14', expiryDate: addDays(today, -1), lastReviewDate: '2023-06-01' }),
          number: 'T-9',
        },
      ],
    };
    expect(judgeCertificate(p.certificates[0]!, today, RULES).state).toBe('expired');
    expect(judgeEligibility(p, today, RULES)).toEqual({
      eligible: false,
      reasons: [{ key: 'staff.eligibility.certificateExpired', params: { number: 'T-9', date: '2026-06-14' } }],
    });
  });

  test('no 安规 pass this year, on leave, or back from a long break without a new pass', () => {
    expect(judgeEligibility({ ...good, safetyExamPasses: ['2025-12-30'] }, today, RULES).reasons).toEqual([
      { key: 'staff.eligibility.noSafetyExam', params: { year: '2026' } },
    ]);
    expect(judgeEligibility({ ...good, status: 'leave' }, today, RULES).reasons[0]!.key).toBe(
      'staff.eligibility.notOnDuty',
    );
    expect(judgeEligibility({ ...good, returnedFromBreakOn: '2026-05-01' }, today, RULES).reasons).toEqual([
      { key: 'staff.eligibility.breakNotCleared', params: { date: '2026-05-01' } },
    ]);
    expect(
      judgeEligibility(
        { ...good, returnedFromBreakOn: '2026-05-01', safetyExamPasses: ['2026-03-01', '2026-05-20'] },
        today,
        RULES,
      ).eligible,
    ).toBe(true);
  });

  test('only the abolished permit, or no certificate at all', () => {
    expect(judgeEligibility({ ...good, certificates: [] }, today, RULES).reasons).toEqual([
      { key: 'staff.eligibility.noCertificate' },
    ]);
    expect(
      judgeEligibility({ ...good, certificates: [{ ...cert({ kind: 'grid_permit' }), number: 'J-1' }] }, today, RULES)
        .reasons[0]!.key,
    ).toBe('staff.eligibility.noCertificate');
  });
});

// The case that voided certificates too soon: issued 2020-12-20, reviewed early on 2023-12-01.
describe('reviews fall on the certificate’s own anniversaries (issued 2020-12-20)', () => {
  const issued = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
    kind: 'hv_electrician',
    issueDate: '2020-12-20',
    expiryDate: defaultExpiry('2020-12-20', RULES),
    lastReviewDate: null,
    extendedReview: false,
    ...over,
  });
  const on = (today: string, over?: Partial<CertificateFacts>) => judgeCertificate(issued(over), today, RULES);

  test('the first review is due on the third anniversary; its window opens 60 days before', () => {
    expect(issued().expiryDate).toBe('2026-12-20');
    expect(on('2023-10-20')).toMatchObject({ state: 'valid', nextReviewDate: '2023-12-20' }); // 61 days before
    expect(on('2023-10-21').state).toBe('review_due'); // 60 days before
    expect(on('2023-12-20').state).toBe('review_due'); // the anniversary itself is still in time
    expect(on('2023-12-21')).toMatchObject({
      state: 'expired',
      reason: 'reviewMissed',
      params: { date: '2023-12-20' },
    });
  });

  test('reviewed early (2023-12-01): on 2026-12-01 it is valid to 2026-12-20 and its renewal is next — not void', () => {
    const early = { lastReviewDate: '2023-12-01' };
    expect(on('2023-12-01', early)).toMatchObject({ state: 'valid', nextReviewDate: null });
    expect(on('2026-10-20', early).state).toBe('valid'); // 61 days before the expiry
    expect(on('2026-10-21', early).state).toBe('expiring');
    expect(on('2026-12-01', early)).toMatchObject({
      state: 'expiring',
      reason: 'expiring',
      params: { date: '2026-12-20' },
    });
    expect(on('2026-12-20', early).state).toBe('expiring');
    expect(on('2026-12-21', early)).toMatchObject({ state: 'expired', reason: 'expired' });
  });

  test('reviewed late (2024-01-10): void from the day after the anniversary until the review, valid after it', () => {
    const late = { lastReviewDate: '2024-01-10' };
    expect(on('2023-12-21', late)).toMatchObject({ state: 'expired', reason: 'reviewMissed' }); // the review has not happened yet
    expect(on('2024-01-09', late).state).toBe('expired');
    expect(on('2024-01-10', late)).toMatchObject({ state: 'valid', nextReviewDate: null });
  });

  test('on a 9-year certificate (an office setting) the second review is the sixth anniversary, not three years after an early review', () => {
    const rules = { ...RULES, validityYears: 9 };
    const long = (over: Partial<CertificateFacts> = {}) => ({
      ...issued(over),
      expiryDate: defaultExpiry('2020-12-20', rules),
    });
    const early = long({ lastReviewDate: '2023-11-01' }); // 49 days early
    expect(judgeCertificate(early, '2024-01-01', rules).nextReviewDate).toBe('2026-12-20');
    expect(judgeCertificate(early, '2026-10-20', rules).state).toBe('valid');
    expect(judgeCertificate(early, '2026-10-21', rules).state).toBe('review_due');
    expect(judgeCertificate(early, '2026-12-21', rules)).toMatchObject({
      state: 'expired',
      reason: 'reviewMissed',
      params: { date: '2026-12-20' },
    });
    // Reviewed for the second anniversary too: the next is the expiry.
    expect(judgeCertificate(long({ lastReviewDate: '2026-12-15' }), '2027-01-01', rules)).toMatchObject({
      state: 'valid',
      nextReviewDate: null,
    });
  });
});
