// npm run load: see load-command.ts (the same command as `grassroots load`).
import { load } from './load-command.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess((argv) => load(argv));
