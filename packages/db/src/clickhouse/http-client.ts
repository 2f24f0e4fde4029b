import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { StoreLogger } from '../config';
import { StoreConfigError, StoreUnavailableError, describeCause } from '../errors';
import { clientLogOptions } from './client-logger';

const expected = 'expected http(s)://user:password@host:8123/database';

function checkClickHouseUrl(clickhouseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(clickhouseUrl);
  } catch {
    throw new StoreConfigError(`CLICKHOUSE_URL is not a valid URL (${expected})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StoreConfigError(`CLICKHOUSE_URL has scheme ${url.protocol} (${expected})`);
  }
  return url;
}

// Status codes from a server that answered and said no: retrying will not change its mind.
const permanentStatus = new Set([400, 401, 403, 404]);

/** A ClickHouse server over HTTP, checked with a query (which, unlike /ping, checks credentials too). */
export async function openHttpClient(
  clickhouseUrl: string,
  logger: StoreLogger,
): Promise<{ client: ClickHouseClient; where: string }> {
  const url = checkClickHouseUrl(clickhouseUrl);
  const where = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  let client: ClickHouseClient;
  try {
    client = createClient({
      url: clickhouseUrl,
      request_timeout: 30_000,
      log: clientLogOptions(logger),
    });
  } catch (error) {
    throw new StoreConfigError(`CLICKHOUSE_URL cannot be used: ${describeCause(error)}`, {
      cause: error,
    });
  }
  const ping = await client.ping({ select: true });
  if (!ping.success) {
    await client.close();
    const status = (ping.error as { code?: unknown }).code;
    throw new StoreUnavailableError(
      `CLICKHOUSE_URL: cannot reach ClickHouse at ${where} (${describeCause(ping.error)})`,
      {
        retryable: !(typeof status === 'number' && permanentStatus.has(status)),
        cause: ping.error,
      },
    );
  }
  return { client, where };
}
