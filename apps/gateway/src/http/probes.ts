import type { Logger } from 'pino';
import type { OlapReader, OltpReader } from '@tidemark/domain';

/** A store that has not answered by then counts as down. */
const checkTimeoutMs = 3000;

type CheckResult = 'ok' | 'failed';

export interface Readiness {
  ready: boolean;
  checks: { oltp: CheckResult; olap: CheckResult; bus: CheckResult };
}

async function check(
  name: string,
  logger: Logger,
  probe: () => Promise<unknown>,
): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${checkTimeoutMs} ms`)),
      checkTimeoutMs,
    );
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (err) {
    logger.warn({ event: 'ready.check_failed', check: name, err }, 'readiness check failed');
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/** Ready when both stores answer a cheap query and the live bus subscription is up. */
export async function readiness(
  deps: { oltp: OltpReader; olap: OlapReader; busLive: () => boolean },
  logger: Logger,
): Promise<Readiness> {
  const [oltp, olap] = await Promise.all([
    check('oltp', logger, () => deps.oltp.listChains()),
    check('olap', logger, () => deps.olap.queryTrades({}, 1)),
  ]);
  const bus: CheckResult = deps.busLive() ? 'ok' : 'failed';
  return { ready: oltp === 'ok' && olap === 'ok' && bus === 'ok', checks: { oltp, olap, bus } };
}
