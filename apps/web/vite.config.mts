import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.API_PORT ?? '3000';
// Every API route prefix: `npm run dev:web` proxies them to the API, so the app runs same-origin as in production.
const apiPrefixes = [
  '/auth',
  '/requests',
  '/work-queue',
  '/definitions',
  '/calendars',
  '/audit',
  '/supervision',
  '/notifications',
  '/projects',
  '/admin',
  '/health',
  '/metrics',
  '/api',
];

export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': `${root}src`,
      // The domain's one reader of labels written in every language (pure, no imports).
      '@onewindow/localized-text': `${root}../../libs/domain/src/text/localized-text.ts`,
      '@onewindow/reading-dates': `${root}../../libs/domain/src/text/reading-dates.ts`,
    },
  },
  build: {
    outDir: `${root}../../dist/web`,
    emptyOutDir: true,
    // `.vite/manifest.json`: which chunks each route loads; `npm run bench` weighs a first visit from it.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // Ant Design marks its modules "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    // A whole first path segment, so `/audit` goes to the API while the `/auditing` page stays with Vite.
    proxy: Object.fromEntries(
      apiPrefixes.map((prefix) => [`^${prefix}(/|\\?|$)`, { target: `http://127.0.0.1:${apiPort}` }]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // Ant Design forms in jsdom are slow on a busy machine; no test waits on time.
    testTimeout: 30_000,
  },
});
