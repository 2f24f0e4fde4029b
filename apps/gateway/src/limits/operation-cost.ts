import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Items assumed for a list without a `first`/`last` page size (chains, positions, history). */
export const defaultListSize = 10;

type Variables = Readonly<Record<string, unknown>> | null | undefined;

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Variables;
  /** Defaults the operation declares for its variables. */
  variableDefaults: ReadonlyMap<string, unknown>;
  /** A fragment's cost is the same at every spread: computed once (nested spreads would multiply). */
  fragmentCosts: Map<string, number>;
}

/**
 * What one operation costs the rate limiter: every field costs 1, and a list multiplies its
 * selection's cost by how many items it may return: its `first`/`last` argument (a literal, a
 * variable, or the schema default), else `defaultListSize`. A connection's page size (`trades(first:
 * 20) { edges { ... } }`) sizes its `edges`, so it is not counted twice. Unlike graphql-armor's
 * validation-time cost (literal `first` only), variables count here: `first: $n` costs like
 * `first: 100` when n is 100. Expects a validated document.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Variables,
): number {
  const operation = findOperation(document, operationName);
  if (operation === undefined) return 0;
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const variableDefaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue !== undefined) {
      variableDefaults.set(
        definition.variable.name.value,
        valueFromASTUntyped(definition.defaultValue),
      );
    }
  }
  const walk = {
    schema,
    fragments,
    variables,
    variableDefaults,
    fragmentCosts: new Map<string, number>(),
  };
  return selectionCost(walk, operation.selectionSet, root, undefined);
}

function findOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === undefined || operationName === null) return operations[0];
  return operations.find((operation) => operation.name?.value === operationName);
}

/** `pageSize` is the enclosing connection's `first`/`last`, which sizes the list inside it. */
function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  pageSize: number | undefined,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, parent, pageSize);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      const type = condition === undefined ? parent : (walk.schema.getType(condition) ?? parent);
      cost += selectionCost(walk, selection.selectionSet, type, pageSize);
    } else {
      cost += spreadCost(walk, selection.name.value, pageSize);
    }
  }
  return cost;
}

function spreadCost(walk: Walk, name: string, pageSize: number | undefined): number {
  const key = `${name}:${pageSize ?? ''}`;
  const known = walk.fragmentCosts.get(key);
  if (known !== undefined) return known;
  const fragment = walk.fragments.get(name);
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  // Validation rejects unknown and cyclic fragments; 0 until known guards a cycle regardless.
  walk.fragmentCosts.set(key, 0);
  const cost = fragment && type ? selectionCost(walk, fragment.selectionSet, type, pageSize) : 0;
  walk.fragmentCosts.set(key, cost);
  return cost;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLNamedType,
  pageSize: number | undefined,
): number {
  const field =
    isObjectType(parent) || isInterfaceType(parent)
      ? parent.getFields()[node.name.value]
      : undefined;
  if (field === undefined || node.selectionSet === undefined) {
    // A scalar, or a meta field such as __typename.
    return 1;
  }
  const requested = pageArgument(walk, node, field);
  const isList = isListType(getNullableType(field.type));
  // A connection passes its page size down to its list; a list uses its own, the inherited, or the default.
  const multiplier = isList ? (requested ?? pageSize ?? defaultListSize) : 1;
  const inner = isList ? undefined : requested;
  return 1 + multiplier * selectionCost(walk, node.selectionSet, getNamedType(field.type), inner);
}

/**
 * The field's `first` or `last`: given as a literal or variable, else the schema default (of
 * `first`: a connection pages forward unless `last` is given).
 */
function pageArgument(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
): number | undefined {
  const sizes = ['first', 'last'].map((name) => {
    const argument = node.arguments?.find((item) => item.name.value === name);
    if (argument?.value.kind === Kind.VARIABLE) {
      const variable = argument.value.name.value;
      return walk.variables?.[variable] ?? walk.variableDefaults.get(variable);
    }
    return argument === undefined ? undefined : valueFromASTUntyped(argument.value);
  });
  const given = sizes.find((size) => typeof size === 'number');
  const value =
    given ?? field.args.find((item) => item.name === 'first' || item.name === 'last')?.defaultValue;
  // Execution refuses a bad size; until then a non-number counts as the default, below 1 as 1.
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  return undefined;
}
