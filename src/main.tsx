import './app/boot-start.ts';
import './app/start-backends-request.ts';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, createAppInstance, whenRouterReady } from './app/app.tsx';
import { FirstScreenTakeover, serverRenderedState } from './app/first-screen.tsx';
import './index.css';
import { applyStoredTheme } from './lib/theme.ts';
import { markBoot } from './app/boot-marks.ts';

markBoot('entry');

// Before anything renders: a theme picked with the header's toggle (the system's is CSS alone).
applyStoredTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A server-rendered first screen (server/first-screen/) comes with the queries it shows: the
// cache starts with them, so the app asks for none of that data again.
const serverState = serverRenderedState(root);
const instance = createAppInstance(serverState);
markBoot('instance');
const app = (
  <StrictMode>
    <FirstScreenTakeover root={root}>
      <App instance={instance} />
    </FirstScreenTakeover>
  </StrictMode>
);
// The server's markup is the app's own render of the same route and data: React adopts it
// (hydration) instead of building the page again. It waits until the route's code and loaders are
// in, so that its first render is that page, not a loading state.
if (serverState)
  void whenRouterReady(instance.router).then(() => {
    markBoot('routerReady');
    hydrateRoot(root, app);
  });
else createRoot(root).render(app);
