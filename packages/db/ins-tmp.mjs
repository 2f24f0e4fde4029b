import { Session } from 'chdb';
import { readFileSync, mkdtempSync } from 'node:fs';
const s = new Session(mkdtempSync('/tmp/chq/i-'));
for (const f of ['0001_trades.sql', '0002_transfers.sql', '0003_trade_pool_state.sql', '0009_trade_gas.sql'])
  for (const stmt of readFileSync(`clickhouse/${f}`, 'utf8').replace(/--.*$/gm, '').split(';').map((x) => x.trim()).filter(Boolean)) s.query(stmt);
const hex = (n, len) => '0x' + n.toString(16).padStart(len, '0');
let block = 1, li = 0;
function batch(blocks) {
  const tr = [], tf = [];
  for (let b = 0; b < blocks; b++, block++) {
    const bh = hex(block * 7919, 64);
    for (let i = 0; i < 40; i++) tr.push(`1\t${block}\t${bh}\t${1700000000 + block * 12}\t${hex(block * 1000 + i, 64)}\t${i * 5}\tuniswap-v2\t${hex(i % 300, 40)}\t${hex((block * 31 + i) % 5000, 40)}\t${hex(i, 40)}\t${hex(i + 1, 40)}\t${hex(i % 120, 40)}\t${hex((i + 1) % 120, 40)}\t${BigInt(block) * 123456789012345678n}\t${BigInt(i + 1) * 98765432109876543n}\t\\N\t\\N\t\\N\t21000\t1000000000\n`);
    for (let i = 0; i < 120; i++) tf.push(`1\t${block}\t${bh}\t${1700000000 + block * 12}\t${hex(block * 1000 + i, 64)}\t${i}\t${hex(i % 120, 40)}\t${hex((block * 31 + i) % 5000, 40)}\t${hex((block * 17 + i) % 5000, 40)}\t${BigInt(block) * 1234567890123n}\n`);
  }
  return [tr.join(''), tf.join('')];
}
const trCols = 'chain_id,block_number,block_hash,timestamp,tx_hash,log_index,protocol,pool,trader,sender,recipient,token_in,token_out,amount_in,amount_out,sqrt_price_x96,liquidity,tick,gas_used,effective_gas_price';
const tfCols = 'chain_id,block_number,block_hash,timestamp,tx_hash,log_index,token,from_address,to_address,value';
const settings = process.argv[2] ?? '';
let total = 0;
const N = 40;
for (let k = 0; k < N; k++) {
  const [tr, tf] = batch(50);
  const t0 = performance.now();
  await s.queryAsync(`INSERT INTO trades (${trCols}) ${settings} FORMAT TabSeparated\n${tr}`);
  await s.queryAsync(`INSERT INTO transfers (${tfCols}) ${settings} FORMAT TabSeparated\n${tf}`);
  if (k >= 5) total += performance.now() - t0;
}
console.log(JSON.stringify(settings), 'per batch of 50 blocks (2000 trades, 6000 transfers):', (total / (N - 5)).toFixed(1), 'ms', 'cpu', (process.cpuUsage().user/1e6).toFixed(1));
