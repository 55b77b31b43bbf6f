import type { Eligibility } from '../../contract/staff';
import { addDays, addMonths, daysBetween } from '../shared/time';

/** The numbers of DOMAIN.md §5, as settings (see settings.defaults.ts). */
export interface CertificateRules {
  validityYears: number;
  reviewYears: number;
  extendedReviewYears: number;
  /** Days before a review or the expiry in which to apply (60). */
  windowDays: number;
}

export interface CertificateFacts {
  kind: string;
  issueDate: string;
  expiryDate: string;
  lastReviewDate: string | null;
  extendedReview: boolean;
}

export type CertificateStateName = 'valid' | 'review_due' | 'expiring' | 'expired' | 'abolished';

export interface CertificateJudgement {
  state: CertificateStateName;
  nextReviewDate: string | null;
  /** i18n key under staff.certificate.reason, and its parameters. */
  reason: string;
  params: Record<string, string | number>;
}

/** The 电工进网作业许可证 stopped being issued on this day; it never counts as valid after it. */
export const GRID_PERMIT_ABOLISHED = '2017-09-29';

export const defaultExpiry = (issueDate: string, rules: Pick<CertificateRules, 'validityYears'>) =>
  addMonths(issueDate, rules.validityYears * 12);

/**
 * The review dates of a certificate: its own anniversaries every `interval` years from issue, before
 * the expiry (an anniversary on or after the expiry is the renewal, which the expiry decides).
 */
export function reviewAnniversaries(
  c: Pick<CertificateFacts, 'issueDate' | 'expiryDate' | 'extendedReview'>,
  rules: CertificateRules,
): string[] {
  const years = c.extendedReview ? rules.extendedReviewYears : rules.reviewYears;
  const out: string[] = [];
  for (let k = 1; years > 0 && k < 100; k++) {
    const at = addMonths(c.issueDate, k * years * 12);
    if (at >= c.expiryDate) break;
    out.push(at);
  }
  return out;
}

/** The anniversary a review was held for: the one nearest to it (an early review counts for the coming one, a late one for the one just passed). */
function anniversaryReviewed(anniversaries: string[], reviewed: string): number {
  let best = -1;
  let bestGap = Infinity;
  for (const [k, at] of anniversaries.entries()) {
    const gap = Math.abs(daysBetween(reviewed, at));
    if (gap <= bestGap) {
      best = k;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * 有效 / 待复审 / 即将到期 / 已过期 for a 特种作业操作证 (DOMAIN.md §5.1): valid 6 years; reviewed on its
 * own 3-year anniversaries from issue (every 6 years after 10 years of continuous work, when
 * approved), applied for within the 60 days before. A review counts for the anniversary nearest to
 * it, so a review held early does not move the next one closer. An anniversary passed without a
 * review voids the certificate (逾期未复审) — until a late review is recorded. The last valid day is
 * the anniversary or the expiry itself. A review dated after `today` has not happened yet.
 */
export function judgeCertificate(c: CertificateFacts, today: string, rules: CertificateRules): CertificateJudgement {
  if (c.kind === 'grid_permit') {
    return { state: 'abolished', nextReviewDate: null, reason: 'abolished', params: { date: GRID_PERMIT_ABOLISHED } };
  }
  if (today > c.expiryDate)
    return { state: 'expired', nextReviewDate: null, reason: 'expired', params: { date: c.expiryDate } };
  const anniversaries = reviewAnniversaries(c, rules);
  const reviewed =
    c.lastReviewDate && c.lastReviewDate <= today ? anniversaryReviewed(anniversaries, c.lastReviewDate) : -1;
  const nextReviewDate = anniversaries[reviewed + 1] ?? null;
  if (nextReviewDate && today > nextReviewDate)
    return { state: 'expired', nextReviewDate, reason: 'reviewMissed', params: { date: nextReviewDate } };
  if (today >= addDays(c.expiryDate, -rules.windowDays))
    return {
      state: 'expiring',
      nextReviewDate,
      reason: 'expiring',
      params: { date: c.expiryDate, days: rules.windowDays },
    };
  if (nextReviewDate && today >= addDays(nextReviewDate, -rules.windowDays))
    return {
      state: 'review_due',
      nextReviewDate,
      reason: 'reviewDue',
      params: { date: nextReviewDate, days: rules.windowDays },
    };
  return { state: 'valid', nextReviewDate, reason: 'valid', params: { date: nextReviewDate ?? c.expiryDate } };
}

export const USABLE_STATES: ReadonlySet<CertificateStateName> = new Set(['valid', 'review_due', 'expiring']);

export interface PersonFacts {
  status: string;
  returnedFromBreakOn: string | null;
  certificates: (CertificateFacts & { number: string })[];
  /** Dates of passed 安规 exams. */
  safetyExamPasses: string[];
}

/**
 * May this person be put on a repair shift today, and if not, why: on duty, a usable electrical
 * certificate, the 安规 exam passed this year, and after a break of 3 months or more an exam passed
 * since coming back.
 */
export function judgeEligibility(p: PersonFacts, today: string, rules: CertificateRules): Eligibility {
  const reasons: Eligibility['reasons'] = [];
  if (p.status !== 'on_duty') reasons.push({ key: 'staff.eligibility.notOnDuty', params: { status: p.status } });
  const judged = p.certificates.map((c) => ({ c, j: judgeCertificate(c, today, rules) }));
  if (!judged.some(({ j }) => USABLE_STATES.has(j.state))) {
    const lapsed = judged
      .filter(({ j }) => j.state === 'expired')
      .sort((a, b) => (a.j.params.date! > b.j.params.date! ? -1 : 1))[0];
    if (lapsed)
      reasons.push({
        key: `staff.eligibility.${lapsed.j.reason === 'reviewMissed' ? 'reviewMissed' : 'certificateExpired'}`,
        params: { number: lapsed.c.number, date: lapsed.j.params.date! },
      });
    else reasons.push({ key: 'staff.eligibility.noCertificate' });
  }
  const year = today.slice(0, 4);
  const passes = [...p.safetyExamPasses].sort();
  if (!passes.some((d) => d.startsWith(year) && d <= today))
    reasons.push({ key: 'staff.eligibility.noSafetyExam', params: { year } });
  if (
    p.returnedFromBreakOn &&
    p.returnedFromBreakOn <= today &&
    !passes.some((d) => d >= p.returnedFromBreakOn! && d <= today)
  ) {
    reasons.push({ key: 'staff.eligibility.breakNotCleared', params: { date: p.returnedFromBreakOn } });
  }
  return { eligible: reasons.length === 0, reasons };
}

/** The best state among a person's electrical certificates (null without any). */
export function bestState(states: CertificateStateName[]): CertificateStateName | null {
  const order: CertificateStateName[] = ['valid', 'review_due', 'expiring', 'expired', 'abolished'];
  return states.length ? states.reduce((a, b) => (order.indexOf(b) < order.indexOf(a) ? b : a)) : null;
}
