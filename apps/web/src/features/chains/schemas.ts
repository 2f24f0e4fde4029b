import { z } from 'zod';
import type { ChainsQuery } from '../../lib/api/generated/operations';

// The chains' indexing status as the gateway answers it, checked at the edge; the schema
// `satisfies` the operation type graphql-codegen generates from documents.ts.

export type Chain = ChainsQuery['chains'][number];

const chainSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  head: z.number().int().nullable(),
  indexedBlock: z.number().int().nullable(),
  lag: z.number().int().nullable(),
}) satisfies z.ZodType<Chain>;

export const chainsDataSchema = z.object({
  chains: z.array(chainSchema),
}) satisfies z.ZodType<ChainsQuery>;
