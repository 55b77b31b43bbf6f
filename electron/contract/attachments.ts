import { z } from 'zod';
import { EVERYONE, LEDGER_EDITORS, command, query } from './method';
import { countOutput, id, idsInput, optionalText } from './common';
import { fileId } from './files';

/** Records that can carry photos and documents. A module adds its entity here. */
export const ATTACHABLE = ['vegetation', 'upgrades'] as const;
export const attachable = z.enum(ATTACHABLE);
export type Attachable = z.infer<typeof attachable>;

/** Kinds accepted, by what the bytes are (not only the name): photos, PDFs, Office documents. */
export const ATTACHMENT_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;

export const MAX_THUMBNAIL_BYTES = 150 * 1024;

export const attachmentRow = z.object({
  id,
  entity: attachable,
  entityId: id,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  caption: z.string().nullable(),
  /** A small JPEG/PNG as a data: URL, for images. */
  thumbnail: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AttachmentRow = z.infer<typeof attachmentRow>;

export const attachmentsMethods = {
  'attachments.list': query(
    EVERYONE,
    z.object({ entity: attachable, entityId: id }),
    z.object({ rows: z.array(attachmentRow) }),
  ),
  /** Attaches a staged upload; images come with a thumbnail the window made. */
  'attachments.add': command(
    LEDGER_EDITORS,
    z.object({
      entity: attachable,
      entityId: id,
      fileId,
      caption: optionalText(100),
      thumbnail: z
        .string()
        .max(Math.ceil(MAX_THUMBNAIL_BYTES / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/)
        .nullable()
        .optional(),
    }),
    attachmentRow,
  ),
  /** The file's bytes in chunks (for the viewer or a download). */
  'attachments.read': query(
    EVERYONE,
    z.object({ id, offset: z.number().int().min(0) }),
    z.object({
      name: z.string(),
      mime: z.string(),
      size: z.number().int(),
      data: z.string(),
      nextOffset: z.number().int().nullable(),
    }),
  ),
  'attachments.delete': command(LEDGER_EDITORS, idsInput, countOutput),
} as const;
