import type { zhSafety } from './zh-CN.safety';
import type { Messages } from './messages';

/** English: sign-in locks on the users page. */
export const enSafety: Messages<typeof zhSafety> = {
  signInLocks: {
    open: 'Sign-in locks',
    title: 'Sign-in locks',
    intro:
      'Wrong passwords in a row lock that user name on that PC (or a PC guessing at many names); other PCs are not affected. A lock ends by itself, or lift it here.',
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
  unreachable: {
    title: 'The office server cannot be reached',
    changeTitle: 'Change server',
    changeIntro:
      'Choose this PC’s new server address (or standalone). Nothing is saved until the new server’s fingerprint is compared and confirmed; until then the PC keeps {{server}}.',
    server: 'Server',
    thisApp: 'GridDesk service',
    pinned: 'Fingerprint confirmed at first',
    presented: 'Fingerprint the server shows now',
    retry: 'Retry',
    change: 'Change server…',
    advice:
      'Check that the server PC is on, the GridDesk server is running, and this PC is on the same network. If the server’s address changed (the router gave it another), use “Change server” to enter the new one.',
    adviceCertificate:
      'Compare with the fingerprint on the server’s screen, with your administrator. If the server really made a new certificate, use “Change server” to compare and confirm it; if not, do not connect.',
    reasons: {
      refused: 'The server refused the connection: GridDesk may not be running on that PC, or the port is wrong.',
      timeout: 'The connection timed out: the server may be off, or the network is down.',
      noRoute: 'The server cannot be found: the network is down, or the server’s address has changed.',
      certificate:
        'The server shows a certificate other than the one confirmed at first: the server may have made a new one, or something is posing as it. Stopped; nothing was sent.',
      offline: 'The GridDesk service cannot be reached.',
      other: 'Connecting to the server failed.',
    },
  },
};
