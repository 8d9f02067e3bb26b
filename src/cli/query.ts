// npm run query: see query-command.ts (the same command as `grassroots query`).
import { query } from './query-command.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess((argv) => query(argv));
