import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Introspection answers come from the schema in memory, so its lists are sized by the schema:
 * all of its types and directives, and per type (per field, per directive) the schema's total
 * of fields, enum values, arguments... divided by the number of types (fields, directives) they
 * belong to. An IDE's full introspection query then costs 40,493 for the 9,796 fields it answers
 * (its type references are counted to the seventh `ofType`, most end at the first or second),
 * and a walk that nests `fields { type { fields ... } }` still grows with each level.
 */
export function introspectionSizes(schema: GraphQLSchema): ReadonlyMap<string, number> {
  const types = Object.values(schema.getTypeMap());
  const composite = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fields = composite.flatMap((t) => Object.values(t.getFields()));
  const directives = schema.getDirectives();
  const perItem = (total: number, items: number) => Math.max(1, Math.ceil(total / Math.max(1, items)));
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', perItem(fields.length, types.length)],
    ['__Type.interfaces', perItem(sum(composite.map((t) => t.getInterfaces().length)), types.length)],
    [
      '__Type.possibleTypes',
      perItem(sum(types.filter(isAbstractType).map((t) => schema.getPossibleTypes(t).length)), types.length),
    ],
    ['__Type.enumValues', perItem(sum(types.filter(isEnumType).map((t) => t.getValues().length)), types.length)],
    [
      '__Type.inputFields',
      perItem(sum(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)), types.length),
    ],
    ['__Field.args', perItem(sum(fields.map((f) => f.args.length)), fields.length)],
    ['__Directive.args', perItem(sum(directives.map((d) => d.args.length)), directives.length)],
  ]);
}
