import type { BatchHandler, BusEvent } from '@tidemark/domain';
import { DeliveryFailedError } from '../errors';

interface PendingBatch {
  events: readonly BusEvent[];
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface GroupMember {
  readonly handler: BatchHandler<BusEvent>;
  /** Settles when the batch this member is handling settles; undefined when idle. */
  running: Promise<void> | undefined;
}

/**
 * The delivery state of one subscriber group. Batches are handed to one member at a time, in
 * publish order, so a chain's events keep their order. While the group has no member, batches
 * wait here: the publisher is not told they were handled until a member handles them.
 */
export class GroupQueue {
  private readonly members: GroupMember[] = [];
  private readonly pending: PendingBatch[] = [];
  private pumping = false;
  private turn = 0;

  constructor(private readonly group: string) {}

  enqueue(events: readonly BusEvent[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      void this.pump();
    });
  }

  join(handler: BatchHandler<BusEvent>): GroupMember {
    const member: GroupMember = { handler, running: undefined };
    this.members.push(member);
    void this.pump();
    return member;
  }

  /** Removes the member; resolves once its running batch, if any, has settled. */
  async leave(member: GroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    await member.running;
  }

  /** Rejects every waiting batch (on close) and waits for running ones. */
  async drain(error: Error): Promise<void> {
    for (const batch of this.pending.splice(0)) batch.reject(error);
    const members = this.members.splice(0);
    await Promise.all(members.map((member) => member.running ?? Promise.resolve()));
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const member = this.members[this.turn++ % Math.max(this.members.length, 1)];
        if (member === undefined) return;
        const batch = this.pending.shift();
        if (batch === undefined) return;
        await this.deliver(member, batch);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(member: GroupMember, batch: PendingBatch): Promise<void> {
    // Called through a promise so a handler that throws synchronously is caught like a rejection.
    const run = Promise.resolve().then(() => member.handler(batch.events));
    member.running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
      batch.resolve();
    } catch (error) {
      batch.reject(new DeliveryFailedError(this.group, error));
    } finally {
      member.running = undefined;
    }
  }
}
