import { describe, expect, it } from 'vitest';
import { nextFramePrefix, parseClientMessage } from './protocol';

describe('parseClientMessage', () => {
  it.each([
    '{"type":"connection_init"',
    '[]',
    '{"type":"hello"}',
    '{"type":"subscribe","id":"1"}',
    '{"type":"subscribe","id":"","payload":{"query":"{ a }"}}',
    '{"type":"subscribe","id":"1","payload":{"query":1}}',
    '{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":[]}}',
    '{"type":"complete"}',
    '{"type":"ping","payload":"text"}',
  ])('refuses %s', (text) => {
    expect(parseClientMessage(text)).toBeUndefined();
  });

  it('reads the messages a client may send', () => {
    expect(parseClientMessage('{"type":"connection_init","payload":{"token":"t"}}')).toEqual({
      type: 'connection_init',
      payload: { token: 't' },
    });
    expect(parseClientMessage('{"type":"ping"}')).toEqual({ type: 'ping' });
    expect(parseClientMessage('{"type":"complete","id":"7"}')).toEqual({
      type: 'complete',
      id: '7',
    });
    const subscribe = parseClientMessage(
      '{"type":"subscribe","id":"1","payload":{"query":"{ a }","documentId":"sha256:ab"}}',
    );
    // Fields of the payload beyond graphql-ws's (a trusted document's id) reach the resolver.
    expect(subscribe).toEqual({
      type: 'subscribe',
      id: '1',
      payload: { query: '{ a }', documentId: 'sha256:ab' },
    });
  });
});

describe('nextFramePrefix', () => {
  it('makes a next frame of a serialized payload, escaping the id', () => {
    const frame = `${nextFramePrefix('a"b')}{"data":{"x":1}}}`;
    expect(JSON.parse(frame)).toEqual({ id: 'a"b', type: 'next', payload: { data: { x: 1 } } });
  });
});
