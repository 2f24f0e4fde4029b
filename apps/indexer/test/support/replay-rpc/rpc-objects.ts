import { num, quantity, str, type Row } from './fixture-slice';

/** ethereum-etl rows rendered as the objects a JSON-RPC node returns. */

export function rpcBlock(block: Row, transactions: readonly Row[], full: boolean) {
  const txs = transactions
    .filter((t) => t.block_number === block.number)
    .sort((a, b) => num(a.transaction_index) - num(b.transaction_index));
  return {
    number: quantity(block.number),
    hash: str(block.hash),
    parentHash: str(block.parent_hash),
    nonce: block.nonce,
    sha3Uncles: block.sha3_uncles,
    logsBloom: block.logs_bloom,
    transactionsRoot: block.transactions_root,
    stateRoot: block.state_root,
    receiptsRoot: block.receipts_root,
    miner: block.miner,
    difficulty: quantity(block.difficulty),
    totalDifficulty: quantity(block.total_difficulty),
    size: quantity(block.size),
    extraData: block.extra_data,
    gasLimit: quantity(block.gas_limit),
    gasUsed: quantity(block.gas_used),
    timestamp: quantity(block.timestamp),
    baseFeePerGas: quantity(block.base_fee_per_gas),
    uncles: [],
    transactions: full ? txs.map(rpcTransaction) : txs.map((t) => str(t.hash)),
  };
}

export function rpcLog(log: Row) {
  return {
    address: str(log.address),
    topics: log.topics as string[],
    data: str(log.data),
    blockNumber: quantity(log.block_number),
    blockHash: str(log.block_hash),
    transactionHash: str(log.transaction_hash),
    transactionIndex: quantity(log.transaction_index),
    logIndex: quantity(log.log_index),
    removed: false,
  };
}

export function rpcTransaction(tx: Row) {
  return {
    hash: str(tx.hash),
    nonce: quantity(tx.nonce),
    blockHash: str(tx.block_hash),
    blockNumber: quantity(tx.block_number),
    transactionIndex: quantity(tx.transaction_index),
    from: str(tx.from_address),
    to: tx.to_address ?? null,
    value: quantity(tx.value),
    gas: quantity(tx.gas),
    gasPrice: quantity(tx.gas_price),
    maxFeePerGas: quantity(tx.max_fee_per_gas) ?? undefined,
    maxPriorityFeePerGas: quantity(tx.max_priority_fee_per_gas) ?? undefined,
    input: str(tx.input),
    type: quantity(tx.transaction_type),
  };
}

export function rpcReceipt(tx: Row, logs: readonly Row[]) {
  return {
    transactionHash: str(tx.hash),
    transactionIndex: quantity(tx.transaction_index),
    blockHash: str(tx.block_hash),
    blockNumber: quantity(tx.block_number),
    from: str(tx.from_address),
    to: tx.to_address ?? null,
    cumulativeGasUsed: quantity(tx.receipt_cumulative_gas_used),
    gasUsed: quantity(tx.receipt_gas_used),
    effectiveGasPrice: quantity(tx.receipt_effective_gas_price),
    contractAddress: tx.receipt_contract_address ?? null,
    status: quantity(tx.receipt_status),
    type: quantity(tx.transaction_type),
    logs: logs
      .filter((l) => l.transaction_hash === tx.hash)
      .sort((a, b) => num(a.log_index) - num(b.log_index))
      .map(rpcLog),
  };
}
