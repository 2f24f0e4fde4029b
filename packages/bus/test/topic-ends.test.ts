import type { Admin } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { topicEnds } from '../src/kafka/live-consumer';

type Offsets = Awaited<ReturnType<Admin['fetchTopicOffsets']>>;

/** An admin whose offset requests fail with the given errors, in turn, then answer. */
function adminFailing(errors: Error[]) {
  let calls = 0;
  const ends: Offsets = [{ partition: 0, offset: '7', high: '7', low: '0' }];
  return {
    calls: () => calls,
    fetchTopicOffsets: (): Promise<Offsets> => {
      const error = errors[calls];
      calls += 1;
      return error ? Promise.reject(error) : Promise.resolve(ends);
    },
  };
}

const notLeader = () =>
  Object.assign(new Error('This server is not the leader for that topic-partition'), {
    retriable: true,
  });

describe('the end offsets a live listener starts from', () => {
  it('are asked again while a new topic has no serving leader yet', async () => {
    const admin = adminFailing([notLeader(), notLeader()]);
    expect(await topicEnds(admin, 't')).toEqual([
      { partition: 0, offset: '7', high: '7', low: '0' },
    ]);
    expect(admin.calls()).toBe(3);
  });

  it('fail at once on an error retrying cannot help, and after ten tries on one it can', async () => {
    const denied = Object.assign(new Error('Topic authorization failed'), { retriable: false });
    const once = adminFailing([denied]);
    await expect(topicEnds(once, 't')).rejects.toThrow(/authorization/);
    expect(once.calls()).toBe(1);
    const never = adminFailing(Array.from({ length: 10 }, notLeader));
    await expect(topicEnds(never, 't')).rejects.toThrow(/not the leader/);
    expect(never.calls()).toBe(10);
  }, 20_000);
});
