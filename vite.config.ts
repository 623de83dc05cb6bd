import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { createDevApi as CreateDevApi } from './server/dev-api.ts';
import tailwindcss from '@tailwindcss/vite';
import { precompress } from './scripts/precompress-plugin.ts';

/**
 * `npm run dev`: the same server routes (/api/…) as production, mounted into Vite's dev server,
 * so the SPA talks to the real forwarding code with HMR on the front end.
 */
function fleetlogApi(): Plugin {
  return {
    name: 'fleetlog-api',
    apply: 'serve',
    async configureServer(server) {
      const { getRequestListener } = await import('@hono/node-server');
      // Loaded through Vite (TypeScript, no bundling of server code into this config).
      const { createDevApi } = (await server.ssrLoadModule('/server/dev-api.ts')) as {
        createDevApi: typeof CreateDevApi;
      };
      const app = createDevApi();
      const listener = getRequestListener(app.fetch);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/') || req.url === '/api') void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), fleetlogApi(), precompress()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  // The manifest lets the server name a deep link's chunks in the page it serves (server/shell.ts).
  build: { reportCompressedSize: false, manifest: true },
});
