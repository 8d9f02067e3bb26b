import type {
  FastifyInstance,
  onRequestHookHandler,
  onResponseHookHandler,
  onSendHookHandler,
  RouteHandlerMethod,
} from 'fastify';
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { Context, RequestInfo } from '../graphql/context.js';
import type { AdmittedWork } from './admitted-work.js';
import { HttpError } from './http-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signal the request's statements run under (time limit, shutdown), once it is admitted. */
    workSignal: AbortSignal | null;
  }
}

/** The context of one GraphQL request, its statements under `signal`. */
export type ContextOf = (signal: AbortSignal, info: RequestInfo, authorization: string | null) => Context;

export interface GraphQLRouteHooks {
  /** Run in order before the body is read; any may answer (the IDE, 405, 503, 304). */
  readonly onRequest: onRequestHookHandler[];
  readonly onSend: onSendHookHandler<unknown>[];
  readonly onResponse: onResponseHookHandler[];
}

/** GraphQL is served over GET and POST; anything else is refused before its body is read. */
export const onlyGetAndPost: onRequestHookHandler = (request, _reply, done) => {
  done(
    request.method === 'GET' || request.method === 'POST'
      ? undefined
      : new HttpError(405, 'METHOD_NOT_ALLOWED', 'GraphQL is served over GET and POST.', {}, { allow: 'GET, POST' }),
  );
};

/**
 * /graphql through Apollo's fastify integration. Every method is routed here so that the hooks
 * can answer the others (405, the IDE); an admitted request runs under the admission queue and
 * the time limit, and its context reads through the signal that enforces them.
 */
export function graphqlRoute(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  work: AdmittedWork,
  contextOf: ContextOf,
  hooks: GraphQLRouteHooks,
): void {
  app.decorateRequest('workSignal', null);
  // Typed for a route that answers only strings; this one's hooks answer other things too.
  const execute = fastifyApolloHandler<Context>(apollo, {
    context: async (request) => contextOf(request.workSignal!, request.info, request.headers.authorization ?? null),
  }) as unknown as RouteHandlerMethod;
  app.route({
    method: ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/graphql',
    onRequest: hooks.onRequest,
    onSend: hooks.onSend,
    onResponse: hooks.onResponse,
    handler: async function (request, reply) {
      return work.run(request.info, async (signal) => {
        request.workSignal = signal;
        return execute.call(this, request, reply);
      });
    },
  });
}
