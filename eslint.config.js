import js from '@eslint/js';
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
);
