import { defineProject } from 'vitest/config';

export default defineProject({
  // Node loads graphql's CommonJS entry for Apollo and graphql-ws; our sources must share that
  // copy (Vite would otherwise pick the ESM entry, a second copy of graphql's classes).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'gateway',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
