import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench-gateway',
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
  },
});
