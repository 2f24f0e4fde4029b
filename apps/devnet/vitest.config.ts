import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'devnet',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test file starts real Hardhat nodes; one file at a time keeps the two cores for them.
    fileParallelism: false,
    testTimeout: 40_000,
    hookTimeout: 60_000,
  },
});
