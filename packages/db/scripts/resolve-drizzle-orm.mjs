// drizzle-kit is installed at the repository root while drizzle-orm lives in this package's
// node_modules, so drizzle-kit's `import('drizzle-orm/...')` calls cannot find it. This module
// registers itself as a resolve hook that looks drizzle-orm up from this package instead.
import { register } from 'node:module';
import { URL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const packageUrl = new URL('../package.json', import.meta.url).href;

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
    return nextResolve(specifier, { ...context, parentURL: packageUrl });
  }
  return nextResolve(specifier, context);
}
