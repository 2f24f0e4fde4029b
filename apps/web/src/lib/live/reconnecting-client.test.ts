import { describe, expect, it } from 'vitest';
import { describeStreamError, isUnauthenticated } from './reconnecting-client';

describe('isUnauthenticated', () => {
  it('recognises an ended session: a 4403 close or an UNAUTHENTICATED error', () => {
    expect(isUnauthenticated({ code: 4403, reason: 'Forbidden' })).toBe(true);
    expect(
      isUnauthenticated([
        { message: 'Your session ended', extensions: { code: 'UNAUTHENTICATED' } },
      ]),
    ).toBe(true);
  });

  it('leaves other failures to the reconnect logic', () => {
    expect(isUnauthenticated({ code: 1013, reason: 'subscriber too slow' })).toBe(false);
    expect(
      isUnauthenticated([{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]),
    ).toBe(false);
    expect(isUnauthenticated(undefined)).toBe(false);
  });
});

describe('describeStreamError', () => {
  it('says what closed or failed', () => {
    expect(describeStreamError({ code: 1013 })).toBe('connection closed (1013)');
    expect(describeStreamError([{ message: 'a' }, { message: 'b' }])).toBe('a; b');
    expect(describeStreamError(new Error('down'))).toBe('down');
  });
});
