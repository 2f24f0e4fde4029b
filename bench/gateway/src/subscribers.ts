import type { ChildProcess } from 'node:child_process';
import { ask, spawnChild } from './child';
import { Histogram } from './histogram';
import type { SubscriberPlan, SubscriberReport, SubscriberStatus } from './subscriber-process';

/** Sockets per process at most: one loopback source address (~28,000 ephemeral ports) each. */
const perProcessMax = 25_000;

/** Subscriber processes holding `total` sockets between them. */
export class SubscriberFleet {
  private constructor(private readonly children: ChildProcess[]) {}

  /** Starts ceil(total / perProcess) processes and resolves once every socket has subscribed. */
  static async open(wsUrl: string, total: number, processes: number): Promise<SubscriberFleet> {
    const count = Math.max(processes, Math.ceil(total / perProcessMax));
    const children: ChildProcess[] = [];
    const opened: Promise<unknown>[] = [];
    for (let p = 0; p < count; p += 1) {
      const plan: SubscriberPlan = {
        wsUrl,
        count: Math.floor(total / count) + (p < total % count ? 1 : 0),
        localAddress: `127.0.0.${2 + p}`,
      };
      const child = spawnChild('./subscriber-process.ts', plan, plan.count + 1000);
      children.push(child);
      opened.push(ask(child, undefined, 'opened', 600_000));
    }
    const fleet = new SubscriberFleet(children);
    try {
      await Promise.all(opened);
    } catch (err) {
      fleet.close();
      throw err;
    }
    const status = await fleet.status();
    if (status.failed > 0 || status.subscribed < total)
      throw new Error(
        `only ${status.subscribed} of ${total} subscribers connected (${status.failed} failed: ${status.firstFailure ?? 'no error'}; ${status.closed} closed)`,
      );
    return fleet;
  }

  async status(): Promise<Omit<SubscriberStatus, 'type'>> {
    const all = await Promise.all(
      this.children.map((child) => ask<SubscriberStatus>(child, { type: 'status' }, 'status')),
    );
    return {
      subscribed: all.reduce((sum, s) => sum + s.subscribed, 0),
      receiving: all.reduce((sum, s) => sum + s.receiving, 0),
      closed: all.reduce((sum, s) => sum + s.closed, 0),
      failed: all.reduce((sum, s) => sum + s.failed, 0),
      firstFailure: all.find((s) => s.firstFailure !== undefined)?.firstFailure,
    };
  }

  async reset(): Promise<void> {
    await Promise.all(this.children.map((child) => ask(child, { type: 'reset' }, 'reset')));
  }

  /** Every process's latencies merged, and their CPU time since the reset (ms). */
  async latencies(): Promise<{ histogram: Histogram; cpuMs: number }> {
    const reports = await Promise.all(
      this.children.map((child) => ask<SubscriberReport>(child, { type: 'report' }, 'report')),
    );
    const histogram = new Histogram();
    for (const report of reports)
      histogram.merge(Histogram.fromSparse(report.buckets, report.maxMs));
    return { histogram, cpuMs: reports.reduce((sum, report) => sum + report.cpuMs, 0) };
  }

  /** Ends the processes (their sockets close with them). */
  close(): void {
    for (const child of this.children) child.kill('SIGTERM');
  }
}
