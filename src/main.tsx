import './app/start-backends-request.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppInstance } from './app/app.tsx';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const instance = createAppInstance();
createRoot(root).render(
  <StrictMode>
    <App instance={instance} />
  </StrictMode>,
);
