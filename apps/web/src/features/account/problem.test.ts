import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../lib/api/gateway-error';
import { WalletError } from './eip1193';
import { describeProblem, sessionEnded } from './problem';

describe('describeProblem', () => {
  it("shows the gateway's own message, without our prefix", () => {
    const refused = new GatewayError('gateway error: Sign-in refused: bad nonce.', false, {
      code: 'UNAUTHENTICATED',
      gatewayMessage: 'Sign-in refused: bad nonce.',
    });
    expect(describeProblem(refused)).toBe('Sign-in refused: bad nonce.');
    expect(sessionEnded(refused)).toBe(true);
  });

  it('says when trying again may help', () => {
    const down = new GatewayError('gateway unreachable at http://x/graphql', true);
    expect(describeProblem(down)).toBe(
      'gateway unreachable at http://x/graphql; try again shortly',
    );
    expect(sessionEnded(down)).toBe(false);
  });

  it("passes the wallet's explanation through", () => {
    expect(describeProblem(new WalletError('You rejected the request.', true))).toBe(
      'You rejected the request.',
    );
    expect(describeProblem('??')).toBe('Something went wrong.');
  });
});
