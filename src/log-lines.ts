/** Where log lines go: process.stdout, or any stream a test hands in. */
export interface LineSink {
  write(text: string): unknown;
}

export interface LineLog {
  /** One JSON line, stamped with the time it was logged: queued or written at once (see lineLog). */
  readonly log: (entry: Record<string, unknown>) => void;
  /** Writes what is queued now (at exit, so no line is lost). */
  readonly flush: () => void;
}

/**
 * JSON lines. Those `deferred` says may wait are written once per turn of the event loop rather
 * than one write each: stdout to a pipe or file is synchronous in Node, and a busy server's
 * request lines, one console.log each, were about 5% of its CPU. Any other line (start, errors,
 * shutdown: the ones a crash must not swallow) is written at once, after those queued before it,
 * so lines keep their order.
 */
export function lineLog(sink: LineSink = process.stdout, deferred: (entry: Record<string, unknown>) => boolean = () => true): LineLog {
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
    if (!deferred(entry)) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { log, flush };
}
