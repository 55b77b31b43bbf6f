import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DisputeRow } from '../../contract';
import type { DB, VegetationDisputesTable } from '../db/schema';

async function entriesOf(db: Kysely<DB>, disputeIds: number[]) {
  if (disputeIds.length === 0) return [];
  return db
    .selectFrom('vegetation_dispute_entries')
    .selectAll()
    .where('dispute_id', 'in', disputeIds)
    .orderBy('entry_date')
    .orderBy('id')
    .execute();
}

async function toRows(db: Kysely<DB>, disputes: Selectable<VegetationDisputesTable>[]): Promise<DisputeRow[]> {
  const entries = await entriesOf(
    db,
    disputes.map((d) => d.id),
  );
  return disputes.map((d) => ({
    id: d.id,
    version: d.version,
    recordId: d.record_id,
    parties: JSON.parse(d.parties_json) as DisputeRow['parties'],
    lawExplained: d.law_explained === 1,
    coordinationLevel: d.coordination_level as DisputeRow['coordinationLevel'],
    compensationAgreed: d.compensation_agreed,
    compensationPaid: d.compensation_paid,
    paidDate: d.paid_date,
    status: d.status as DisputeRow['status'],
    openedAt: d.opened_at,
    closedAt: d.closed_at,
    closeNote: d.close_note,
    entries: entries
      .filter((e) => e.dispute_id === d.id)
      .map((e) => ({
        id: e.id,
        entryDate: e.entry_date,
        party: e.party as DisputeRow['entries'][number]['party'],
        content: e.content,
        createdBy: e.created_by,
      })),
  }));
}

export async function findDispute(db: Kysely<DB>, id: number): Promise<DisputeRow | undefined> {
  const d = await db.selectFrom('vegetation_disputes').selectAll().where('id', '=', id).executeTakeFirst();
  return d ? (await toRows(db, [d]))[0] : undefined;
}

/** The open dispute of a record (if any) and the closed ones before it, newest first. */
export async function disputesOfRecord(db: Kysely<DB>, recordId: number) {
  const all = await db
    .selectFrom('vegetation_disputes')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .execute();
  const rows = await toRows(db, all);
  return { dispute: rows.find((r) => r.status === 'open') ?? null, history: rows.filter((r) => r.status === 'closed') };
}

export async function insertDispute(db: Kysely<DB>, row: Insertable<DB['vegetation_disputes']>): Promise<number> {
  return (await db.insertInto('vegetation_disputes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertDisputeEntry(db: Kysely<DB>, row: Insertable<DB['vegetation_dispute_entries']>) {
  await db.insertInto('vegetation_dispute_entries').values(row).execute();
}

/** The record's status before the dispute blocked it: where closing the dispute puts it back. */
export async function disputeStatusBefore(db: Kysely<DB>, id: number): Promise<string> {
  return (
    await db.selectFrom('vegetation_disputes').select('status_before').where('id', '=', id).executeTakeFirstOrThrow()
  ).status_before;
}

/** A dispute moves its record to 受阻 and back: a new version of the record, so open forms see the change. */
export async function setRecordStatus(db: Kysely<DB>, recordId: number, status: string, at: string): Promise<void> {
  await db
    .updateTable('vegetation_records')
    .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', recordId)
    .execute();
}
