/**
 * Child process for the crash test: opens the core on the given file and writes as fast as it can
 * until it is killed. It prints a line for every write the core acknowledged; the parent checks
 * those are all still there after the kill.
 */
import { createCore } from '../../../electron/core';
import { CRASH_IMPORT_ROWS } from './crash-harness';

const file = process.argv[2]!;
const cycle = Number(process.argv[3] ?? 0);
const PASSWORD = 'Crash2026';
const IMPORT_ROWS = CRASH_IMPORT_ROWS;

const ack = (line: string) => process.stdout.write(`ACK ${line}\n`);

async function main() {
  const core = await createCore({ file });
  const status = (await core.dispatch('accounts.setupStatus', {}, {})) as { needsSetup: boolean };
  const { token } = (await core.dispatch(
    status.needsSetup ? 'accounts.setup' : 'accounts.login',
    status.needsSetup ? { password: PASSWORD } : { username: 'admin', password: PASSWORD },
    {},
  )) as { token: string };
  const call = (method: string, input: unknown) => core.dispatch(method, input, { token });

  let lineId = ((await call('lines.list', { startRow: 0, endRow: 1 })) as { rows: { id: number }[] }).rows[0]?.id;
  if (!lineId)
    lineId = (
      (await call('lines.save', { name: '10kV 断电测试线', voltage: '10', conductor: 'bare', areaType: 'rural' })) as {
        id: number;
      }
    ).id;

  /** A sheet of IMPORT_ROWS records through the real import (upload, check, commit in a worker thread). */
  const importSheet = async (tag: string) => {
    const rows = Array.from(
      { length: IMPORT_ROWS },
      (_, i) => `10kV 断电测试线,#${i + 1},导入${tag},2,3.5,修剪,${tag}`,
    );
    const csv = Buffer.from(['线路,杆号区段,树种,株数,垂直距离(m),处理方式,备注', ...rows].join('\r\n'));
    const { fileId } = (await call('files.upload', {
      name: `${tag}.csv`,
      offset: 0,
      data: csv.toString('base64'),
      done: true,
    })) as { fileId: string };
    const analysed = (await call('excel.analyse', { sheet: 'vegetation', fileId })) as { jobId: string };
    let state = (await call('jobs.get', { jobId: analysed.jobId })) as {
      status: string;
      result: { preview: { mapping: Record<string, number | null> } } | null;
    };
    while (state.status === 'running')
      state =
        (await new Promise((r) => setTimeout(r, 5)),
        (await call('jobs.get', { jobId: analysed.jobId })) as typeof state);
    const committed = (await call('excel.commit', {
      sheet: 'vegetation',
      fileId,
      mapping: state.result!.preview.mapping,
    })) as { jobId: string };
    let done = (await call('jobs.get', { jobId: committed.jobId })) as { status: string };
    while (done.status === 'running')
      done =
        (await new Promise((r) => setTimeout(r, 5)),
        (await call('jobs.get', { jobId: committed.jobId })) as typeof done);
    if (done.status !== 'done') throw new Error(`import ${tag} ${JSON.stringify(done)}`);
  };
  process.stdout.write('READY\n');

  for (let n = 0; ; n++) {
    const tag = `c${cycle}-${n}`;
    const batch = `batch-c${cycle}-b${Math.floor(n / 25)};`;
    if (n % 25 === 24) {
      // A bulk write in one transaction: move this batch of records to the bin at once.
      const page = (await call('vegetation.list', { startRow: 0, endRow: 1000, search: batch })) as {
        rows: { id: number }[];
      };
      if (page.rows.length > 0) {
        await call('vegetation.delete', { ids: page.rows.map((r) => r.id) });
        ack(`bulkdelete ${batch} ${page.rows.length}`);
      }
    } else if (n % 25 === 6) {
      // A large write from another thread: a sheet imported all-or-nothing by the job worker.
      const tag = `import-c${cycle}-n${n}`;
      await importSheet(tag);
      ack(`import ${tag} ${IMPORT_ROWS}`);
    } else if (n % 25 === 12) {
      // Another bulk write: a threshold change re-grades every record in the same transaction.
      const value = 1.5 + ((cycle + n) % 5) / 10;
      await call('settings.update', { key: 'clearance.10.bare.vertical', value });
      ack(`setting ${value}`);
    } else {
      const { record } = (await call('vegetation.save', {
        lineId,
        towerRange: `#${(n % 200) + 1}`,
        species: '杨树',
        treeCount: 1 + (n % 9),
        verticalDistance: (n % 40) / 10,
        action: 'trim',
        landowner: tag,
        notes: batch,
      })) as { record: { id: number } };
      ack(`save ${record.id} ${tag}`);
    }
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
