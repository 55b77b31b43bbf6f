import { defineConfig } from 'vitest/config';

// The core suite again, each test core on a database of its own on a PostgreSQL server
// (scripts/test-postgres.mjs starts one and sets GRIDDESK_TEST_POSTGRES).
export default defineConfig({
  test: {
    include: ['tests/unit/core/**/*.test.ts', 'tests/unit/security/**/*.test.ts', 'tests/unit/http/**/*.test.ts'],
    // About the SQLite file itself: its backups and VACUUM, its query plans, its migrations on disk.
    // (server-mode.test.ts says what an office server does instead.)
    exclude: [
      'tests/unit/core/backup/backup.test.ts',
      'tests/unit/core/backup/database-upkeep.test.ts',
      'tests/unit/core/vegetation/query-plans.test.ts',
      'tests/unit/core/db/migrate.test.ts',
      'tests/unit/core/db/migration-path.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
