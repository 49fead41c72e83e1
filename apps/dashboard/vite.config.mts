import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The dashboard is served by the gateway under /dashboard/ (same origin as the API, so no CORS and no URL to
 * configure). `npx nx run dashboard:serve` proxies the API to a gateway on GATEWAY_URL (default 127.0.0.1:3000).
 */
export default defineConfig({
  root,
  base: '/dashboard/',
  resolve: {
    alias: {
      '@hyperdex/client': `${workspace}libs/client/src/index.ts`,
      '@hyperdex/contracts': `${workspace}libs/contracts/src/index.ts`,
    },
  },
  build: { outDir: `${workspace}dist/apps/dashboard`, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/socket.io', '/dashboard/demo-token'].map((path) => [path, { target: process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:3000', ws: path === '/socket.io' }]),
    ),
  },
});
