import { GatewayError } from '../../lib/api/gateway-error';
import { WalletError } from './eip1193';

/**
 * What to tell the user about a failed step: the wallet's or the gateway's own words (the
 * gateway's messages say why and what to do), with a hint when trying again may work.
 */
export function describeProblem(error: unknown): string {
  if (error instanceof WalletError) return error.message;
  if (error instanceof GatewayError) {
    const text = error.gatewayMessage ?? error.message;
    return error.retryable && error.gatewayMessage === undefined
      ? `${text}; try again shortly`
      : text;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** The gateway no longer accepts the session (expired, signed out elsewhere): sign in again. */
export const sessionEnded = (error: unknown): boolean =>
  error instanceof GatewayError && error.code === 'UNAUTHENTICATED';
