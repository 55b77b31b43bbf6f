import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's message tables import the contract the way the renderer's bundler resolves it.
  resolve: { alias: { '@contract': path.resolve(import.meta.dirname, 'electron/contract/index.ts') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
