import { createDevnetClients } from '../rpc/devnet-clients';

/**
 * Moves a chain that runs behind the wall clock (started with startSecondsAgo) to now: the next
 * block carries the current time, and interval mining goes on from there. A chain already at or
 * past now is left alone (block times never go back).
 */
export async function catchUpWithWallClock(rpcUrl: string): Promise<void> {
  const clients = createDevnetClients(rpcUrl);
  const latest = await clients.public.getBlock();
  const now = BigInt(Math.floor(Date.now() / 1000));
  if (latest.timestamp < now) await clients.test.setNextBlockTimestamp({ timestamp: now });
}
