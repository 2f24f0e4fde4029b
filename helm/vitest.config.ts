import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'helm',
    include: ['test/**/*.test.ts'],
    // helm and kubeconform are separate processes; a render plus validation takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
