import {
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Protection } from '../graphql/server/protection';
import { operationCost } from '../limits/operation-cost';
import { rateLimitSubjectOf, type RateLimit } from '../limits/rate-limit';
import type { RequestContext } from './graphql-handler';
import { asBadUserInput } from './rest-errors';

export interface RestExecuteDeps {
  /** The gateway's whole schema: REST operations validate and run against what /graphql runs. */
  schema: GraphQLSchema;
  protection: Protection;
  /** Per-client cost budget; undefined when rate limiting is off. */
  rateLimit: RateLimit | undefined;
}

/**
 * sofa-api's `execute`: the checks a GraphQL operation gets before it runs, in the same order
 * (the query limits and graphql-js's rules, then the rate limit charged the operation's cost with
 * its arguments), then graphql-js's execute. Refusals come back as `errors` without `data`.
 */
export function createRestExecute(deps: RestExecuteDeps): typeof execute {
  // Sofa builds one document per route at start-up and reuses it: validate each once.
  const checked = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  const validate = (document: DocumentNode): readonly GraphQLError[] => {
    let errors = checked.get(document);
    if (errors === undefined) {
      errors = deps.protection.validate(deps.schema, document);
      checked.set(document, errors);
    }
    return errors;
  };
  return async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const invalid = validate(args.document);
    if (invalid.length > 0) return { errors: invalid.map(asBadUserInput) };
    if (deps.rateLimit !== undefined) {
      const { document, operationName, variableValues } = args;
      const cost = operationCost(deps.schema, document, operationName, variableValues);
      const { clientAddress, viewer } = args.contextValue as RequestContext;
      const refused = deps.rateLimit.charge(rateLimitSubjectOf(viewer, clientAddress), cost);
      if (refused !== undefined) return { errors: [refused] };
    }
    const result = await execute({ ...args, schema: deps.schema });
    // No `data`: the arguments did not coerce (e.g. `first=abc`), the caller's to fix.
    if (!('data' in result) && result.errors) return { errors: result.errors.map(asBadUserInput) };
    return result;
  };
}
