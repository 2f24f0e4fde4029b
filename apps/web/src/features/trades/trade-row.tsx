import type { Trade } from './schemas';
import { formatAmount, formatTime, shortenAddress } from '../../lib/format';

export interface TradeRowProps {
  trade: Trade;
  chainName: string;
}

export function TradeRow({ trade, chainName }: TradeRowProps) {
  return (
    <tr data-testid="trade-row" data-trade-id={trade.id} className="border-t border-zinc-800/70">
      <td className="px-4 py-2 text-zinc-400">{formatTime(trade.timestamp)}</td>
      <td className="px-4 py-2">{chainName}</td>
      <td className="px-4 py-2 font-mono text-xs" title={trade.pool}>
        {shortenAddress(trade.pool)}
      </td>
      <td className="px-4 py-2 font-mono text-xs" title={trade.trader}>
        {shortenAddress(trade.trader)}
      </td>
      <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">
        <span title={trade.tokenIn}>{shortenAddress(trade.tokenIn)}</span>
        <span className="px-1 text-zinc-500">→</span>
        <span title={trade.tokenOut}>{shortenAddress(trade.tokenOut)}</span>
      </td>
      <td data-testid="trade-amount-in" className="px-4 py-2 text-right text-rose-300">
        {formatAmount(trade.amountIn)}
      </td>
      <td data-testid="trade-amount-out" className="px-4 py-2 text-right text-emerald-300">
        {formatAmount(trade.amountOut)}
      </td>
    </tr>
  );
}
