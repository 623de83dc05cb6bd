import { serve } from '@hono/node-server';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { createProductionApp } from './production-app.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `Fleetlog cannot start. ${error.message}\nSee .env.example for every variable.`,
      );
      process.exit(1);
    }
    throw error;
  }
  const staticDir = path.join(projectRoot, 'dist');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.error(
      'Fleetlog cannot start: dist/index.html is missing. Run `npm run build` (npm start does it for you).',
    );
    process.exit(1);
  }
  const started = performance.now();
  const { app, backends } = await createProductionApp(config, staticDir);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(
      `Fleetlog is running at http://${host}:${info.port}/ ` +
        `(backends: ${backends.map((b) => b.id).join(', ')}; ready in ${Math.round(performance.now() - started)} ms)`,
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Fleetlog cannot start: port ${config.port} on ${config.host} is in use. Set PORT to another port.`
        : `Fleetlog cannot start: ${error.message}`,
    );
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
