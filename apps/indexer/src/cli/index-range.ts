import { createLogger, parseSharedSettings, runMain } from '@tidemark/runtime';
import { parseIndexRangeArgs } from './index-range-args';
import { indexRange } from './run-index-range';

// Indexes one block range from any JSON-RPC URL into the configured stores, then exits.
runMain(async () => {
  const args = parseIndexRangeArgs(process.argv.slice(2));
  const { logLevel, ...stores } = parseSharedSettings(process.env, { logLevel: 'warn' });
  const logger = createLogger('indexer', logLevel, process.stderr);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`indexing blocks ${args.fromBlock}..${args.toBlock} of chain ${args.chainId}`);
  const s = await indexRange(args, stores, logger, print);
  print(
    s.fromBlock === null
      ? `chain ${s.chainId}: blocks up to ${s.toBlock} were already indexed`
      : `indexed chain ${s.chainId} blocks ${s.fromBlock}..${s.toBlock}: ${s.blocks} blocks, ${s.events} events in ${s.seconds.toFixed(1)} s (${s.eventsPerSecond.toFixed(0)} events/s)`,
  );
});
