import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { GatewayEnvironment, QueryLimits } from '../../config';
import { badUserInput } from './errors';

/**
 * The limits every operation must respect, over HTTP and over graphql-ws alike. A rejected
 * operation answers a BadUserInputError (`extensions.code` BAD_USER_INPUT): the caller has to
 * send a smaller query, and retrying the same one cannot help.
 */
export interface Protection {
  /** Depth, aliases, directives and cost (graphql-armor); Apollo adds its own introspection rule. */
  validationRules: ValidationRule[];
  /** graphql-js stops lexing past the token limit, so a huge document is not parsed in full. */
  parseOptions: ParseOptions;
  introspection: boolean;
  /** Parses with the token limit; a document over it throws a BadUserInputError. */
  parse(source: string): DocumentNode;
  /**
   * graphql-js's own rules, ours and, in production, no introspection (for graphql-ws, which has
   * no Apollo); an empty array means the document may run.
   */
  validate(schema: GraphQLSchema, document: DocumentNode): GraphQLError[];
  /**
   * The BadUserInputError for a parse `error` (or an error wrapping one) that hit the token limit;
   * undefined for any other error. The other limits already report BadUserInputErrors.
   */
  tokenLimitError(error: unknown): GraphQLError | undefined;
  /** In production, removes graphql-js's "Did you mean ..." hints, which leak the schema. */
  hideSuggestions(message: string): string;
}

// graphql-armor prefixes its refusals "Syntax Error: "; they are limits, not syntax errors.
const armorPrefix = /^Syntax Error: /;
// graphql-js words it "more that" (sic); both spellings are accepted should it be fixed.
const tokenLimitMessage =
  /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;
const suggestion = / ?Did you mean .*\?$/;

/** Shown for introspection in production, over both transports. */
export const introspectionDisabledMessage = 'GraphQL introspection is disabled on this server.';

const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(badUserInput(introspectionDisabledMessage));
    }
  },
});

type RejectCallback = (ctx: ValidationContext | null, error: GraphQLError) => void;

function armorRules(limits: QueryLimits): ValidationRule[] {
  // Report to the validation context rather than throw: graphql-js then lists every broken limit.
  const onReject: RejectCallback[] = [
    (ctx, error) => ctx?.reportError(badUserInput(error.message.replace(armorPrefix, ''))),
  ];
  const common = { exposeLimits: true, propagateOnRejection: false, onReject };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth },
    maxAliases: { ...common, n: limits.maxAliases },
    maxDirectives: { ...common, n: limits.maxDirectives },
    costLimit: { ...common, maxCost: limits.maxCost },
    // Tokens are limited by graphql-js's parser (parseOptions), suggestions by hideSuggestions.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}

function tokenLimitError(error: unknown): GraphQLError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const match = tokenLimitMessage.exec(current.message);
    if (match) {
      return badUserInput(`Query token limit of ${match[1]} exceeded.`);
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Builds the limits of one gateway from its typed configuration. */
export function createProtection(limits: QueryLimits, environment: GatewayEnvironment): Protection {
  const production = environment === 'production';
  const validationRules = armorRules(limits);
  const wsRules = [...specifiedRules, ...validationRules, ...(production ? [noIntrospection] : [])];
  const parseOptions: ParseOptions = { maxTokens: limits.maxTokens };
  return {
    validationRules,
    parseOptions,
    introspection: !production,
    parse(source) {
      try {
        return parse(source, parseOptions);
      } catch (err) {
        throw tokenLimitError(err) ?? err;
      }
    },
    validate: (schema, document) => [...validate(schema, document, wsRules)],
    tokenLimitError,
    hideSuggestions: (message) => (production ? message.replace(suggestion, '') : message),
  };
}
