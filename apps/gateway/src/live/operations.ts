import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Logger } from 'pino';
import { isGraphQLError, publicErrors } from '../graphql/server/errors';
import type { Protection } from '../graphql/server/protection';
import type { RateLimitSubject } from '../limits/cost-rate-limiter';
import { operationCost } from '../limits/operation-cost';
import type { RateLimit } from '../limits/rate-limit';
import type { SubscribePayload } from './protocol';

/** What an operation over graphql-ws must pass, as over HTTP. */
export interface OperationLimits {
  /** The same query limits as HTTP (see graphql/protection.ts). */
  protection: Protection;
  /** Per-client cost budget; undefined when rate limiting is off. */
  rateLimit: RateLimit | undefined;
  /** Proxy hops whose X-Forwarded-For entries name the client (see limits/client-address.ts). */
  trustedProxies: number;
}

/**
 * Subscription fields whose events are the same for every caller: an operation selecting only
 * these (with the same document and variables) runs once per event for all its subscribers.
 * Anything else (a viewer's own watchlist, say) runs per subscriber with its connection's viewer.
 */
const publicSubscriptionFields: ReadonlySet<string> = new Set([
  'tradeExecuted',
  'tradesRetracted',
  'candleUpdated',
  'walletUpdated',
  '__typename',
]);

export interface PreparedOperation {
  args: ExecutionArgs;
  operation: OperationDefinitionNode;
}

/**
 * Parses and validates with the same limits as HTTP, then charges the operation's cost once, when
 * it starts (a subscription's pushes are free). A refusal is the operation's errors; the
 * connection and its other operations stay open.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  limits: OperationLimits,
  subject: RateLimitSubject,
  payload: SubscribePayload,
  documents: ValidDocuments,
): PreparedOperation | readonly GraphQLError[] {
  const checked = checkedDocument(schema, limits.protection, payload.query, documents);
  if (!('kind' in checked)) return checked;
  const document = checked;
  const operation = getOperationAST(document, payload.operationName);
  if (operation === null || operation === undefined)
    return [new GraphQLError('Unable to identify operation')];
  const variableValues = payload.variables ?? undefined;
  const args: ExecutionArgs = {
    schema,
    document,
    operationName: payload.operationName,
    variableValues,
  };
  if (limits.rateLimit !== undefined) {
    const cost = operationCost(schema, document, payload.operationName, variableValues);
    const refused = limits.rateLimit.charge(subject, cost);
    if (refused !== undefined) return [refused];
  }
  return { args, operation };
}

/**
 * Documents that passed parsing and validation, by text: thousands of subscribers send the same
 * few documents, and validating each again (graphql-armor's rules included) would cost more
 * than everything else a subscribe does. Bounded; the oldest entry goes first.
 */
export class ValidDocuments {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly max = 1000) {}

  get(query: string): DocumentNode | undefined {
    return this.documents.get(query);
  }

  add(query: string, document: DocumentNode): void {
    if (this.documents.size >= this.max) {
      const oldest = this.documents.keys().next();
      if (oldest.done !== true) this.documents.delete(oldest.value);
    }
    this.documents.set(query, document);
  }
}

function checkedDocument(
  schema: GraphQLSchema,
  protection: Protection,
  query: string,
  documents: ValidDocuments,
): DocumentNode | readonly GraphQLError[] {
  const known = documents.get(query);
  if (known !== undefined) return known;
  let document;
  try {
    document = protection.parse(query);
  } catch (err) {
    if (isGraphQLError(err)) return [err];
    throw err;
  }
  const errors = protection.validate(schema, document);
  if (errors.length > 0) return errors;
  documents.add(query, document);
  return document;
}

/** True when every root field of a subscription is public, so its events suit any caller. */
export function isShareable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD && publicSubscriptionFields.has(selection.name.value),
  );
}

/** Subscribers with equal keys receive equal results. */
export function shareKey(payload: SubscribePayload): string {
  const variables = JSON.stringify(payload.variables ?? {});
  return `${payload.operationName ?? ''}\u0000${variables}\u0000${payload.query}`;
}

/** How a result's errors reach the caller: unexpected ones masked, suggestions hidden as over HTTP. */
export function visibleErrors(
  logger: Logger,
  protection: Protection,
  errors: readonly GraphQLError[],
): GraphQLFormattedError[] {
  return publicErrors(logger, errors).map((error) => ({
    ...error,
    message: protection.hideSuggestions(error.message),
  }));
}

/** A result's `next` payload as JSON, serialized once however many subscribers get it. */
export function serializeResult(
  logger: Logger,
  protection: Protection,
  result: ExecutionResult,
): string {
  const { errors, ...rest } = result;
  return JSON.stringify(
    errors === undefined ? rest : { ...rest, errors: visibleErrors(logger, protection, errors) },
  );
}
