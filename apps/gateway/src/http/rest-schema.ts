import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
} from 'graphql';

type FieldConfig = GraphQLFieldConfig<unknown, unknown>;

const takesRequiredArgument = (field: FieldConfig): boolean =>
  Object.values(field.args ?? {}).some(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );

/**
 * The schema sofa-api derives the REST view from: the query root only (subscriptions are live
 * pushes, served by graphql-ws), and no nested field that takes a required argument. Sofa selects
 * every field of a route's result and turns each nested argument into a query parameter of the
 * route, so such a field (`Wallet.balanceHistory(token!, chainId!)`) would make its arguments
 * mandatory for the whole route. Field configs keep their resolvers, so the copy still runs.
 */
export function restSchema(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) throw new Error('the REST view needs a schema with a Query type');
  const copies = new Map<string, GraphQLObjectType>();

  const copyObject = (type: GraphQLObjectType, root: boolean): GraphQLObjectType => {
    const known = copies.get(type.name);
    if (known) return known;
    const config = type.toConfig();
    // An interface would still name the original objects (two types of one name): refuse early.
    if (config.interfaces.length > 0) {
      throw new Error(`the REST view does not map interfaces yet (${type.name} implements some)`);
    }
    const copy = new GraphQLObjectType({
      ...config,
      fields: () =>
        Object.fromEntries(
          Object.entries(config.fields)
            .filter(([, field]) => root || !takesRequiredArgument(field))
            .map(([name, field]) => [name, { ...field, type: copyOutput(field.type) }]),
        ),
    });
    copies.set(type.name, copy);
    return copy;
  };

  const copyOutput = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isNonNullType(type)) {
      const inner = copyOutput(type.ofType);
      return isNonNullType(inner) ? inner : new GraphQLNonNull(inner);
    }
    if (isListType(type)) return new GraphQLList(copyOutput(type.ofType));
    if (isInterfaceType(type) || isUnionType(type)) {
      throw new Error(`the REST view does not map interfaces or unions yet (${type.name})`);
    }
    // Scalars and enums reference no object type: shared as they are.
    return isObjectType(type) ? copyObject(type, false) : type;
  };

  return new GraphQLSchema({ query: copyObject(query, true), description: schema.description });
}
