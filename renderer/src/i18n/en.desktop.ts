import type { zhDesktop } from './zh-CN.desktop';
import type { Messages } from './messages';

/** English: the desktop app's own screens — the start screen and updates from the office server. */
export const enDesktop: Messages<typeof zhDesktop> = {
  startup: {
    title: 'GridDesk is starting',
    phases: {
      opening: 'Opening the ledgers…',
      backup: 'Backing up the database (first start today, or before an upgrade)…',
      migrate: 'Upgrading the database…',
      ready: 'Done',
      failed: 'Could not start',
    },
    steps: { backup: 'Backup', migrate: 'Upgrade database', ready: 'Open ledgers' },
    failedTitle: 'The ledgers could not be opened',
    folder: 'Data folder: {{folder}}',
    detail: 'Technical details (for your administrator)',
    openFolder: 'Open the data folder',
    quit: 'Quit',
    failures: {
      'data-folder': {
        what: 'The data folder could not be created or moved.',
        todo: 'Make sure this PC’s disk is writable (not read-only or a network location), then start again; if access is denied, ask your IT administrator.',
      },
      'connection-file': {
        what: 'The connection settings file connection.json is damaged.',
        todo: 'Open the data folder, delete connection.json and start again, then choose standalone or the office server. The ledgers are not affected.',
      },
      locked: {
        what: 'Another program is using the database.',
        todo: 'Close other GridDesk windows and programs that have griddesk.sqlite open (backup software, a virus scan), then start again.',
      },
      'no-permission': {
        what: 'No permission to read or write the data folder.',
        todo: 'Ask your IT administrator to give this Windows account read and write access to the folder.',
      },
      'disk-full': {
        what: 'The disk is full: the database cannot be backed up or opened.',
        todo: 'Free some space (older backups in the data folder’s backups can go), then start again.',
      },
      damaged: {
        what: 'The database file is damaged.',
        todo: 'Do not write to it. Open the data folder and find the latest backup in backups; an administrator restores it on the Backup page or replaces griddesk.sqlite as the README says.',
      },
      'newer-version': {
        what: 'This database was made by a newer version of GridDesk.',
        todo: 'Install the latest GridDesk (for example from the office server); do not open it with an older version.',
      },
      unknown: {
        what: 'Something unexpected went wrong at start.',
        todo: 'Start once more; if it fails again, send the technical details below to your administrator. The data folder’s backups hold a copy from every day.',
      },
    },
  },
  updates: {
    downloading: 'Downloading version {{version}}: {{percent}}%',
    ready: 'Version {{version}} is downloaded',
    restartNow: 'Restart and update now',
    later: 'Update when I quit',
    readyHint:
      'After the restart you have the new version; the ledgers are not affected. “Update when I quit” installs it when the app next closes.',
    error: 'Update check failed: {{message}}',
    settingTitle: 'Program updates',
    managedByServer: 'This PC uses the office server and gets updates from it (checked daily).',
    source: 'Update source',
    sourceNever: 'Never check',
    sourceUrl: 'Address',
    sourceFolder: 'Shared folder',
    urlPlaceholder: 'e.g. https://192.168.1.20:5781/updates/',
    folderPlaceholder: 'e.g. \\\\SERVER\\GridDesk updates or D:\\GridDesk updates',
    save: 'Save',
    checkNow: 'Check now',
    saved: 'Update source saved',
    current: 'Up to date (checked {{at}})',
    checking: 'Checking for updates…',
    off: 'No update source set: updates are not checked.',
    badUrl: 'The address must start with http:// or https://',
    badFolder: 'Enter a folder path',
  },
};
