import type { Generated } from 'kysely';

/** Columns shared by every editable, soft-deletable record. */
export interface Versioned {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export interface SoftDeleted {
  deleted_at: string | null;
  deleted_by: string | null;
}
