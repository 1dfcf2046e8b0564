import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.MAMORI_DEV_BACKEND ?? 'http://127.0.0.1:3000';

// The SPA lives in web/; module UIs live in src/modules/<m>/ui/ and read reference data from content/.
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: {
      allow: [`${repoRoot}web`, `${repoRoot}src/modules`, `${repoRoot}content`, `${repoRoot}node_modules`],
    },
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/verify': { target: backend, changeOrigin: false },
      '/policies': { target: backend, changeOrigin: false },
      '/certificates': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
});
