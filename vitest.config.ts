import { defineConfig } from 'vitest/config';

// One run over every workspace; each package and app owns its vitest.config.ts (a project).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'helm/vitest.config.ts',
      'bench/*/vitest.config.ts',
      'scripts/vitest.config.mjs',
    ],
  },
});
