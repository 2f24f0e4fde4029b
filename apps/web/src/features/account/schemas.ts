import { z } from 'zod';
import type {
  SignInMutation,
  SignInNonceMutation,
  SignOutMutation,
  ViewerQuery,
} from '../../lib/api/generated/operations';

// Sign-in, sign-out and the viewer as the gateway answers them, checked at the edge; each schema
// `satisfies` its generated operation type.

export const signInNonceDataSchema = z.object({
  signInNonce: z.object({ nonce: z.string().min(8), expiresAt: z.number().int() }),
}) satisfies z.ZodType<SignInNonceMutation>;

export const signInDataSchema = z.object({
  signIn: z.object({
    user: z.object({ id: z.string(), address: z.string() }),
    sessionExpiresAt: z.number().int(),
  }),
}) satisfies z.ZodType<SignInMutation>;

export const signOutDataSchema = z.object({
  signOut: z.boolean(),
}) satisfies z.ZodType<SignOutMutation>;

export const viewerDataSchema = z.object({
  viewer: z.object({ id: z.string(), address: z.string() }).nullable(),
}) satisfies z.ZodType<ViewerQuery>;
