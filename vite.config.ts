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
  build: {
    reportCompressedSize: false,
    // The manifest lets the server name a deep link's chunks in the page it serves (server/shell.ts).
    manifest: true,
    // Every browser the app supports has <link rel="modulepreload">; the polyfill only cost bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the entry imports statically goes into the entry chunk. Left to itself,
            // the bundler splits each module the entry shares with a lazy route (React's JSX
            // runtime, React Query's hooks, small helpers) into a chunk of its own: four more
            // requests before any page runs, and ~2 KB more gzip than the same code in one file
            // (docs/performance.md, "JavaScript before the rows").
            { name: 'index', tags: ['$initial'], priority: 2 },
            // The app's own modules that two or more lazy chunks share (the Event log's toolbar,
            // search and first-page helpers, formatting) go into one chunk instead of a dozen
            // files of a few hundred bytes each: a deep link's page then needs 6 scripts, not 17.
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
