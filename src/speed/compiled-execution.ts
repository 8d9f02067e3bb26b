/**
 * Speed machinery: compiled execution (docs/speed/compiled-execution.md).
 *
 * What: an operation that has run before is run as a function compiled for it (graphql-jit),
 * plugged into Apollo Server through its gateway (executor) interface.
 * Why: graphql-js walks the document anew for every object of a result; compiled, a commune
 * profile's execution took a third of the time.
 * Off: `--compiled-execution false` (GRASSROOTS_COMPILED_EXECUTION=false): no gateway, Apollo
 * runs every operation with graphql-js itself, and graphql-jit is never loaded.
 */
import {
  execute,
  getNamedType,
  GraphQLError,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  Kind,
  printSchema,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** Operations run so far, by path. */
export interface ExecutionCounts {
  compiled: number;
  interpreted: number;
}

/** How often a document runs through graphql-js before it is compiled (ad-hoc queries run once). */
export const RUNS_BEFORE_COMPILING = 1;

/**
 * A compiled function holds code for every field on every concrete type it may meet, so an
 * interface inside an interface multiplies (ten nested `parent`s of a Locality, six types each,
 * would be 6^10). Past this many (field, type) pairs a document stays with graphql-js; compiling
 * one near the limit takes some 10–25 ms of the thread, once.
 */
export const MAX_COMPILED_FIELDS = 500;

/** Operations (of any documents) whose runs are counted and whose compiled functions are kept, least recently run dropped first. */
export const COMPILED_OPERATIONS = 100;

/**
 * The (field, concrete type) pairs all kept functions may hold code for together: a function is
 * about 1 KB of code per pair (tens to some 500 KB each), so about 20 MB in all.
 */
export const COMPILED_FIELDS_KEPT = 20_000;

export interface ExecutionOptions {
  /** False: Apollo runs every operation with graphql-js, and nothing here is involved. */
  readonly compiled: boolean;
  /** How often a document runs through graphql-js before it is compiled (tests: 0 compiles every one). */
  readonly runsBeforeCompiling?: number;
  readonly log?: (entry: Record<string, unknown>) => void;
}

/** How Apollo Server runs operations, by the compiled-execution switch. */
export interface OperationExecution {
  /** For ApolloServer's options: the compiling gateway, or the schema for Apollo's own graphql-js execution. */
  readonly apollo: { readonly gateway: Gateway } | { readonly schema: GraphQLSchema };
  /** Counts the operations Apollo runs itself (compiled execution off). */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  readonly counts: ExecutionCounts;
}

export function operationExecution(schema: GraphQLSchema, options: ExecutionOptions): OperationExecution {
  if (options.compiled) {
    const gateway = compiledExecution(schema, options);
    return { apollo: { gateway }, plugin: {}, counts: gateway.counts };
  }
  const counts: ExecutionCounts = { compiled: 0, interpreted: 0 };
  const counted = {
    async executionDidStart() {
      counts.interpreted++;
    },
  };
  return { apollo: { schema }, plugin: { requestDidStart: async () => counted }, counts };
}

/**
 * Executes a query that has run before as a function compiled for it (graphql-jit), the rest
 * with graphql-js. graphql-js walks the document anew for every object in a result: for every
 * field an arguments object, a resolve-info object and a generic completion, most of a commune
 * profile's execution on the server's one thread; compiled, that execution took a third of the
 * time. The resolvers, the validation before and Apollo's error formatting after are the same on
 * both paths (`test/e2e/compiled-execution.test.ts` asks both and compares).
 *
 * Stays with graphql-js (`reasonToInterpret`): mutations (rare), operations with variable
 * defaults (graphql-jit skips them for non-null variables and turns a DateTime default into a
 * string), input objects written with a variable inside (graphql-jit fills the field of an absent
 * variable with null where graphql-js leaves it out), @skip or @include (graphql-jit writes their
 * conditions onto the shared syntax tree and mixes them between fragments), introspection,
 * operations over MAX_COMPILED_FIELDS, and a request whose operation Apollo could not resolve
 * (graphql-js then answers why). Type resolution must stay synchronous for graphql-jit
 * (`synchronousResolveType` in build-schema.ts). A compile that fails is logged, and the
 * operation stays with graphql-js.
 *
 * Plugged in through Apollo's executor interface (`gateway`), the one Apollo Server 5 offers
 * for running operations other than with graphql-js's `execute`.
 */
function compiledExecution(
  schema: GraphQLSchema,
  options: Omit<ExecutionOptions, 'compiled'>,
): Gateway & { readonly counts: ExecutionCounts } {
  const runsBeforeCompiling = options.runsBeforeCompiling ?? RUNS_BEFORE_COMPILING;
  const counts: ExecutionCounts = { compiled: 0, interpreted: 0 };
  // Apollo keeps parsed documents (its document store), so a document repeated is the same
  // object: numbered once, it names its operations in one bounded map.
  const documentNumbers = new WeakMap<DocumentNode, number>();
  let documentsSeen = 0;
  // Each operation's size is the (field, type) pairs of its compiled function (1 until compiled).
  const operations = new LRUCache<string, Operation>({
    max: COMPILED_OPERATIONS,
    maxSize: COMPILED_FIELDS_KEPT,
    sizeCalculation: (entry) => entry.fields,
  });
  const compiledFor = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): CompiledQuery | null | Promise<CompiledQuery | null> => {
    let number = documentNumbers.get(document);
    if (number === undefined) documentNumbers.set(document, (number = documentsSeen++));
    const key = `${number} ${operation.name?.value ?? ''}`;
    let entry = operations.get(key);
    if (!entry) operations.set(key, (entry = { runs: 0, compiled: null, fields: 1 }));
    if (entry.compiled === null && entry.runs++ === runsBeforeCompiling) {
      const compiling = entry;
      compiling.compiled = compile(schema, document, operation)
        .catch((error: unknown) => {
          options.log?.({
            level: 'error',
            msg: 'compile failed; the operation stays with graphql-js',
            operation: operation.name?.value ?? '(anonymous)',
            error: error instanceof Error ? error.message : String(error),
          });
          return null;
        })
        .then((compiled) => {
          compiling.compiled = compiled?.query ?? null;
          // sized again now that its function exists (unless it was dropped meanwhile)
          if (compiled && operations.peek(key) === compiling) {
            compiling.fields = compiled.fields;
            operations.set(key, compiling);
          }
          return compiling.compiled;
        });
    }
    return entry.compiled;
  };
  return {
    counts,
    async load() {
      return {
        executor: async ({ document, operation, request, context }): Promise<ExecutionResult> => {
          const compiled = operation ? await compiledFor(document, operation) : null;
          if (compiled === null || !operation) {
            counts.interpreted++;
            return execute({
              schema,
              document,
              operationName: request.operationName,
              variableValues: request.variables,
              contextValue: context,
            });
          }
          counts.compiled++;
          // Variables are checked by graphql-js, so a bad one is refused in its words (Apollo
          // answers those 400 BAD_USER_INPUT); the compiled function then coerces them the same way.
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return { errors: variables.errors };
          return withGraphQLErrors(await compiled.query(undefined, context, request.variables ?? {}));
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/** graphql-jit, loaded at the first compile: its modules took about 0.1 s of every start. */
let graphqlJit: Promise<typeof import('graphql-jit')> | null = null;

interface Operation {
  runs: number;
  compiled: CompiledQuery | null | Promise<CompiledQuery | null>;
  /** Its size in the cache: the (field, type) pairs compiled, 1 until then. */
  fields: number;
}

/**
 * The operation compiled from a private copy of the document (graphql-jit annotates the tree it
 * reads) and the (field, type) pairs it holds code for, or null where it stays with graphql-js.
 */
async function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Promise<{ query: CompiledQuery; fields: number } | null> {
  if (reasonToInterpret(schema, document, operation) !== null) return null;
  // (a failed load is tried again at the next compile)
  const { compileQuery, isCompiledQuery } = await (graphqlJit ??= import('graphql-jit').catch((error: unknown) => {
    graphqlJit = null;
    throw error;
  }));
  const compiled = compileQuery(schema, copyOf(document), operation.name?.value);
  if (!isCompiledQuery(compiled))
    throw new Error(compiled.errors?.map((e) => e.message).join('; ') ?? 'graphql-jit did not compile it');
  return { query: compiled, fields: fieldsToCompile(schema, document, operation.name?.value ?? null) };
}

/** Why an operation stays with graphql-js (see compiledExecution), or null: it is compiled. */
export function reasonToInterpret(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string | null {
  if (operation.operation !== 'query') return `a ${operation.operation}`;
  if (operation.variableDefinitions?.some((v) => v.defaultValue !== undefined)) return 'a variable default';
  let objectDepth = 0;
  let variableInObject = false;
  visit(document, {
    ObjectValue: { enter: () => void objectDepth++, leave: () => void objectDepth-- },
    Variable: () => void (variableInObject ||= objectDepth > 0),
  });
  if (variableInObject) return 'a variable inside an input object';
  if (fieldsToCompile(schema, document, operation.name?.value ?? null) > MAX_COMPILED_FIELDS)
    return 'over the compile budget, introspection or @skip/@include';
  return null;
}

/** A copy of a syntax tree's nodes; their locations (positions in the request's text) are shared, so errors point where graphql-js's do. */
function copyOf<T>(node: T): T {
  if (Array.isArray(node)) return node.map(copyOf) as T;
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === 'loc' ? value : copyOf(value)]),
  ) as T;
}

/**
 * The (field, concrete type) pairs a compiled operation would hold code for, counted up to one
 * past MAX_COMPILED_FIELDS (the walk stops there, so a fan-out costs no more to measure).
 * Introspection and @skip/@include count as past the limit: graphql-js answers those.
 */
export function fieldsToCompile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): number {
  const over = MAX_COMPILED_FIELDS + 1;
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operationName === null
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((o) => o.name?.value === operationName);
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root) return over;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  let count = 0;
  const applies = (condition: string | undefined, object: GraphQLObjectType) => {
    if (condition === undefined) return true;
    const type = schema.getType(condition);
    return type === object || (type !== undefined && isAbstractType(type) && schema.isSubType(type, object));
  };
  const walk = (selectionSet: SelectionSetNode, object: GraphQLObjectType): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include')) return false;
      if (selection.kind === Kind.FIELD) {
        if (++count > MAX_COMPILED_FIELDS || (selection.name.value.startsWith('__') && selection.selectionSet))
          return false;
        const field = object.getFields()[selection.name.value];
        if (!selection.selectionSet || !field) continue;
        const type = getNamedType(field.type);
        if (isCompositeType(type) && !within(selection.selectionSet, type)) return false;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition?.name.value, object) && !walk(fragment.selectionSet, object))
          return false;
      }
    }
    return true;
  };
  const within = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): boolean =>
    (isAbstractType(type) ? schema.getPossibleTypes(type) : [type]).every((object) => walk(selectionSet, object));
  return walk(operation.selectionSet, root) ? count : over;
}

/**
 * graphql-jit's errors lack `extensions` where the thrown error had none, and Apollo's error
 * formatting reads `extensions.code` from every error; as graphql-js's own errors (same message,
 * path, locations and original error) they are formatted, masked and logged as before.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: e.extensions ?? undefined,
    });
    (error as { locations: GraphQLError['locations'] }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}
