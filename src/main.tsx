import './app/start-backends-request.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppInstance, whenRouterReady } from './app/app.tsx';
import { FirstScreenTakeover, serverRenderedState } from './app/first-screen.tsx';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A server-rendered first screen (server/first-screen/) comes with the queries it shows: the
// cache starts with them, so the app asks for none of that data again.
const serverState = serverRenderedState(root);
const instance = createAppInstance(serverState);
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <FirstScreenTakeover root={root}>
        <App instance={instance} />
      </FirstScreenTakeover>
    </StrictMode>,
  );
// React's first commit replaces the server's markup: it waits until the route's code and loaders
// are in, so that commit shows the same page instead of a loading skeleton in between.
if (serverState) void whenRouterReady(instance.router).then(render);
else render();
