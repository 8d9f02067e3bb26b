// npm run build:server [-- --if-stale]: compiles the server into dist/server (runs before `npm start`).
import { buildServer, ensureServerBuilt } from '../build/server-build.js';

if (process.argv.includes('--if-stale')) ensureServerBuilt();
else buildServer();
