import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * A whole column as one JSON array. graphql-js completes a `[Float]` list item by item (a
 * resolver-free field still costs a completion, a null check and a serialize call per item),
 * which for a million-point pull costs seconds; a scalar is serialised once, as the array it is.
 * Output only: columns are what the server sends, never what a client passes in.
 */
function columnScalar(name: string, description: string): GraphQLScalarType<unknown[], unknown[]> {
  const notInput = () => {
    throw new GraphQLError(`${name} is an output type; it cannot be passed as an argument`);
  };
  return new GraphQLScalarType<unknown[], unknown[]>({
    name,
    description,
    // Items are not checked one by one: they come from a typed SQL column, and checking them
    // would bring back the per-item cost this scalar exists to avoid.
    serialize(value) {
      if (!Array.isArray(value)) throw new GraphQLError(`${name} must be an array`);
      return value;
    },
    parseValue: notInput,
    parseLiteral: notInput,
  });
}

export const FloatColumn = columnScalar(
  'FloatColumn',
  'A column of numbers (or null) as one JSON array, serialised at once.',
);
export const IntColumn = columnScalar(
  'IntColumn',
  'A column of integers (or null) as one JSON array, serialised at once: indexes into an axis, or offsets.',
);
export const StringColumn = columnScalar('StringColumn', 'A column of strings as one JSON array, serialised at once.');
