/**
 * `npm run bench:devnet [-- --runs N]`: how long the devnet takes to start its two chains and to
 * deploy the market on one, the figures the devnet tests check only as events. The contracts are
 * loaded (compiled with solcjs when the cache is stale) once, timed on their own; each run then
 * starts two fresh Hardhat nodes side by side, deploys the market on the first and stops both.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { deployMarket, loadContractArtifacts, startDevnetChain } from '@tidemark/devnet';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs <= 0)
  throw new Error(`--runs: expected a positive integer, got "${args.runs}"`);

const logger = pino({ level: 'warn', base: { service: 'bench-devnet' } });
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  const value = await work();
  return { value, ms: performance.now() - startedAt };
}

/** One run: two chains started together (as the devnet and its tests start them), one deploy. */
async function run() {
  const started = await timed(() =>
    Promise.all([
      startDevnetChain({ chainId: 31337, blockTimeMs: 500, logger }),
      startDevnetChain({ chainId: 31338, blockTimeMs: 500, logger }),
    ]),
  );
  const chains = started.value;
  try {
    const deployed = await timed(() => deployMarket(chains[0].rpcUrl, { logger }));
    return { startMs: started.ms, deployMs: deployed.ms, market: deployed.value };
  } finally {
    await Promise.all(chains.map((chain) => chain.stop()));
  }
}

say(`load average before: ${load()}`);
const artifacts = await timed(() => loadContractArtifacts());
say(`contracts loaded (compiled when the cache was stale) in ${seconds(artifacts.ms)}`);
const results = [];
for (let i = 1; i <= runs; i += 1) {
  const result = await run();
  results.push(result);
  const { market } = result;
  say(
    `run ${i}: two chains started in ${seconds(result.startMs)}, market deployed in ` +
      `${seconds(result.deployMs)} (${market.tokens.length} tokens, ${market.pairs.length} V2 ` +
      `pairs, ${market.v3Pools.length} V3 pools, ${market.oddTokens.length} odd tokens)`,
  );
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
say(
  `median of ${runs}: start ${seconds(median(results.map((r) => r.startMs)))}, deploy ` +
    `${seconds(median(results.map((r) => r.deployMs)))}; load average after: ${load()}`,
);
