import { SHEET_LABELS } from '@contract';
import type { Messages } from './messages';
import type { zhOffice } from './zh-CN.office';

/** English: the office tools. Same keys as zh-CN (the type enforces it). */
export const enOffice: Messages<typeof zhOffice> = {
  import: {
    ...SHEET_LABELS.en.import,
    button: 'Import', title: 'Import from Excel: {{sheet}}', stepFile: 'Choose file', stepCheck: 'Check', stepWrite: 'Write', stepDone: 'Done',
    drop: 'Click or drop an Excel (.xlsx) or CSV file', dropHint: 'The header may sit below title rows; columns are matched by header. CSV may be UTF-8 or GBK.',
    template: 'Download template', file: 'File', headerRow: 'header on row {{row}}', rows: 'Data rows', new: 'New', updated: 'Updated', unchanged: 'Unchanged (skipped)', problems: 'Problems',
    fixAndRetry: '{{count}} problems. Fix them in the sheet and choose the file again; nothing is written while any row has a problem.',
    row: 'Row', column: 'Column', problem: 'Problem', value: 'Value', mapping: 'Column mapping', field: 'Ledger field', sheetColumn: 'Sheet column', notImported: '(not imported)',
    example: 'First row', recheck: 'Check again with this mapping', another: 'Choose another file', commit: 'Import {{count}} rows', doneTitle: 'Import finished',
    doneText: '{{created}} new, {{updated}} updated, {{unchanged}} unchanged', number: 'Not a number', integer: 'Must be a whole number',
    date: 'Date not understood (2026-05-03, 2026/5/3 or 2026年5月3日)', boolean: 'Use yes or no', enum: 'Must be one of: {{allowed}}',
    unknownReference: '"{{value}}" not found (add it under reference data, or check the name)', ambiguousVillage: 'Several villages are called "{{value}}"; fill in the township too',
    duplicateRow: 'Same record as row {{row}}', columnMissing: 'Choose the “{{column}}” column', columnMissingHint: 'No column of the sheet was recognised as “{{column}}”. Choose which column it is below and check again; rows are checked once it is chosen.', noHeader: 'No header found: none of the first 20 rows names the ledger\'s columns',
    hasProblems: '{{count}} problems remain; nothing was written',
  },
  excel: {
    export: 'Export Excel', exporting: 'Exporting…', exported: 'Exported {{rows}} rows: {{name}}', exportFailed: 'Export failed',
    zipBomb: 'The file unpacks to far too much data or is malformed; refused', oldXls: 'This is an old .xls file: save it as .xlsx in Excel/WPS first',
    unreadable: 'Cannot read the file: not a valid .xlsx or CSV file', tooManyRows: 'More than {{max}} rows: import in parts',
  },
  files: { missing: 'The file is gone or expired; choose it again', badChunk: 'File transfer error; try again', tooLarge: 'File larger than {{mb}} MB', quota: 'This sign-in has staged more than {{mb}} MB of uploads: finish or cancel the imports under way, or sign in again' },
  jobs: {
    missing: 'The task does not exist or expired', busy: 'An import or export is running; try again when it finishes', outOfMemory: 'The file is too large to process; import in parts',
    cancelledText: 'Cancelled; nothing was written',
    phase: { starting: 'Starting…', uploading: 'Uploading', reading: 'Reading the sheet', checking: 'Checking rows', writing: 'Writing the ledger', exporting: 'Exporting rows' },
  },
  search: { placeholder: 'Search everything: landowner, line, phone… (Ctrl+K)', none: 'Nothing found', more: 'more…' },
  print: {
    print: 'Print', pdf: 'Save as PDF', back: 'Back', hint: 'A4 paper; in a browser choose “Save as PDF” in the print dialog for a PDF', saved: 'Saved: {{path}}', unknown: 'No such print layout', noLetters: 'No landowner in these packages needs a notice', noPackage: 'No package to print', notified: { all: 'Yes', some: 'Some', none: 'No', nobody: 'Not needed' },
    no: 'No.', place: 'Place', landowner: 'Landowner / phone', trees: 'Species / trees', distance: 'Vert./horiz. (m)', vertical: 'Vertical (m)', horizontal: 'Horizontal (m)',
    basisShort: 'min {{minimum}} m ({{source}})', minimum: 'min {{minimum}} m',
    workOrder: {
      menu: 'Work order ({{count}} selected)', title: 'Tree trimming work order', number: 'No.', issuedOn: 'Issued', team: 'Team', count: 'Sites', countValue: '{{count}} sites, {{trees}} trees',
      safety: 'Safety measures', safety1: 'Check line name, towers and the site before work; where an outage is needed, get it, test for voltage and earth the line first.',
      safety2: 'A watcher guards every felling; control where trees fall so nothing lands on the conductors; do not climb weak or dead branches.',
      safety3: 'Keep the safe distance from live conductors, use insulated tools and harnesses; stop in strong wind or thunderstorms.',
      safety4: 'Show this order to the landowner and explain the law before cutting; clear the site afterwards and record the distance after.',
      distanceNote: 'Grades are judged with the current thresholds; “min” is the minimum distance used, the superscript its source:',
    },
    testReport: {
      deviceTitle: 'Lightning device test report ({{code}})',
      campaignTitle: '{{name}} test report',
      sub: 'Printed {{asOf}}',
      summary: '{{devices}} devices: tested {{done}}, failed {{failed}}, not yet {{left}}',
      basis: 'Basis (thresholds as currently set; change them in Thresholds → Lightning protection)',
      tester: 'Tester (signature)',
      checker: 'Checked by (signature)',
    },
    approvalSheet: {
      title: 'Upgrade project approval sheet',
      sub: 'Request {{id}} · printed {{asOf}}',
      when: 'When',
      who: 'Who',
      what: 'Action',
      applicant: 'Applicant (signature)',
      reviewer: 'Reviewed by (signature)',
      approver: 'Approved by (signature)',
    },
    dutySheet: {
      title: '{{season}} repair duty roster',
      week: 'Week {{n}} ({{from}} to {{to}})',
      promise: 'Arrive {{arrival}} min · restore {{restore}} h',
      note: '24-hour repair duty: reach the site within the area\'s promise and restore power as soon as possible; swaps need the team leader\'s consent and are entered in the system.',
      madeBy: 'Prepared by',
      approvedBy: 'Approved by',
      noSeason: 'No season given',
    },
    hazardList: { menu: 'Hazard list of this line (filter by line first)', title: '{{line}}: tree hazard list', summary: '{{voltage}} · {{conductor}} · as of {{asOf}} · {{count}} open ({{emergency}} emergency, {{major}} major, {{general}} general)', noLine: 'Line not found' },
    sign: { leader: 'Work leader (signature)', issuer: 'Issued by (signature)', landowner: 'Landowner (signature)', acceptor: 'Accepted by (signature)', preparer: 'Prepared by', reviewer: 'Reviewed by', approver: 'Approved by', date: 'Date', dateBlank: '____-__-__' },
  },
  attachments: {
    title: 'Attachments (photos, agreements, reports)', add: 'Add attachment', added: 'Added: {{name}}', none: 'No attachments yet', open: 'Open',
    deleteConfirm: 'Delete this attachment? It can be restored from the recycle bin.', tooLarge: 'Attachment larger than {{mb}} MB',
    badType: '“{{name}}” is not an accepted kind (jpg/png photos, PDF, Word, Excel), or its content does not match its name', badThumbnail: 'Invalid thumbnail',
  },
};
