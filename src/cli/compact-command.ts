import { compactStore } from '../store/compact-store.js';
import { commandLineOrExit, type Command } from '../settings/command.js';
import { COMPACT } from '../settings/commands.js';
import { lockHolder } from '../store/store-lock.js';
import { startupProblem } from '../startup-problem.js';

/** `grassroots compact` / `npm run compact`: gives the space DuckDB keeps for reuse back to the file system. */
export async function compact(
  argv: readonly string[],
  command: Command<typeof COMPACT.settings> = COMPACT,
): Promise<number> {
  const { values } = commandLineOrExit(command, argv);
  try {
    const result = await compactStore(values.store);
    console.log(JSON.stringify({ msg: 'compacted', store: values.store, ...result }));
    return 0;
  } catch (error) {
    const holder = lockHolder(error);
    console.error(
      holder
        ? `store ${holder.path} is open in another process (${holder.program}, PID ${holder.pid}; a running server?): stop it and compact again`
        : startupProblem(error),
    );
    return 1;
  }
}
