import type { Hono } from 'hono';
import { createApp, firstScreensReady } from './app.ts';
import { buildBackends } from './backends/registry.ts';
import type { ConfiguredBackend } from './backends/types.ts';
import type { Config } from './config.ts';

/**
 * The app as `npm start` serves it, ready to listen: demo histories warming in the background and
 * the first-screen renderer loaded. The bench serves the same (scripts/bench/serve-snapshot.ts),
 * so what it measures is what users get.
 */
export async function createProductionApp(
  config: Config,
  staticDir: string,
): Promise<{ app: Hono; backends: ConfiguredBackend[] }> {
  // React's server renderer, loaded by createApp, in its production build: several times faster
  // than the development one, which it would otherwise pick.
  process.env.NODE_ENV ??= 'production';
  const backends = buildBackends(config, Date.now, { warmDemo: true });
  const app = createApp({
    backends,
    staticDir,
    firstScreenDeadlineMs: config.firstScreenDeadlineMs,
    firstScreenConcurrency: config.firstScreenConcurrency,
    firstScreenBusyAbove: config.firstScreenBusy,
    allowedHosts: config.allowedHosts,
    signIn: config.signIn,
  });
  await firstScreensReady(app);
  return { app, backends };
}
