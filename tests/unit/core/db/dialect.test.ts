import { describe, expect, it } from 'vitest';
import { isWriteContention } from '../../../../electron/core/db/dialect';

// A save refused because another writer held the data is "busy, try again", not an internal error.
describe('write contention', () => {
  it('is SQLite busy and PostgreSQL deadlocks or lock waits; not a broken constraint or anything else', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', '40P01', '40001', '55P03'])
      expect(isWriteContention({ code }), code).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505', '42P01'])
      expect(isWriteContention({ code }), code).toBe(false);
    expect(isWriteContention(new Error('x'))).toBe(false);
    expect(isWriteContention(null)).toBe(false);
  });
});
