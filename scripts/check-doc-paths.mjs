// Fails when a tracked Markdown file names, in backticks or as a relative link, a repository path
// that does not exist, or links to a heading another Markdown file no longer has, so moved or
// deleted files and sections cannot leave the docs pointing at nothing.
// Usage: node scripts/check-doc-paths.mjs (from anywhere inside the repository).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Endings that make a bare token (no `/`) a file name worth checking. */
const EXTENSIONS =
  /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonl|md|yaml|yml|sql|sol|graphql|gql|sh|css|svg|toml|tpl|txt|html|xml)$/;

/** Places that exist only after install or a run; never committed, so never checked. */
const IGNORED_SEGMENTS = new Set([
  'node_modules',
  '.tidemark',
  '.next',
  '.turbo',
  '.cache',
  'dist',
  'coverage',
]);

/**
 * Turns one backtick span into the repository path it names, or null when it names none: a URL, a
 * package specifier, a glob, a placeholder, a command line, an HTTP route or a MIME type.
 */
export function pathCandidate(span) {
  let token = span.trim();
  if (token === '' || /\s/.test(token)) return null; // commands, sentences
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token) || token.startsWith('mailto:')) return null;
  // Parentheses stay allowed: Next.js route groups are folders like `app/(dashboard)/`.
  if (/[*?{}[\]<>…$=|,;'"!^~\\@]/.test(token) || token.includes('...')) return null;
  if (token.startsWith('/') || token.startsWith('-')) return null; // routes, flags
  token = token.replace(/:\d+(-\d+)?$/, '').replace(/#.*$/, ''); // file:line, file#anchor
  if (token.includes(':')) return null; // key:value, sha256:hex
  if (token.startsWith('./')) token = token.slice(2);
  if (token === '' || token === '.' || token === '..') return null;
  const hasSlash = token.includes('/');
  if (!hasSlash && !EXTENSIONS.test(token)) return null;
  if (token.split('/').some((segment) => IGNORED_SEGMENTS.has(segment))) return null;
  return token;
}

/** Relative link targets of Markdown links and images, each split into its path and anchor. */
function linkTargets(line) {
  const targets = [];
  for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const [path = '', anchor = ''] = match[1].split('#', 2);
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) continue;
    if (path === '' && anchor === '') continue;
    targets.push({ path, anchor });
  }
  return targets;
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown) {
  const lines = [];
  let fence = null;
  markdown.split('\n').forEach((line, index) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(line);
    if (opening) {
      if (fence === null) fence = opening[1][0];
      else if (opening[1][0] === fence) fence = null;
    } else if (fence === null) lines.push({ line, number: index + 1 });
  });
  return lines;
}

