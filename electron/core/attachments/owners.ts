import type { Attachable } from '../../contract';

/** The table each attachable entity lives in (photos on tree hazards, photos and quotes on upgrade requests). */
export const OWNER_TABLES: Record<Attachable, 'vegetation_records' | 'upgrade_requests'> = {
  vegetation: 'vegetation_records',
  upgrades: 'upgrade_requests',
};
