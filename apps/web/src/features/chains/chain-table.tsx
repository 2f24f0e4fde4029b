import type { Chain } from './schemas';
import { formatCount } from '../../lib/format';
import { Panel } from '../../components/ui/panel';
import { ProblemLine } from '../../components/ui/problem-line';

function lagTone(lag: number | null): string {
  if (lag === null) return 'text-zinc-500';
  if (lag > 100) return 'text-red-400';
  if (lag > 10) return 'text-amber-300';
  return 'text-emerald-300';
}

function ChainRow({ chain }: { chain: Chain }) {
  return (
    <tr data-testid="chain-row" data-chain-id={chain.id} className="border-t border-zinc-800/70">
      <td className="px-4 py-2 text-zinc-500">{chain.id}</td>
      <td className="px-4 py-2 font-medium text-zinc-100">{chain.name}</td>
      <td className="px-4 py-2 text-right">{formatCount(chain.head)}</td>
      <td className="px-4 py-2 text-right">{formatCount(chain.indexedBlock)}</td>
      <td className={`px-4 py-2 text-right ${lagTone(chain.lag)}`}>{formatCount(chain.lag)}</td>
    </tr>
  );
}

export interface ChainTableProps {
  chains: Chain[];
  loaded: boolean;
  problem: string | null;
}

export function ChainTable({ chains, loaded, problem }: ChainTableProps) {
  const empty = loaded ? 'No chains configured.' : 'Waiting for the gateway…';
  return (
    <Panel headingId="chains-heading" title="Chains">
      <table className="w-full text-sm tabular-nums">
        <thead className="text-xs text-zinc-500 uppercase">
          <tr>
            <th className="px-4 py-2 text-left font-medium">Id</th>
            <th className="px-4 py-2 text-left font-medium">Name</th>
            <th className="px-4 py-2 text-right font-medium">Head</th>
            <th className="px-4 py-2 text-right font-medium">Indexed</th>
            <th className="px-4 py-2 text-right font-medium">Lag</th>
          </tr>
        </thead>
        <tbody>
          {chains.map((chain) => (
            <ChainRow key={chain.id} chain={chain} />
          ))}
          {chains.length === 0 && (
            <tr className="border-t border-zinc-800/70">
              <td colSpan={5} className="px-4 py-3 text-zinc-500">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ProblemLine message={problem} testId="chains-problem" />
    </Panel>
  );
}
