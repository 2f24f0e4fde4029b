/**
 * The load generator in a process of its own, so that its timers and HTTP client share neither an
 * event loop nor a heap with the gateway it measures.
 *
 *   node --import tsx open-loop-process.ts '<OpenLoopPlan as JSON>'  -> one JSON line: OpenLoopResult
 */
import { runOpenLoop, type OpenLoopPlan } from './open-loop';

const plan = JSON.parse(process.argv[2] ?? 'null') as OpenLoopPlan | null;
if (plan === null) throw new Error('usage: open-loop-process.ts <plan as JSON>');
process.stdout.write(`${JSON.stringify(await runOpenLoop(plan))}\n`);
