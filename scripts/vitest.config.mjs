import { defineProject } from 'vitest/config';

// The repository's own scripts (plain Node modules at the root's scripts/ folder).
export default defineProject({
  test: {
    name: 'scripts',
    include: ['*.test.mjs'],
  },
});
