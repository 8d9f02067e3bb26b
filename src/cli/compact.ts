// npm run compact -- [--store PATH]: gives the space DuckDB keeps for reuse back to the file system.
import { compactStore } from '../store/compact-store.js';
import { commandLineOrExit } from '../settings/command.js';
import { COMPACT } from '../settings/commands.js';
import { lockHolder } from '../store/store-lock.js';
import { startupProblem } from '../startup-problem.js';

const { values } = commandLineOrExit(COMPACT);
try {
  const result = await compactStore(values.store);
  console.log(JSON.stringify({ msg: 'compacted', store: values.store, ...result }));
} catch (error) {
  const holder = lockHolder(error);
  console.error(
    holder
      ? `store ${holder.path} is open in another process (${holder.program}, PID ${holder.pid}; a running server?): stop it and compact again`
      : startupProblem(error),
  );
  process.exit(1);
}