/** Backtick spans and link targets of a Markdown text, with line numbers; fenced blocks skipped. */
export function references(markdown) {
  const found = [];
  for (const { line, number } of proseLines(markdown)) {
    for (const match of line.matchAll(/(`+)([^`]+?)\1(?!`)/g)) {
      const path = pathCandidate(match[2]);
      if (path !== null) found.push({ line: number, path, kind: 'code' });
    }
    for (const { path, anchor } of linkTargets(line.replace(/`[^`]*`/g, ''))) {
      const reference = { line: number, path: decodeURI(path), kind: 'link' };
      found.push(anchor === '' ? reference : { ...reference, anchor });
    }
  }
  return found;
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading) {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings; a repeated heading gets `-1`, `-2`, … */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const { line } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every tracked file and every folder holding one, as repository-relative paths. */
export function indexTree(files) {
  const paths = new Set();
  const suffixes = new Set();
  for (const file of files) {
    const parts = file.split('/');
    for (let end = 1; end <= parts.length; end += 1) paths.add(parts.slice(0, end).join('/'));
    // Every tail of a path, so `auth/viewer.ts` (named inside its package's README) resolves.
    for (let start = 1; start < parts.length; start += 1) {
      for (let end = start + 1; end <= parts.length; end += 1)
        suffixes.add(parts.slice(start, end).join('/'));
    }
    suffixes.add(parts[parts.length - 1]);
  }
  return { paths, suffixes };
}

/**
 * Whether a reference resolves: from the repository root, from the Markdown file's folder, or
 * (for a code span, which often names a file inside the folder the text is about) as the tail of
 * a tracked path.
 */
export function resolves(reference, markdownFile, tree) {
  if (reference.path === '') return true; // an anchor of the file itself
  const path = reference.path.replace(/\/$/, '');
  const local = posix.normalize(posix.join(posix.dirname(markdownFile), path));
  if (tree.paths.has(local)) return true;
  if (reference.kind === 'link') return false;
  if (tree.paths.has(posix.normalize(path))) return true;
  const firstSegment = path.split('/')[0];
  const rooted =
    tree.paths.has(firstSegment) ||
    tree.paths.has(posix.join(posix.dirname(markdownFile), firstSegment));
  // A slash token whose first folder exists must exist in full; otherwise (a package specifier,
  // a MIME type) it names a repository path only when it ends like a file.
  if (!rooted && path.includes('/') && !EXTENSIONS.test(path)) return true;
  return !rooted && tree.suffixes.has(path);
}

function git(args, input) {
  return execFileSync('git', args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}

/** Paths git ignores are generated (build output, compiled artifacts), so absent from a clone. */
function ignoredByGit(paths) {
  if (paths.length === 0) return new Set();
  try {
    return new Set(git(['check-ignore', '--no-index', '--stdin'], paths.join('\n')).split('\n'));
  } catch {
    return new Set(); // exit 1: none ignored
  }
}

/** Links whose anchor names no heading of the Markdown file they point to. */
function brokenAnchors(file, found, read) {
  const broken = [];
  for (const reference of found) {
    if (reference.kind !== 'link' || reference.anchor === undefined) continue;
    const target =
      reference.path === ''
        ? file
        : posix.normalize(posix.join(posix.dirname(file), reference.path));
    if (!target.endsWith('.md')) continue;
    const anchors = read(target);
    if (anchors !== null && !anchors.has(reference.anchor.toLowerCase()))
      broken.push({ file, ...reference, path: `${reference.path}#${reference.anchor}` });
  }
  return broken;
}

function main() {
  const root = git(['rev-parse', '--show-toplevel']).trim();
  process.chdir(root);
  const list = (args) => git(args).split('\n').filter(Boolean);
  // Untracked files that are not ignored count too, so a new file may be named before its commit.
  const files = [...list(['ls-files']), ...list(['ls-files', '--others', '--exclude-standard'])];
  const tree = indexTree(files);
  const anchorCache = new Map();
  const read = (target) => {
    if (!tree.paths.has(target)) return null;
    if (!anchorCache.has(target)) anchorCache.set(target, anchorsOf(readFileSync(target, 'utf8')));
    return anchorCache.get(target);
  };
  const missing = [];
  const broken = [];
  for (const file of files.filter((name) => name.endsWith('.md'))) {
    const found = references(readFileSync(file, 'utf8'));
    for (const reference of found) {
      if (!resolves(reference, file, tree)) missing.push({ file, ...reference });
    }
    broken.push(...brokenAnchors(file, found, read));
  }
  // Where a missing path would be, read from the root and from its Markdown file's folder.
  const places = (entry) => [
    posix.normalize(entry.path),
    posix.normalize(posix.join(posix.dirname(entry.file), entry.path)),
  ];
  const ignored = ignoredByGit(missing.flatMap(places));
  const reported = [
    ...missing.filter((entry) => !places(entry).some((place) => ignored.has(place))),
    ...broken,
  ];
  for (const entry of reported) console.log(`${entry.file}:${entry.line}: ${entry.path}`);
  if (reported.length > 0) {
    console.log(`${reported.length} path(s) or anchor(s) named in Markdown do not exist`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
