/** A command of the `grassroots` program: its arguments in, its exit status out. */
export type CommandRun = (argv: readonly string[]) => Promise<number>;

/**
 * Runs a command as its process's whole job (the npm scripts' entry files and the `grassroots`
 * bin): its status becomes the exit code. A failure the command did not expect is printed and
 * exits 1.
 */
export function runAsProcess(run: CommandRun, argv: readonly string[] = process.argv.slice(2)): void {
  run(argv).then(
    // Exits once stdout is written out: a pipe is asynchronous on macOS, and a large answer would be cut.
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
