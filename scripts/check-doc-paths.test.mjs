import { describe, expect, it } from 'vitest';
import {
  anchorsOf,
  indexTree,
  pathCandidate,
  references,
  resolves,
  slug,
} from './check-doc-paths.mjs';

describe('pathCandidate', () => {
  it('takes tokens with a slash or a file ending', () => {
    expect(pathCandidate('apps/indexer/src/start-indexer.ts')).toBe(
      'apps/indexer/src/start-indexer.ts',
    );
    expect(pathCandidate('docs/')).toBe('docs/');
    expect(pathCandidate('./scripts/setup.sh')).toBe('scripts/setup.sh');
    expect(pathCandidate('values.yaml')).toBe('values.yaml');
    expect(pathCandidate('src/main.ts:12')).toBe('src/main.ts');
    expect(pathCandidate('apps/web/src/app/(dashboard)/')).toBe('apps/web/src/app/(dashboard)/');
  });

  it('leaves out what names no repository path', () => {
    for (const token of [
      'npm run docs:check', // a command line
      'https://example.org/a.md', // a URL
      'ws://127.0.0.1:4000/graphql',
      '@tidemark/schema/trusted-documents.json', // a package specifier
      'apps/indexer/src/roles/<role>/', // a placeholder
      'packages/db/test/*.contract.ts', // a glob
      '/rest/chains', // an HTTP route
      'sha256:<hex>',
      'key:abc',
      '$TIDEMARK_DATA_DIR/pglite',
      'node_modules/vitest/package.json', // installed, not committed
      '.tidemark/logs/tidemark.jsonl',
      'TIDEMARK_CHAINS', // a word
      'image.repository', // a value path
      'first/last',
      '',
    ])
      expect([token, pathCandidate(token)]).toEqual([token, token === 'first/last' ? token : null]);
  });
});

describe('references', () => {
  it('finds code spans and relative links with their line, and skips fenced blocks', () => {
    const markdown = [
      'See `docs/api.md` and [the chart](helm/tidemark/README.md#values).',
      '```bash',
      'cat `not/a/reference.ts`',
      '```',
      'Then ``scripts/start.mjs`` and [a site](https://example.org) and [here](#anchor).',
    ].join('\n');
    expect(references(markdown)).toEqual([
      { line: 1, path: 'docs/api.md', kind: 'code' },
      { line: 1, path: 'helm/tidemark/README.md', kind: 'link', anchor: 'values' },
      { line: 5, path: 'scripts/start.mjs', kind: 'code' },
      { line: 5, path: '', kind: 'link', anchor: 'anchor' },
    ]);
  });
});

describe('resolves', () => {
  const tree = indexTree([
    'README.md',
    'docs/api.md',
    'apps/gateway/README.md',
    'apps/gateway/src/auth/viewer.ts',
    'apps/gateway/scripts/trusted-documents.ts',
  ]);
  const code = (path) => ({ line: 1, path, kind: 'code' });
  const link = (path) => ({ line: 1, path, kind: 'link' });

  it('reads a path from the root or from the Markdown file’s folder', () => {
    expect(resolves(code('docs/api.md'), 'apps/gateway/README.md', tree)).toBe(true);
    expect(resolves(code('scripts/trusted-documents.ts'), 'apps/gateway/README.md', tree)).toBe(
      true,
    );
    expect(resolves(code('src/auth/'), 'apps/gateway/README.md', tree)).toBe(true);
    expect(resolves(link('../../docs/api.md'), 'apps/gateway/README.md', tree)).toBe(true);
  });

  it('accepts a file named by the tail of its path', () => {
    expect(resolves(code('auth/viewer.ts'), 'apps/gateway/README.md', tree)).toBe(true);
    expect(resolves(code('viewer.ts'), 'README.md', tree)).toBe(true);
  });

  it('refuses a path whose folder exists but not the rest', () => {
    expect(resolves(code('docs/configuration.md'), 'README.md', tree)).toBe(false);
    expect(resolves(code('src/auth/gone.ts'), 'apps/gateway/README.md', tree)).toBe(false);
    expect(resolves(code('apps/web/'), 'README.md', tree)).toBe(false);
    expect(resolves(code('gone.ts'), 'README.md', tree)).toBe(false);
    expect(resolves(link('docs/api.md'), 'apps/gateway/README.md', tree)).toBe(false);
  });

  it('lets slash tokens that name no folder and no file pass (MIME types, package paths)', () => {
    expect(resolves(code('application/json'), 'README.md', tree)).toBe(true);
    expect(resolves(code('viem/siwe'), 'README.md', tree)).toBe(true);
  });
});

describe('anchors', () => {
  it('are made from headings as GitHub makes them', () => {
    expect(slug('Lists, filters and ordering')).toBe('lists-filters-and-ordering');
    expect(slug('`npm start`')).toBe('npm-start');
    expect(slug('Add a port, its adapters and its contract suite')).toBe(
      'add-a-port-its-adapters-and-its-contract-suite',
    );
    expect(slug('See [the chart](helm/README.md)')).toBe('see-the-chart');
  });

  it('number repeated headings and skip fenced blocks', () => {
    const markdown = [
      '# Limits',
      '## Rate limiting',
      '```bash',
      '# not a heading',
      '```',
      '## Rate limiting',
    ];
    expect([...anchorsOf(markdown.join('\n'))]).toEqual([
      'limits',
      'rate-limiting',
      'rate-limiting-1',
    ]);
  });
});
