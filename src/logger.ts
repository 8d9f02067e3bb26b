import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** A log line as an object: what `entryLogger` hands over (tests read the server's lines this way). */
export type LogEntry = Record<string, unknown>;

/**
 * One JSON object a line: `{"level":"info","time":"2026-…Z", …fields, "msg":"…"}`. The level is
 * spelled out and the time is ISO, as the lines were before pino, so whoever reads them (a log
 * shipper, the bench, the tests waiting for "listening") reads the same; pid and hostname are
 * left out (one server a process, and the supervisor knows where it runs).
 */
export function createLogger(destination: DestinationStream = asyncDestination()): Logger {
  return pino(
    {
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * A file descriptor (standard output by default) or a file, written asynchronously: the lines
 * logged while a write is under way go out together in the next one, so a busy server's request
 * lines cost one write a batch, not one each (a synchronous write per request line was about 5%
 * of its CPU). Pino writes what is left synchronously when the process exits, however it exits
 * (process.exit, an uncaught error); only a kill it cannot see (SIGKILL) loses the last batch.
 */
export function asyncDestination(dest: number | string = 1): ReturnType<typeof pino.destination> {
  return pino.destination({ dest, sync: false });
}

/** A logger that hands every line to `onEntry` as an object, at once (tests; embedding the server). */
export function entryLogger(onEntry: (entry: LogEntry) => void): Logger {
  return createLogger({ write: (line: string) => onEntry(JSON.parse(line) as LogEntry) });
}

/** For modules that log plain entries (`{ level: 'error', msg, ...fields }`): each entry as a line of `logger`. */
export function logEntry(logger: Logger): (entry: LogEntry) => void {
  return ({ level, msg, ...fields }) => {
    const write = level === 'error' ? logger.error : level === 'warn' ? logger.warn : logger.info;
    write.call(logger, fields, typeof msg === 'string' ? msg : undefined);
  };
}
