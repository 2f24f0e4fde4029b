import { StoreConfigError, StoreUnavailableError, describeCause } from '../errors';

const expected = 'expected postgres://user:password@host:5432/database';

/** Checks DATABASE_URL's shape; returns a description without credentials for messages and logs. */
export function checkDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StoreConfigError(`DATABASE_URL is not a valid URL (${expected})`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreConfigError(`DATABASE_URL has scheme ${url.protocol} (${expected})`);
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new StoreConfigError(`DATABASE_URL names no host (${expected})`);
  }
  const host = url.hostname || url.searchParams.get('host');
  return `${host}:${url.port || '5432'}${url.pathname || '/'}`;
}

// SQLSTATEs where the server answered and said no: waiting will not change its mind.
const permanentCodes = new Set([
  '28000', // invalid authorization specification
  '28P01', // invalid password
  '3D000', // database does not exist
  '42501', // insufficient privilege
]);

/** Turns a driver's connection failure into one line naming DATABASE_URL. */
export function connectionError(error: unknown, where: string): StoreUnavailableError {
  const code = (error as { code?: unknown } | null)?.code;
  const retryable = !(typeof code === 'string' && permanentCodes.has(code));
  return new StoreUnavailableError(
    `DATABASE_URL: cannot connect to PostgreSQL at ${where} (${describeCause(error)})`,
    { retryable, cause: error },
  );
}
