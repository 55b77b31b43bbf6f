import { contract, type UnknownReference } from '../../contract';
import { writeAudit } from '../audit/audit.repository';
import type { AuditEntry, HandlerContext } from '../context';
import { referenceHandlers } from '../reference/reference.handlers';
import { nameKey } from './cells';
import { handlerContext } from './sheet-context';
import type { SheetContext } from './sheet';

type Save = (input: unknown, ctx: HandlerContext) => Promise<{ id: number }>;
const saveOf =
  (method: 'townships.save' | 'villages.save' | 'teams.save') => async (input: unknown, ctx: HandlerContext) =>
    (referenceHandlers[method] as unknown as Save)(contract[method].input.parse(input), ctx);

/**
 * Creates the townships, villages and teams a sheet names and the ledger lacks, through the
 * reference handlers (the form's checks, the audit), inside the import's transaction. A village is
 * created in the township its rows name (created first if that is new too). A team gets the kind
 * 其他, to be set later in the register. Lines are never created here: they need voltage and conductor.
 */
export async function createMissingReferences(
  ctx: SheetContext,
  missing: UnknownReference[],
): Promise<{ townships: number; villages: number; teams: number }> {
  const audit: AuditEntry[] = [];
  const hctx = handlerContext(ctx, audit);
  const creatable = missing.filter((m) => m.creatable);
  const townshipIds = new Map(
    (await ctx.db.selectFrom('townships').select(['id', 'name']).where('deleted_at', 'is', null).execute()).map((t) => [
      nameKey(t.name),
      t.id,
    ]),
  );
  const counts = { townships: 0, villages: 0, teams: 0 };

  const townshipNames = [
    ...creatable.filter((m) => m.kind === 'township').map((m) => m.name),
    ...creatable.flatMap((m) => (m.kind === 'village' && m.township ? [m.township] : [])),
  ];
  for (const name of townshipNames) {
    if (townshipIds.has(nameKey(name))) continue;
    const row = await saveOf('townships.save')({ name }, hctx);
    townshipIds.set(nameKey(name), row.id);
    counts.townships++;
  }
  for (const m of creatable.filter((x) => x.kind === 'village')) {
    const townshipId = townshipIds.get(nameKey(m.township))!;
    await saveOf('villages.save')({ townshipId, name: m.name }, hctx);
    counts.villages++;
  }
  for (const m of creatable.filter((x) => x.kind === 'team')) {
    await saveOf('teams.save')({ name: m.name, kind: 'other' }, hctx);
    counts.teams++;
  }
  await writeAudit(
    ctx.db,
    ctx.now.toISOString(),
    ctx.user,
    'excel.commit',
    audit.map((e) => ({ ...e, summary: `${e.summary} by import` })),
  );
  return counts;
}
