/**
 * Arguments no earlier request of the run had: a draw that repeats one is drawn again, so the
 * server's result cache never holds the answer.
 */
export function distinctDraws(): { next(shape: string, draw: () => Record<string, unknown>): Record<string, unknown> } {
  const seen = new Set<string>();
  return {
    next(shape, draw) {
      for (let attempt = 0; attempt < 10_000; attempt++) {
        const vars = draw();
        const key = `${shape}\u0000${JSON.stringify(vars)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        return vars;
      }
      throw new Error(`${shape}: no new arguments left to draw`);
    },
  };
}
