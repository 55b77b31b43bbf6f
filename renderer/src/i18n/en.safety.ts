import type { zhSafety } from './zh-CN.safety';
import type { Messages } from './messages';

/** English: sign-in locks on the users page. */
export const enSafety: Messages<typeof zhSafety> = {
  signInLocks: {
    open: 'Sign-in locks',
    title: 'Sign-in locks',
    intro: 'Wrong passwords in a row lock that user name on that PC (or a PC guessing at many names); other PCs are not affected. A lock ends by itself, or lift it here.',
    empty: 'No user name or PC is locked',
    scope: 'Locked',
    pair: 'User {{username}}',
    address: 'Every user on this PC',
    addressCol: 'From (address)',
    failures: 'Failures',
    lastAt: 'Last attempt',
    lockedUntil: 'Locked until',
    clear: 'Lift',
    clearConfirm: 'Lift this lock? Its failure count is cleared too.',
    cleared: 'Lock lifted',
  },
};
