import type { zhConnection } from './zh-CN.connection';
import type { Messages } from './messages';

/** English: how this PC reaches its ledgers. */
export const enConnection: Messages<typeof zhConnection> = {
  connection: {
    title: 'How this PC works',
    intro:
      'GridDesk on this PC can keep its own ledgers, or connect to the office server and share one set of ledgers with the other PCs. An administrator can change this later on the Rule thresholds page.',
    standalone: 'Standalone',
    standaloneHint: 'The ledgers are kept on this PC (for an office with one PC).',
    client: 'Connect to the office server',
    clientHint: 'Several PCs share the ledgers on the server; accounts and roles live on the server.',
    address: 'Server address',
    addressHint: 'The “client address” the server shows when it starts, e.g. https://192.168.1.20:5781',
    probe: 'Read certificate',
    certificate: 'Server certificate',
    subject: 'Name',
    validTo: 'Valid until',
    fingerprint: 'Fingerprint (SHA-256)',
    compare:
      'Compare it group by group with the “certificate fingerprint” on the server’s screen. Connect only if they match; if not, this may not be your office’s server.',
    confirm: 'The fingerprint matches the one shown on the server exactly',
    continue: 'Continue',
    restarting: 'Restarting GridDesk the new way…',
    badAddress: 'The server address starts with https://, e.g. https://192.168.1.20:5781',
    fingerprintChanged:
      'The server’s fingerprint differs from the one just confirmed; nothing was saved. Read and compare it again.',
    current: 'Connection',
    currentStandalone: 'Standalone: the ledgers are on this PC',
    currentClient: 'Client of {{server}}',
    change: 'Change…',
  },
};
