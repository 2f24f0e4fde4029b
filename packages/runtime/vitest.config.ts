import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The adapter tests open embedded stores (PGlite migrations, chDB) in a fresh data dir.
    testTimeout: 60_000,
  },
});
