import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import {
  CSV_FORMULAS,
  EXPORT_COLUMN_NAMES,
  EXPORT_FORMATS,
  isExportFormat,
  type CsvFormulas,
} from '../analytics/export-sql.js';
import type { SubjectSet } from '../analytics/values-sql.js';
import type { Context } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { LocalDateResolver } from 'graphql-scalars';
import { toGlobalId, TYPE_OF_KIND } from '../graphql/ids.js';
import { tableRequest, type TableArgs } from '../graphql/table-args.js';
import { Geography, LocalityKind } from '../graphql/types/enums.js';
import { StatementInterruptedError } from '../store/store.js';
import type { AdmittedWork } from './admitted-work.js';
import { HttpError } from './http-error.js';
import { sendError } from './respond.js';

export const EXPORT_PATH = /^\/export\.([a-z]+)$/;

const PARAMETERS = [
  'indicators',
  'kind',
  'within',
  'localities',
  'asOf',
  'periods',
  'from',
  'to',
  'rollup',
  'geography',
  'geographyAsOf',
  'csvFormulas',
  'columns',
] as const;
const GEOGRAPHIES = Object.values(Geography);
const KINDS = Object.values(LocalityKind);

/** `a,b` → ['a','b']; repeated parameters (`?periods=2024&periods=2025`) are accepted too. */
function list(params: URLSearchParams, name: string): string[] | null {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length === 0 ? null : values;
}

function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) throw new BadInputError(name, 'give it once');
  return values[0] === undefined || values[0] === '' ? null : values[0];
}

function kind(params: URLSearchParams, name: string): LocalityKind | null {
  const value = single(params, name);
  if (value === null) return null;
  if (!(KINDS as string[]).includes(value))
    throw new BadInputError(name, `unknown kind "${value.slice(0, 40)}"`, KINDS);
  return value as LocalityKind;
}

function geography(params: URLSearchParams): Geography | null {
  const value = single(params, 'geography');
  if (value === null) return null;
  if (!(GEOGRAPHIES as string[]).includes(value))
    throw new BadInputError('geography', `unknown geography "${value.slice(0, 40)}"`, GEOGRAPHIES);
  return value as Geography;
}

