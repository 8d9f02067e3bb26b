// npm run export: see export-command.ts (the same command as `grassroots export`).
import { exportStore } from './export-command.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess((argv) => exportStore(argv));
