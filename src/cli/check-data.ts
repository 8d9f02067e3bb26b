// npm run check-data: see src/national/check-data-cli.ts (the same command as `grassroots check-data`).
import { checkData } from '../national/check-data-cli.js';
import { runAsProcess } from './run-as-process.js';

runAsProcess((argv) => checkData(argv));
