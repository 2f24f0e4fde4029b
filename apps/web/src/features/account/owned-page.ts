import { z } from 'zod';
import { GatewayError } from '../../lib/api/gateway-error';

// What the signed-in user's lists (API keys, watchlist entries) share: one page of them, asked
// with the session cookie.

/** The largest page the gateway serves; a dashboard user's lists are far shorter. */
export const LIST_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** More than LIST_PAGE items exist: only the first page is shown. */
  truncated: boolean;
}

export const pageInfoSchema = z.object({ hasNextPage: z.boolean() });

/** A list asked for without a (working) session: the viewer is null. */
export const signedOutError = () =>
  new GatewayError('You are signed out: sign in again.', false, {
    code: 'UNAUTHENTICATED',
    gatewayMessage: 'You are signed out: sign in again.',
  });
