/** Where log lines go: process.stdout, or any stream a test hands in. */
export interface LineSink {
  write(text: string): unknown;
}

export interface LineLog {
  /** Queues one JSON line, stamped with the time it was logged. */
  readonly log: (entry: Record<string, unknown>) => void;
  /** Writes what is queued now (at exit, so no line is lost). */
  readonly flush: () => void;
}

/**
 * JSON lines, written once per turn of the event loop rather than one write each. stdout to a
 * pipe or file is synchronous in Node: a busy server's request lines, one console.log each, were
 * about 5% of its CPU (a format, a syscall and a wait per request). Lines keep their order.
 */
export function lineLog(sink: LineSink = process.stdout): LineLog {
  let queued: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued.length === 0) return;
    const text = queued.join('');
    queued = [];
    sink.write(text);
  };
  const log = (entry: Record<string, unknown>) => {
    queued.push(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { log, flush };
}
