import type { Insertable, Kysely } from 'kysely';
import type { Attachable } from '../../contract';
import type { DB } from '../db/schema';
import { OWNER_TABLES } from './owners';

/** Whether the record an attachment would belong to exists and is not in the recycle bin. */
export async function ownerIsLive(db: Kysely<DB>, entity: Attachable, id: number): Promise<boolean> {
  const r = await db
    .selectFrom(OWNER_TABLES[entity] as 'vegetation_records')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

/** A record's live attachments, oldest first. */
export function attachmentsOf(db: Kysely<DB>, entity: Attachable, entityId: number) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The file's bytes, stored once however many records attach them (keyed by their SHA-256). */
export async function storeBlob(db: Kysely<DB>, sha256: string, bytes: Buffer): Promise<void> {
  await db
    .insertInto('attachment_blobs')
    .values({ sha256, size: bytes.length, bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export function insertAttachment(db: Kysely<DB>, row: Insertable<DB['attachments']>) {
  return db.insertInto('attachments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** One chunk of a live attachment's bytes from `offset`, with its name, type and size. */
export function attachmentChunk(db: Kysely<DB>, id: number, offset: number, length: number) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select([
      'a.file_name',
      'a.mime',
      'a.size',
      (eb) => eb.fn<Buffer>('substr', ['b.bytes', eb.val(offset + 1), eb.val(length)]).as('chunk'),
    ])
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}
