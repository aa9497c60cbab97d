import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/base.css';
import { i18nReady } from './lib/i18n';

const root = document.getElementById('root');
// The first page is drawn in its language, never as raw keys; the route's chunks load meanwhile.
if (root)
  void i18nReady.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
