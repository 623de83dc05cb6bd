/**
 * The production server (`createProductionApp`, as in server/main.ts) serving a snapshot
 * of dist/ instead of dist/ itself: a rebuild during a bench run (`npm test`, `npm run build`)
 * replaces the fingerprinted assets, and pages loaded after that would fail or measure another
 * build. Started by the bench only; env BENCH_STATIC_DIR plus the server's own variables.
 */
import { serve } from '@hono/node-server';
import { loadConfig } from '../../server/config.ts';
import { createProductionApp } from '../../server/production-app.ts';

const staticDir = process.env.BENCH_STATIC_DIR;
if (!staticDir) {
  console.error('BENCH_STATIC_DIR is required.');
  process.exit(1);
}
const config = loadConfig();
const { app } = await createProductionApp(config, staticDir);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
