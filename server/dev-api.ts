import { loadConfig } from './config.ts';
import { buildBackends } from './backends/registry.ts';
import { createApp } from './app.ts';

/** The API routes alone, for `npm run dev` (Vite serves the SPA with HMR). */
export function createDevApi() {
  return createApp({ backends: buildBackends(loadConfig()) });
}