/** A date as the GraphQL API takes it (LocalDate, YYYY-MM-DD): every path then compares the same canonical form. */
function localDate(params: URLSearchParams, name: string): string | null {
  const value = single(params, name);
  if (value === null) return null;
  try {
    LocalDateResolver.parseValue(value);
  } catch {
    throw new BadInputError(name, `"${value.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

/** URLs take readable codes (`village/huoi-song`, `commune/03385-2025-07-01`) as well as global ids; codes name their kind. */
function localityId(value: string, name: string): string {
  const slash = value.indexOf('/');
  if (slash < 0) return value;
  const kindName = value.slice(0, slash).toUpperCase().replaceAll('-', '_');
  const type = (TYPE_OF_KIND as Record<string, string>)[kindName];
  if (type === undefined)
    throw new BadInputError(
      name,
      `"${value.slice(0, 60)}" is not a locality code (<kind>/<slug>)`,
      KINDS.map((k) => k.toLowerCase().replaceAll('_', '-')),
    );
  return toGlobalId(type, value);
}

/** Query-string parameters to the `table` query's arguments; anything unknown is an error, not ignored. */
export function exportArgs(params: URLSearchParams): TableArgs {
  for (const name of new Set(params.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name))
      throw new BadInputError(name, 'unknown parameter', PARAMETERS);
  }
  const indicators = list(params, 'indicators');
  if (indicators === null)
    throw new BadInputError('indicators', 'give one or more indicator codes separated by commas');
  const within = single(params, 'within');
  return {
    indicators,
    kind: kind(params, 'kind'),
    within: within === null ? null : localityId(within, 'within'),
    localities: list(params, 'localities')?.map((v, i) => localityId(v, `localities[${i}]`)) ?? null,
    asOf: localDate(params, 'asOf'),
    periods: list(params, 'periods'),
    from: single(params, 'from'),
    to: single(params, 'to'),
    rollup: kind(params, 'rollup'),
    geography: geography(params),
    geographyAsOf: localDate(params, 'geographyAsOf'),
  };
}

/** How a CSV export writes text cells a spreadsheet would run as formulas (export-sql.ts); other formats take no such parameter. */
export function csvFormulas(params: URLSearchParams, extension: string): CsvFormulas {
  const value = single(params, 'csvFormulas');
  if (value === null) return 'escape';
  if (extension !== 'csv') throw new BadInputError('csvFormulas', 'applies to /export.csv only');
  if (!(CSV_FORMULAS as readonly string[]).includes(value))
    throw new BadInputError('csvFormulas', `unknown value "${value.slice(0, 40)}"`, CSV_FORMULAS);
  return value as CsvFormulas;
}

/** The columns asked for (`columns=value,qualifier,quote`), in that order; null: every column. */
export function exportColumns(params: URLSearchParams): string[] | null {
  const asked = list(params, 'columns');
  if (asked === null) return null;
  const unknown = asked.find((c) => !EXPORT_COLUMN_NAMES.includes(c));
  if (unknown !== undefined)
    throw new BadInputError('columns', `unknown column "${unknown.slice(0, 40)}"`, EXPORT_COLUMN_NAMES);
  if (new Set(asked).size !== asked.length) throw new BadInputError('columns', 'a column is named twice');
  return asked;
}

/**
 * A `within` or a locality that names no unit is the client's mistake: without this check the
 * export answered 200 with an empty table, or left the locality out.
 */
async function assertUnitsExist(ctx: Context, set: SubjectSet): Promise<void> {
  if ('ids' in set) {
    const rows = await ctx.loaders.unit.loadMany(set.ids);
    const unknown = set.ids.flatMap((id, i) => (rows[i] == null || rows[i] instanceof Error ? [`"${id}"`] : []));
    if (unknown.length > 0)
      throw new BadInputError(
        'localities',
        `no locality ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}`,
      );
  } else if ('within' in set && set.within !== null && (await ctx.loaders.unit.load(set.within)) === null) {
    throw new BadInputError('within', `no locality "${set.within}"`);
  }
}

function fileName(indicators: readonly string[], extension: string): string {
  const stem = indicators
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 80);
  return `grassroots-${stem}.${extension}`;
}

/**
 * GET /export.<csv|parquet|json|ndjson>: the `table` query's flat rows, written by DuckDB to a
 * temporary file (its writers are faster and more faithful than ours), streamed, then deleted.
 * Resolves once the file is sent (or the client has gone), so the caller's admission slot is
 * held while it streams.
 */
export async function handleExport(
  request: FastifyRequest,
  reply: FastifyReply,
  context: () => Context,
  exportDir: string | null = null,
): Promise<void> {
  const extension = (EXPORT_PATH.exec(request.url.split('?', 1)[0]!) ?? [])[1];
  if (extension === undefined) {
    reply.callNotFound();
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(reply, 405, 'METHOD_NOT_ALLOWED', 'exports answer GET', { allow: 'GET, HEAD' });
    return;
  }
  if (!isExportFormat(extension)) {
    sendError(reply, 404, 'NOT_FOUND', `no export format "${extension}"`, {
      allowed: Object.keys(EXPORT_FORMATS).map((f) => `/export.${f}`),
    });
    return;
  }
  const ctx = context();
  let exportRequest;
  let formulas: CsvFormulas;
  let columns: string[] | null;
  try {
    const params = new URL(request.url, 'http://localhost').searchParams;
    exportRequest = await tableRequest(ctx, exportArgs(params));
    formulas = csvFormulas(params, extension);
    columns = exportColumns(params);
    await assertUnitsExist(ctx, exportRequest.set);
  } catch (error) {
    if (error instanceof BadInputError) {
      const ext = error.extensions as { argument: string; allowed?: string[] };
      sendError(reply, 400, 'BAD_USER_INPUT', error.message.replace(/^Argument /, 'Parameter '), {
        parameter: ext.argument,
        ...(ext.allowed ? { allowed: ext.allowed } : {}),
      });
      return;
    }
    throw error;
  }
  const dir = await mkdtemp(join(exportDir ?? tmpdir(), 'grassroots-export-'));
  try {
    const path = join(dir, `table.${extension}`);
    await ctx.analytics.exportTable(
      exportRequest.set,
      exportRequest.indicators,
      exportRequest.window,
      exportRequest.options,
      path,
      extension,
      { csvFormulas: formulas, columns },
    );
    reply.code(200).headers({
      'content-type': EXPORT_FORMATS[extension].contentType,
      'content-disposition': `attachment; filename="${fileName(exportRequest.indicators, extension)}"`,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') {
      reply.send();
      return;
    }
    reply.send(createReadStream(path));
    // A client that hangs up mid-download is not a server error; the file is removed below either way.
    await finished(reply.raw).catch(() => {});
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ExportRouteDeps {
  readonly work: AdmittedWork;
  /** Route hooks run before the export is admitted (shutdown's refusal). */
  readonly onRequest: onRequestHookHandler[];
  /** The context of one export, its statements under `signal`. */
  readonly context: (signal: AbortSignal) => () => Context;
  /** Where export files may be written (a sandboxed store allows only this directory). */
  readonly exportDir: string | null;
  readonly timeoutMs: number;
}

/** Exports run DuckDB's COPY over a whole table: the same queue, time limit and shutdown as queries. */
export function exportRoute(app: FastifyInstance, deps: ExportRouteDeps): void {
  app.all('/export.:format', { onRequest: deps.onRequest }, async (request, reply) => {
    try {
      await deps.work.run(request.info, (signal) => handleExport(request, reply, deps.context(signal), deps.exportDir));
    } catch (error) {
      if (error instanceof StatementInterruptedError && error.reason === 'timeout') {
        throw new HttpError(
          504,
          'TIMEOUT',
          `Export stopped: it ran past the time limit timeoutMs = ${deps.timeoutMs} ms.`,
        );
      }
      throw error;
    }
    return reply;
  });
}
