import './app/start-backends-request.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppInstance, firstNavigationSettled } from './app/app.tsx';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

/**
 * The first navigation's loaders only load code (the adapter, the page's prefetch helper) and start
 * data requests without awaiting them. Letting them finish before React's first render keeps that
 * render (a throwaway skeleton) from delaying the requests; the deadline bounds the blank page.
 */
const FIRST_RENDER_DEADLINE_MS = 300;

const instance = createAppInstance();
void firstNavigationSettled(instance.router, FIRST_RENDER_DEADLINE_MS).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App instance={instance} />
    </StrictMode>,
  );
});
