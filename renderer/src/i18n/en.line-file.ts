import type { zhLineFile } from './zh-CN.line-file';
import type { Messages } from './messages';

/** English: the line file (一线一档) — one line tower by tower. */
export const enLineFile: Messages<typeof zhLineFile> = {
  lineFile: {
    title: 'Line file',
    pickLine: 'Choose a line',
    now: 'Now',
    asAtYearEnd: 'End of {{year}}',
    asOf: 'As of {{date}}',
    towers: '#{{from}}–#{{to}} ({{count}} towers)',
    noCount: 'No tower count: drawn to the highest tower recorded, #{{last}}',
    zoom: 'Towers shown',
    lanes: {
      towers: 'Towers',
      hazards: 'Tree hazards',
      devices: 'Lightning devices',
      trips: 'Lightning trips',
      defects: 'Defects',
      upgrades: 'Upgrade requests',
    },
    deviceStates: { passed: 'Passed', due: 'Due', failed: 'Failed', rectifying: 'Being rectified' },
    tripYears: { this: 'This year', last: 'Last year', earlier: 'Two years ago' },
    tip: {
      hazard: '{{range}} {{grade}} hazard: {{species}} ×{{count}} ({{status}})',
      device: '{{code}} {{kind}} #{{tower}}: {{state}}{{tested}}',
      tested: ', last tested {{date}}',
      trip: '{{at}} lightning trip {{towers}}{{reclosed}}',
      reclosed: ' (reclosed)',
      defect: '{{code}} {{name}} #{{tower}}: {{grade}} defect',
      upgrade: '{{no}} {{code}} #{{tower}}: {{status}}',
    },
    figures: {
      openHazards: 'Open tree hazards',
      byGrade: 'Emergency {{emergency}} · major {{major}} · general {{general}}',
      compensationPaid: 'Compensation paid (yuan)',
      devices: 'Lightning devices',
      devicesLine: 'Due {{due}} · failed {{failed}}',
      trips: 'Lightning trips',
      tripsLine: 'This year {{this}} · last year {{last}}',
      defects: 'Open defects',
      requestsWaiting: 'Requests awaiting approval',
      repairs: 'Repair calls (this year)',
      repairsLine: '{{calls}} calls · arrived on time {{onTime}}/{{arrived}}',
    },
    notPlaced: '{{count}} records name no tower and are not drawn',
    open: 'Open the line file',
    print: 'Print (A3)',
    printTitle: 'Line file · {{line}}',
  },
  lineRisk: {
    title: 'Line risk ranking',
    how: 'Score = the sum of each count × its weight; the weights are under Rules → Line risk ranking. Click a line to open its file.',
    rank: 'Rank',
    score: 'Score',
    part: '{{count}} × {{weight}} = {{points}} points',
  },
};
