// Static checks, each run by `.ci/run`'s static step and by a root npm script:
//   npm run lint           this file: type-aware rules, file and function size, kebab-case names,
//                          process.env only at entry points and config modules, no console in
//                          src/, React hooks in apps/web, log event names `<area>.<snake_case>`
//   npm run check:cycles   dependency-cruiser (.dependency-cruiser.cjs): no import cycles
//   npm run check:deps     scripts/check-dependency-versions.mjs: one range per dependency
//   npm run knip           knip (knip.json): no unused dependencies, files or exports
//   npm run check:planted  scripts/check-planted-violations.mjs: each check above fails on a
//                          violation planted in a temporary folder
import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const driverImports = [
  'pg',
  'pg-*',
  '@electric-sql/*',
  'drizzle-orm',
  'drizzle-orm/*',
  '@clickhouse/*',
  'chdb',
  'chdb/*',
  'kafkajs',
  'viem',
  'viem/*',
  '@apollo/*',
  'graphql',
  'graphql-ws',
  'ws',
  'next',
  'next/*',
  'react',
  'pino',
  'hardhat',
  'express',
  'node:*',
];

const sourceFiles = ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'];
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/test/**'];

// Size limits count code lines only (blank lines and comments are free).
const sizeOptions = { skipBlankLines: true, skipComments: true };

// Functions longer than the 50-line target, written before the limit: each may grow to 100 lines
// until it is split. Matched by file name so that moving a file keeps its allowance.
const longFunctionFiles = [
  'consumer-state-store.ts',
  'reorg-methods.ts',
  'start-tidemark.ts',
  'analytics-role.ts',
  'identity-store.ts',
  'deploy-v3-pools.ts',
  'run-index-range.ts',
  'wallet-lists.ts',
  'watchlist-add-form.tsx',
  'run-ingest-bench.ts',
  'drizzle-oltp-store.ts',
  'action-calls.ts',
  'trader-setup.ts',
  'decode-log.ts',
  'store-batch.ts',
  'run-split-roles.ts',
  'deploy-market.ts',
  'bus-feed.ts',
  'query-mix.ts',
  'clickhouse-olap-store.ts',
  'build-events.ts',
  'process-lines.ts',
].map((name) => `**/${name}`);

// Where process.env may be read: entry points, config modules at package roots, build scripts,
// the test kit and tests. Everything else receives its settings, parsed once, from its caller.
const processEnvReaders = [
  'apps/*/src/main.ts',
  'apps/*/src/cli.ts',
  'apps/*/src/cli/*.ts',
  'apps/web/src/instrumentation.ts',
  'apps/web/src/lib/server-config.ts',
  'packages/runtime/src/run-main.ts',
  '**/scripts/**',
  '**/*.config.{ts,js,mjs,cjs}',
  'packages/schema/codegen.ts',
  'packages/testkit/**',
  ...testFiles,
];

// Processes whose output is their console: command-line entry points and benchmark reports.
const consoleWriters = [
  'apps/*/src/main.ts',
  'apps/*/src/cli.ts',
  'apps/*/src/cli/*.ts',
  'bench/*/src/main.ts',
  'bench/query/src/measure-store.ts',
];

// `<area>.<snake_case>`, e.g. `ingest.reorg_too_deep`: the area says which part of the system speaks.
const eventNamePattern = '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/.tidemark/**',
      '**/.cache/**',
      '**/artifacts/**',
      '**/next-env.d.ts',
      'packages/db/drizzle/**',
      'packages/db/.cache/**',
      'helm/tidemark/**',
      'k8s/**',
      // graphql-codegen output (npm run codegen -w @tidemark/schema); codegen:check keeps it current.
      'apps/gateway/src/graphql/generated/**',
      'apps/web/src/lib/api/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The dependency rule: the domain and the event contracts are plain TypeScript, free of
  // drivers, frameworks and I/O. Adapters live in other packages.
  {
    files: ['packages/domain/src/**/*.ts', 'packages/schema/src/events/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: driverImports,
              message:
                'The domain imports no driver, framework or I/O module: put this behind a port.',
            },
          ],
        },
      ],
    },
  },
  {
    files: sourceFiles,
    plugins: { 'check-file': checkFile },
    rules: {
      'max-lines': ['error', { max: 300, ...sizeOptions }],
      'max-lines-per-function': ['error', { max: 50, ...sizeOptions }],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      // Next.js route folders: `(group)`, `[param]`, `[...slug]` besides kebab-case.
      'check-file/folder-naming-convention': ['error', { '**/': 'NEXT_JS_APP_ROUTER_CASE' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read process.env only in an entry point or config module; pass parsed settings down.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: `Property[key.name='event'] > Literal[value=/./][value!=/${eventNamePattern}/]`,
          message: 'Log event names are `<area>.<snake_case>`, e.g. `ingest.reorg_too_deep`.',
        },
      ],
    },
  },
  {
    files: ['**/src/**'],
    ignores: [...testFiles, ...consoleWriters],
    rules: { 'no-console': 'error' },
  },
  { files: processEnvReaders, rules: { 'no-restricted-properties': 'off' } },
  {
    files: testFiles,
    rules: {
      'max-lines': ['error', { max: 350, ...sizeOptions }],
      'max-lines-per-function': ['error', { max: 300, ...sizeOptions }],
    },
  },
  {
    files: longFunctionFiles,
    ignores: testFiles,
    rules: { 'max-lines-per-function': ['error', { max: 100, ...sizeOptions }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/incompatible-library': 'error',
      'react-hooks/unsupported-syntax': 'error',
    },
  },
);
