import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { encodeListCursor } from './list-cursor';
import { pageByOffset, pageOfList } from './list-paging';
import { seriesLimits, toPageRequest } from './paging';

describe('toPageRequest', () => {
  it('pages forward by default, 20 at a time, and backward with last/before', () => {
    expect(toPageRequest({})).toEqual({ direction: 'forward', size: 20, cursor: undefined });
    expect(toPageRequest({ first: 5, after: 'x' })).toEqual({
      direction: 'forward',
      size: 5,
      cursor: 'x',
    });
    expect(toPageRequest({ before: 'y' })).toEqual({
      direction: 'backward',
      size: 20,
      cursor: 'y',
    });
    expect(toPageRequest({ last: 1_000 }, seriesLimits).size).toBe(1_000);
  });

  it.each([
    [{ first: 1, last: 1 }, /"first"\/"after" to page forward or "last"\/"before".*not both/],
    [{ after: 'a', before: 'b' }, /not both/],
    [{ first: 0 }, /invalid "first" 0: expected an integer from 1 to 100/],
    [{ last: 101 }, /invalid "last" 101: expected an integer from 1 to 100/],
  ])('refuses %o', (args, message) => {
    expect(() => toPageRequest(args)).toThrow(message);
  });
});

describe('pageOfList', () => {
  const items = [1, 2, 3, 4, 5].map((time) => ({ time }));
  const spec = {
    list: 'points',
    keyOf: (p: { time: number }) => [p.time] as const,
    key: z.tuple([z.number()]),
  };
  const times = (c: { edges: { node: { time: number } }[] }) => c.edges.map((e) => e.node.time);

  it('pages forward and backward with exact flags and the whole count', () => {
    const first = pageOfList(items, spec, toPageRequest({ first: 2 }));
    expect(times(first)).toEqual([1, 2]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);
    const next = pageOfList(
      items,
      spec,
      toPageRequest({ first: 2, after: first.pageInfo.endCursor }),
    );
    expect(times(next)).toEqual([3, 4]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = pageOfList(
      items,
      spec,
      toPageRequest({ last: 2, before: next.pageInfo.startCursor }),
    );
    expect(times(back)).toEqual([1, 2]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tail = pageOfList(items, spec, toPageRequest({ last: 2 }));
    expect(times(tail)).toEqual([4, 5]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('keeps its place by key when the cursor node is gone', () => {
    const gone = encodeListCursor('points', [2.5]);
    expect(times(pageOfList(items, spec, toPageRequest({ first: 1, after: gone })))).toEqual([3]);
    expect(times(pageOfList(items, spec, toPageRequest({ last: 1, before: gone })))).toEqual([2]);
  });

  it("refuses another list's cursor in the argument it came in", () => {
    const other = encodeListCursor('other points', [2]);
    expect(() => pageOfList(items, spec, toPageRequest({ last: 1, before: other }))).toThrow(
      /invalid cursor "before": it was issued for other points, not points/,
    );
  });
});

describe('pageByOffset', () => {
  const ranked = Array.from({ length: 10 }, (_, i) => i + 1);
  const read = (after: number, first: number) =>
    Promise.resolve({
      items: ranked.slice(after, after + first),
      hasNextPage: after + first < ranked.length,
    });

  it('pages back from a cursor to the start', async () => {
    const page = await pageByOffset(
      'ranks',
      toPageRequest({ first: 3, after: encodeListCursor('ranks', [6]) }),
      read,
    );
    expect(page.edges.map((e) => e.node)).toEqual([7, 8, 9]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await pageByOffset(
      'ranks',
      toPageRequest({ last: 4, before: page.pageInfo.startCursor }),
      read,
    );
    expect(back.edges.map((e) => e.node)).toEqual([3, 4, 5, 6]);
    const start = await pageByOffset(
      'ranks',
      toPageRequest({ last: 4, before: back.pageInfo.startCursor }),
      read,
    );
    expect(start.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('needs before to page backward, as the list is not counted', async () => {
    await expect(pageByOffset('ranks', toPageRequest({ last: 2 }), read)).rejects.toThrow(
      /"last" needs "before" on ranks/,
    );
  });
});
