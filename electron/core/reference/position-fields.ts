import { namesFor } from '../excel/header-synonyms';
import type { SheetField } from '../excel/sheet';

/** 经度 and 纬度 (WGS-84 degrees) as a sheet's two columns: towers and townships both carry a position. */
export const positionFields = (longitude: number, latitude: number): SheetField[] => [
  {
    key: 'longitude',
    label: 'reference.longitude',
    kind: 'number',
    example: longitude,
    aliases: namesFor('longitude'),
    width: 12,
  },
  {
    key: 'latitude',
    label: 'reference.latitude',
    kind: 'number',
    example: latitude,
    aliases: namesFor('latitude'),
    width: 12,
  },
];
