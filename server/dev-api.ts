import { loadConfig } from './config.ts';
import { buildBackends } from './backends/registry.ts';
import { createApp } from './app.ts';

/**
 * The API routes alone, for `npm run dev` (Vite serves the SPA with HMR, and checks `Host` itself).
 * The same Host, origin and sign-in checks guard `/api`; pages are Vite's, without this server's
 * Content-Security-Policy (Vite's client injects inline scripts).
 */
export function createDevApi() {
  const config = loadConfig();
  return createApp({
    backends: buildBackends(config),
    allowedHosts: config.allowedHosts,
    signIn: config.signIn,
  });
}
