import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'helm',
    include: ['test/**/*.test.ts'],
    passWithNoTests: true,
  },
});
