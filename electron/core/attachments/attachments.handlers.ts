import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ApiError,
  FILE_CHUNK_BYTES,
  MAX_THUMBNAIL_BYTES,
  notFound,
  type Attachable,
  type AttachmentRow,
} from '../../contract';
import type { Handlers } from '../context';
import { currentUser } from '../context';
import type { DB } from '../db/schema';
import { loadSettings } from '../settings/settings.repository';
import { deleteToBin } from '../shared/soft-delete';
import { attachmentType, isImageThumbnail } from './file-types';
import { attachmentChunk, attachmentsOf, insertAttachment, ownerIsLive, storeBlob } from './attachments.repository';
import type { Kysely, Selectable } from 'kysely';

type Row = Omit<Selectable<DB['attachments']>, 'thumbnail'> & { thumbnail: Buffer | null };

function toRow(r: Row): AttachmentRow {
  return {
    id: r.id,
    entity: r.entity as AttachmentRow['entity'],
    entityId: r.entity_id,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    caption: r.caption,
    thumbnail: r.thumbnail
      ? `data:${isPng(r.thumbnail) ? 'image/png' : 'image/jpeg'};base64,${r.thumbnail.toString('base64')}`
      : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
const isPng = (b: Buffer) => b.length > 4 && b.readUInt32BE(0) === 0x89504e47;

/** The record must exist and be live to take an attachment. */
async function requireRecord(db: Kysely<DB>, entity: Attachable, id: number) {
  if (!(await ownerIsLive(db, entity, id))) throw notFound(entity, id);
}

export const attachmentsHandlers: Handlers<
  'attachments.list' | 'attachments.add' | 'attachments.read' | 'attachments.delete'
> = {
  'attachments.list': async (input, ctx) => {
    const rows = await attachmentsOf(ctx.db, input.entity, input.entityId);
    return { rows: rows.map(toRow) };
  },

  'attachments.add': async (input, ctx) => {
    const user = currentUser(ctx);
    await requireRecord(ctx.db, input.entity, input.entityId);
    const staged = ctx.runtime.files.get(input.fileId, user.userId);
    const maxMb = (await loadSettings(ctx.db)).number('attachments.maxMb');
    if (staged.size > maxMb * 1024 * 1024)
      throw new ApiError({ code: 'VALIDATION', message: 'attachments.tooLarge', params: { mb: maxMb } });
    const bytes = readFileSync(staged.path);
    const mime = attachmentType(staged.name, bytes.subarray(0, 16));
    if (!mime)
      throw new ApiError({
        code: 'VALIDATION',
        message: 'attachments.badType',
        params: { name: staged.name.slice(0, 60) },
      });
    const thumbnail = input.thumbnail ? Buffer.from(input.thumbnail, 'base64') : null;
    if (thumbnail && (thumbnail.length > MAX_THUMBNAIL_BYTES || !isImageThumbnail(thumbnail)))
      throw new ApiError({ code: 'VALIDATION', message: 'attachments.badThumbnail' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Same bytes attached twice (the same photo on two records) are stored once.
    await storeBlob(ctx.db, sha256, bytes);
    const at = ctx.now.toISOString();
    const row = await insertAttachment(ctx.db, {
      entity: input.entity,
      entity_id: input.entityId,
      file_name: staged.name,
      mime,
      size: bytes.length,
      sha256,
      thumbnail: mime.startsWith('image/') ? thumbnail : null,
      caption: input.caption || null,
      created_by: user.username,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      deleted_by: null,
    });
    ctx.runtime.files.remove(staged.id);
    ctx.audit({
      entity: input.entity,
      entityId: input.entityId,
      summary: 'attachment added',
      after: { id: row.id, fileName: row.file_name, size: row.size, sha256 },
    });
    return toRow(row);
  },

  'attachments.read': async (input, ctx) => {
    const a = await attachmentChunk(ctx.db, input.id, input.offset, FILE_CHUNK_BYTES);
    if (!a) throw notFound('attachments', input.id);
    const next = input.offset + a.chunk.length;
    return {
      name: a.file_name,
      mime: a.mime,
      size: a.size,
      data: Buffer.from(a.chunk).toString('base64'),
      nextOffset: next < a.size ? next : null,
    };
  },

  'attachments.delete': (input, ctx) => deleteToBin(ctx, 'attachments', 'attachments', input.ids),
};
