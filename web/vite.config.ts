import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The production bundle must run under the server's strict CSP
// (script-src 'self'; style-src 'self'): no inline scripts or styles.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    // `npm run mock` serves the contract on 8099; `npm run dev` proxies to it.
    proxy: { '/api': 'http://127.0.0.1:8099', '/healthz': 'http://127.0.0.1:8099' },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
