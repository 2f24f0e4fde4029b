import { defineProject } from 'vitest/config';

export default defineProject({
  // The gateway runs in the test process: its sources must share Apollo's (CommonJS) copy of
  // graphql, as in apps/gateway/vitest.config.ts.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'bench-query',
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
  },
});
