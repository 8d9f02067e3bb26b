// npm run compact: see compact-command.ts (the same command as `grassroots compact`).
import { compact } from './compact-command.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess((argv) => compact(argv));
