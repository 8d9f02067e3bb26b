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
import type { Admit, AdmittedWork } from './admitted-work.js';
import { HttpError } from './http-error.js';
import { replyTimedOut, replyTooLarge } from './answer-limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signal the request's statements run under (time limit, shutdown). */
    workSignal: AbortSignal | null;
    /** Takes the request's admission slot once its cost is known (the limits plugin calls it). */
    admit: Admit | null;
  }
}

/** The context of one GraphQL request, its statements under `signal`, admitted by `admit`. */
export type ContextOf = (signal: AbortSignal, info: RequestInfo, authorization: string | null, admit: Admit) => Context;

export interface GraphQLRouteHooks {
  /** Run in order before the body is read; any may answer (the IDE, 405, 503, 304). */
  readonly onRequest: onRequestHookHandler[];
  readonly onSend: onSendHookHandler<unknown>[];
  readonly onResponse: onResponseHookHandler[];
}

/** The end-to-end limits the route enforces on Apollo's answer. */
export interface AnswerLimits {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
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
 * can answer the others (405, the IDE); a request is admitted once its cost is known (the limits
 * plugin calls the context's `admit`), runs under the time limit from then, and its context reads
 * through the signal that enforces them. Apollo's answer,
 * serialised, is checked once more: past the time limit it becomes 504 TIMEOUT (however the time
 * went: DuckDB, resolvers, serialising), over maxResponseBytes a 400 naming the cap.
 */
export function graphqlRoute(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  work: AdmittedWork,
  contextOf: ContextOf,
  hooks: GraphQLRouteHooks,
  limits: AnswerLimits,
): void {
  app.decorateRequest('workSignal', null);
  app.decorateRequest('admit', null);
  // Typed for a route that answers only strings; this one's hooks answer other things too.
  const execute = fastifyApolloHandler<Context>(apollo, {
    context: async (request) =>
      contextOf(request.workSignal!, request.info, request.headers.authorization ?? null, request.admit!),
  }) as unknown as RouteHandlerMethod;
  app.route({
    method: ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/graphql',
    onRequest: hooks.onRequest,
    onSend: hooks.onSend,
    onResponse: hooks.onResponse,
    handler: async function (request, reply) {
      return work.runWhenAdmitted(request.info, async (signal, expired, admit) => {
        request.workSignal = signal;
        request.admit = admit;
        const answer: unknown = await execute.call(this, request, reply);
        if (expired()) return replyTimedOut(reply, limits.timeoutMs);
        if (typeof answer === 'string') {
          const bytes = Buffer.byteLength(answer);
          if (bytes > limits.maxResponseBytes) return replyTooLarge(reply, bytes, limits.maxResponseBytes);
        }
        return answer;
      });
    },
  });
}
