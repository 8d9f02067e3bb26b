import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../graphql/context.js';
import { EXPORT_PATH, handleExport } from './export-route.js';
import { handleUi } from './ui-route.js';

export interface RouteDeps {
  readonly context: () => Context;
  /** Where export files may be written (a sandboxed store allows only this directory). */
  readonly exportDir: string | null;
}

/** The server's non-GraphQL paths. Returns false when the request is not ours (GraphQL handles it). */
export function createRoutes(deps: RouteDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  return async (req, res, url) => {
    if (EXPORT_PATH.test(url.pathname)) {
      await handleExport(req, res, url, deps.context, deps.exportDir);
      return true;
    }
    return handleUi(req, res, url);
  };
}
