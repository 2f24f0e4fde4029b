import { defineProject } from 'vitest/config';

export default defineProject({
  // Apollo and graphql-ws load graphql's CommonJS entry; our sources must share that one copy.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'launcher',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
