import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';

// Placeholder shell until the app routes land.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Fleetlog</h1>
    </main>
  </StrictMode>,
);
