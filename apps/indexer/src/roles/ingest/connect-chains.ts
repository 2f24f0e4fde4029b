import { ConfigError } from '@tidemark/runtime';
import pino, { type Logger } from 'pino';
import { createRpcChainReader, type RpcChainReader } from '../../adapters/chain/rpc-chain-reader';
import { redactUrl } from '../../adapters/chain/endpoints/rpc-endpoint';
import type { ChainConfig } from '../../config/chains';

/** Checks that each chain's RPC answers with the configured chain id before anything starts. */
export async function connectChains(
  chains: readonly ChainConfig[],
  logger: Logger = pino({ level: 'silent' }),
): Promise<RpcChainReader[]> {
  return Promise.all(
    chains.map(async (c) => {
      const reader = createRpcChainReader({ ...c, chainId: c.id, logger });
      const reached = await reader.getHeadNumber().then(
        () => true,
        (error: unknown) => error,
      );
      if (reached !== true) {
        await reader.close();
        const reason = (reached as Error).message.split('\n')[0];
        // A non-retryable answer (an endpoint on another chain) says itself what is wrong.
        const unreachable = (reached as { retryable?: unknown }).retryable !== false;
        throw new ConfigError(
          'TIDEMARK_CHAINS',
          unreachable
            ? `chain ${c.id} (${c.name}): RPC ${c.rpcUrls.map(redactUrl).join(', ')} is unreachable: ${reason}`
            : `chain ${c.id} (${c.name}): ${reason}`,
        );
      }
      return reader;
    }),
  );
}
