/**
 * A record's entry for a key a caller sent, looked up as an own property only: 'constructor',
 * 'toString' or '__proto__' typed into a request are not columns of any table.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
