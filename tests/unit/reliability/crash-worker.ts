/**
 * Child process for the crash test: opens the core on the given file and writes as fast as it can
 * until it is killed. It prints a line for every write the core acknowledged; the parent checks
 * those are all still there after the kill.
 */
import { createCore } from '../../../electron/core';

const file = process.argv[2]!;
const cycle = Number(process.argv[3] ?? 0);
const PASSWORD = 'Crash2026';

const ack = (line: string) => process.stdout.write(`ACK ${line}\n`);

async function main() {
  const core = await createCore({ file });
  const status = (await core.dispatch('accounts.setupStatus', {}, {})) as { needsSetup: boolean };
  const { token } = (await core.dispatch(status.needsSetup ? 'accounts.setup' : 'accounts.login', status.needsSetup ? { password: PASSWORD } : { username: 'admin', password: PASSWORD }, {})) as { token: string };
  const call = (method: string, input: unknown) => core.dispatch(method, input, { token });

  let lineId = (await call('lines.list', { startRow: 0, endRow: 1 }) as { rows: { id: number }[] }).rows[0]?.id;
  if (!lineId) lineId = ((await call('lines.save', { name: '10kV 断电测试线', voltage: '10', conductor: 'bare', areaType: 'rural' })) as { id: number }).id;
  process.stdout.write('READY\n');

  for (let n = 0; ; n++) {
    const tag = `c${cycle}-${n}`;
    const batch = `batch-c${cycle}-b${Math.floor(n / 25)};`;
    if (n % 25 === 24) {
      // A bulk write in one transaction: move this batch of records to the bin at once.
      const page = (await call('vegetation.list', { startRow: 0, endRow: 1000, search: batch })) as { rows: { id: number }[] };
      if (page.rows.length > 0) {
        await call('vegetation.delete', { ids: page.rows.map((r) => r.id) });
        ack(`bulkdelete ${batch} ${page.rows.length}`);
      }
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
