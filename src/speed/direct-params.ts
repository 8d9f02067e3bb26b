/**
 * Speed machinery: direct parameter binding (docs/speed/direct-params.md).
 *
 * What: resolvers whose parameters are scalars, enums, the root, the context and info get them
 * bound directly and are called synchronously, in place of type-graphql's binding. It reads
 * type-graphql's internal metadata storage (`getMetadataStorage`, of a release candidate), and a
 * test proves every bound field calls the method type-graphql would, with the same arguments.
 * Why: type-graphql hands every @Arg through an async validator even with validation off, a
 * promise per argument per call; 7-9% of a commune profile's server time.
 * Off: `--direct-params false` (GRASSROOTS_DIRECT_PARAMS=false): the schema is type-graphql's as
 * built.
 */
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import {
  GraphQLScalarType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

type Params = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>;
/** A resolver class, as type-graphql's metadata keys them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql types its targets as ResolverClass
export type ResolverClass = Function;
type Handler = {
  target: ResolverClass;
  methodName: string;
  schemaName: string;
  params?: Params;
  middlewares?: unknown[];
  roles?: unknown[];
};
type Getter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/**
 * type-graphql hands every @Arg through validateArg, an async function even with validation off,
 * then waits for them all: a field with eleven arguments cost twelve promises per call, and a
 * list's field resolver (a commune's villages' `latest`) paid that once per item. Where a resolver
 * needs nothing type-graphql adds to its parameters (scalar and enum arguments as graphql-js
 * coerced them, the root, the context, info; no middlewares or roles), this binds them directly
 * and calls the method synchronously. Any other resolver keeps type-graphql's, and so does every
 * one of a schema built with validation, a validateFn, a container, global middlewares or an
 * auth checker. `built`: the options the schema was built with. Returns the fields bound
 * ("Type.field").
 */
export function bindParamsDirectly(schema: GraphQLSchema, built: BuildSchemaOptions): string[] {
  const bound: string[] = [];
  if (
    built.validate !== false ||
    built.validateFn ||
    built.container ||
    (built.globalMiddlewares?.length ?? 0) > 0 ||
    built.authChecker
  )
    return bound;
  const storage = getMetadataStorage();
  // (as type-graphql: only the resolvers the schema was built from; other classes may be loaded)
  const listed = new Set<ResolverClass>(built.resolvers);
  const instances = new Map<ResolverClass, object>();
  const instanceOf = (target: ResolverClass) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new (target as new () => object)()));
    return instance;
  };
  const bind = (typeName: string, field: GraphQLField<unknown, unknown> | undefined, handler: Handler) => {
    if (!field?.resolve) return; // a plain field that type-graphql left to graphql-js
    const resolve = directResolver(handler, instanceOf(handler.target));
    if (!resolve) return;
    const expected = argNames(handler).sort().join();
    const actual = field.args
      .map((arg) => arg.name)
      .sort()
      .join();
    if (expected !== actual)
      throw new Error(`bindParamsDirectly: ${field.name} has arguments (${actual}), its resolver reads (${expected})`);
    field.resolve = resolve;
    bound.push(`${typeName}.${field.name}`);
  };

  for (const [root, handlers] of [
    [schema.getQueryType(), storage.queries],
    [schema.getMutationType(), storage.mutations],
  ] as const) {
    if (root)
      for (const handler of handlers)
        if (listed.has(handler.target)) bind(root.name, root.getFields()[handler.schemaName], handler);
  }

  // An interface's field resolver serves every type that implements it, unless the type has its
  // own (as type-graphql chooses): each type's field gets the one handler that resolves it.
  const nameOf = new Map<ResolverClass, string>(
    [...storage.interfaceTypes, ...storage.objectTypes].map((t) => [t.target, t.name]),
  );
  const handlerOf = new Map<string, { typeName: string; fieldName: string; handler: Handler }>();
  const external = storage.fieldResolvers.filter(
    (handler) => handler.kind === 'external' && handler.getObjectType && listed.has(handler.target),
  );
  for (const fromInterface of [true, false]) {
    // (within a level the first handler of a field wins, as in type-graphql)
    const taken = new Set<string>();
    for (const handler of external) {
      const type = schema.getType(nameOf.get(handler.getObjectType!()) ?? '');
      if (isInterfaceType(type) !== fromInterface) continue;
      const objects = isInterfaceType(type)
        ? schema.getImplementations(type).objects
        : isObjectType(type)
          ? [type]
          : [];
      for (const object of objects) {
        const key = `${object.name}.${handler.schemaName}`;
        if (taken.has(key)) continue;
        taken.add(key);
        handlerOf.set(key, { typeName: object.name, fieldName: handler.schemaName, handler });
      }
    }
  }
  for (const { typeName, fieldName, handler } of handlerOf.values()) {
    const object = schema.getType(typeName);
    if (isObjectType(object)) bind(typeName, object.getFields()[fieldName], handler);
  }
  return bound;
}

/** The resolver with its parameters bound directly, or null where type-graphql must bind them. */
function directResolver(handler: Handler, instance: object): GraphQLFieldResolver<unknown, unknown> | null {
  if ((handler.middlewares?.length ?? 0) > 0 || (handler.roles?.length ?? 0) > 0) return null;
  const getters: Getter[] = [];
  for (const param of [...(handler.params ?? [])].sort((a, b) => a.index - b.index)) {
    const getter = getterOf(param);
    if (!getter) return null;
    getters.push(getter);
  }
  const method = (instance as Record<string, unknown>)[handler.methodName];
  if (typeof method !== 'function') return null;
  return (root, args, context, info) => {
    const values = new Array<unknown>(getters.length);
    for (let i = 0; i < getters.length; i++) values[i] = getters[i]!(root, args, context, info);
    return method.apply(instance, values);
  };
}

function getterOf(param: Params[number]): Getter | null {
  switch (param.kind) {
    case 'root':
      return param.propertyName === undefined && param.getType === undefined ? (root) => root : null;
    case 'context':
      return param.propertyName === undefined ? (_root, _args, context) => context : null;
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'arg': {
      if (param.validateFn || !isPassedAsCoerced(param.getType())) return null;
      const name = param.name;
      return (_root, args) => args[name];
    }
    default:
      return null;
  }
}

/**
 * Scalars and enums reach a method as graphql-js coerced them (type-graphql's conversion returns
 * them unchanged); an input type would be turned into its class, which only type-graphql does.
 */
function isPassedAsCoerced(type: unknown): boolean {
  return (
    type instanceof GraphQLScalarType ||
    type === String ||
    type === Number ||
    type === Boolean ||
    type === Date ||
    (typeof type === 'object' && type !== null && !Array.isArray(type))
  );
}

function argNames(handler: Handler): string[] {
  return (handler.params ?? []).flatMap((param) => (param.kind === 'arg' ? [param.name] : []));
}
